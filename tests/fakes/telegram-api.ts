/**
 * A fake Telegram Bot API server for tests: the real grammY client talks to it over HTTP on
 * 127.0.0.1 (TELEGRAM_API_ROOT). It serves `getUpdates` long polling from a queue the test fills,
 * records every call (failed ones too), and checks what Telegram checks where it matters to a
 * user: HTML must parse (only Telegram's tags, every `<`, `>`, `&` escaped), visible text must be
 * at most 4096 characters, replies must name an existing message. Tests can make the next calls
 * of a method fail (a 429 with `retry_after`, a rejected parse).
 */
import { EventEmitter } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type {
  CallbackQuery, Chat, InlineKeyboardMarkup, InlineQuery, Message, MessageEntity, Update, User,
} from "grammy/types";

export interface ApiCall {
  seq: number;
  method: string;
  params: Record<string, any>;
  /** What the server answered. */
  ok: boolean;
  errorCode?: number;
  description?: string;
  result?: unknown;
}

/** A message the bot sent, as the user sees it. */
export interface SentMessage {
  seq: number;
  chatId: number;
  messageId: number;
  /** Visible text (tags removed, entities decoded). */
  text: string;
  /** The text as sent (HTML when parseMode is HTML). */
  raw: string;
  parseMode?: string;
  replyTo?: number;
  threadId?: number;
  keyboard?: InlineKeyboardMarkup;
  forceReply: boolean;
  linkPreviewDisabled: boolean;
}

export interface Failure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

const TAGS = new Set(["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "tg-spoiler", "span", "blockquote", "tg-emoji"]);

/** Parse Telegram-flavoured HTML the way the Bot API does; returns the visible text or an error. */
export function parseTelegramHtml(html: string): { text: string } | { error: string } {
  let text = "";
  const open: string[] = [];
  let i = 0;
  while (i < html.length) {
    const ch = html[i];
    if (ch === "<") {
      const end = html.indexOf(">", i);
      if (end < 0) return { error: `Can't find end of the tag starting at byte offset ${i}` };
      const tag = html.slice(i + 1, end);
      const closing = tag.startsWith("/");
      const name = (closing ? tag.slice(1) : tag).split(/\s/)[0].toLowerCase();
      if (!TAGS.has(name)) return { error: `Unsupported start tag "${name}" at byte offset ${i}` };
      if (closing) {
        if (open.pop() !== name) return { error: `Unmatched end tag at byte offset ${i}, expected "</${open.at(-1) ?? ""}>", found "</${name}>"` };
      } else {
        if (name === "a" && !/^a\s+href\s*=\s*"[^"]*"\s*$/.test(tag)) return { error: `Invalid <a> tag at byte offset ${i}` };
        open.push(name);
      }
      i = end + 1;
    } else if (ch === "&") {
      const m = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/i.exec(html.slice(i));
      if (!m) return { error: `Character '&' is reserved and must be escaped (byte offset ${i})` };
      const e = m[1].toLowerCase();
      text += e === "lt" ? "<" : e === "gt" ? ">" : e === "amp" ? "&" : e === "quot" ? '"'
        : String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      i += m[0].length;
    } else if (ch === ">") {
      return { error: `Character '>' is reserved and must be escaped (byte offset ${i})` };
    } else {
      text += ch;
      i++;
    }
  }
  if (open.length) return { error: `Can't find end tag corresponding to start tag "${open.at(-1)}"` };
  return { text };
}

/** Entities a Telegram client would attach to typed text: a leading /command and @mentions. */
function entitiesOf(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const cmd = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  if (cmd) entities.push({ type: "bot_command", offset: 0, length: cmd[0].length });
  for (const m of text.matchAll(/(^|[^\w/])(@[A-Za-z0-9_]{5,32})/g)) {
    entities.push({ type: "mention", offset: m.index! + m[1].length, length: m[2].length });
  }
  return entities;
}

export interface MessageOptions {
  replyTo?: Message;
  /** Forum topic id (sets is_topic_message). */
  threadId?: number;
  /** A photo with this caption (entities as a client would attach them) instead of a text message. */
  caption?: string;
  /** Anything else to put on the message (photo, sticker, caption…). */
  extra?: Partial<Message>;
}

export class FakeTelegramApi extends EventEmitter {
  readonly token: string;
  readonly bot: User & { username: string };
  readonly calls: ApiCall[] = [];
  webhook: { url: string; secret_token?: string; allowed_updates?: string[] } | null = null;
  private server!: http.Server;
  private seq = 0;
  private updateId = 1000;
  private queue: Update[] = [];
  private waiters = new Set<() => void>();
  private failures = new Map<string, Failure[]>();
  private drops = new Map<string, number>();
  private stalls = new Map<string, number>();
  private holds = new Map<string, { arrived(): void; released: Promise<void> }[]>();
  private messageIds = new Map<number, number>();
  private messages = new Map<string, Message>();
  private chats = new Map<number, Chat>();
  /** Forum topics that exist, as `${chatId}:${threadId}`. */
  private topics = new Set<string>();
  private hangs: ((method: string, params: Record<string, any>) => boolean)[] = [];
  /** Groups upgraded to supergroups: old chat id → new one. */
  private upgraded = new Map<number, number>();

  private constructor(opts: { token?: string; username?: string; id?: number }) {
    super();
    this.setMaxListeners(0);
    this.token = opts.token ?? "123456789:TEST-token_0123456789abcdefghijklmnop";
    this.bot = { id: opts.id ?? Number(this.token.split(":")[0]), is_bot: true, first_name: "Convention Bot", username: opts.username ?? "convention_test_bot" };
  }

  static async start(opts: { token?: string; username?: string } = {}): Promise<FakeTelegramApi> {
    const api = new FakeTelegramApi(opts);
    api.server = http.createServer((req, res) => void api.handle(req, res));
    await new Promise<void>((resolve) => api.server.listen(0, "127.0.0.1", resolve));
    return api;
  }

  /** The value for TELEGRAM_API_ROOT. */
  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const wake of this.waiters) wake();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  // ---- what the test does (as users) -------------------------------------------------------

  user(id: number, opts: Partial<User> = {}): User {
    return { id, is_bot: false, first_name: `User ${id}`, language_code: "en", ...opts };
  }

  privateChat(user: User): Chat.PrivateChat {
    return this.remember({ id: user.id, type: "private", first_name: user.first_name });
  }

  group(id: number, opts: { title?: string; forum?: boolean } = {}): Chat.SupergroupChat {
    return this.remember({ id, type: "supergroup", title: opts.title ?? "Test group", ...(opts.forum ? { is_forum: true as const } : {}) });
  }

  /** A basic (not super) group, the kind that can be upgraded. */
  basicGroup(id: number, title = "Small group"): Chat.GroupChat {
    return this.remember({ id, type: "group", title });
  }

  /**
   * Upgrade a basic group to a supergroup with id `newId`, as Telegram does: from now on, sends to the
   * old id fail with 400 and `migrate_to_chat_id`. Returns the new chat (no service message is queued).
   */
  upgrade(group: Chat.GroupChat, newId: number): Chat.SupergroupChat {
    this.upgraded.set(group.id, newId);
    return this.group(newId, { title: group.title });
  }

  /** A message as Telegram would deliver it (not queued). */
  message(from: User, chat: Chat, text: string | undefined, opts: MessageOptions = {}): Message {
    const message = {
      message_id: this.nextMessageId(chat.id),
      date: Math.floor(Date.now() / 1000),
      chat,
      from,
      ...(text !== undefined ? { text, ...(entitiesOf(text).length ? { entities: entitiesOf(text) } : {}) } : {}),
      ...(opts.caption !== undefined
        ? { photo: [{ file_id: "photo", file_unique_id: "photo", width: 640, height: 480 }], caption: opts.caption, ...(entitiesOf(opts.caption).length ? { caption_entities: entitiesOf(opts.caption) } : {}) }
        : {}),
      ...(opts.replyTo ? { reply_to_message: opts.replyTo } : {}),
      ...(opts.threadId ? { message_thread_id: opts.threadId, is_topic_message: true } : {}),
      ...opts.extra,
    } as Message;
    this.messages.set(`${chat.id}:${message.message_id}`, message);
    if (opts.threadId) this.topics.add(`${chat.id}:${opts.threadId}`);
    return message;
  }

  /** Wrap a payload into an update with the next update id (not queued). */
  update(payload: { message: Message } | { callback_query: CallbackQuery } | { inline_query: InlineQuery }): Update {
    return { update_id: ++this.updateId, ...payload } as Update;
  }

  /** Queue an update for getUpdates. */
  deliver(update: Update): Update {
    this.queue.push(update);
    for (const wake of this.waiters) wake();
    return update;
  }

  /** A user sends a text message (queued); returns the message. */
  send(from: User, chat: Chat, text: string | undefined, opts: MessageOptions = {}): Message {
    const message = this.message(from, chat, text, opts);
    this.deliver(this.update({ message }));
    return message;
  }

  /** A user presses an inline button under one of the bot's messages (queued). */
  press(from: User, message: Message, data: string): CallbackQuery {
    const callback_query = { id: String(++this.seq), from, message, chat_instance: String(message.chat.id), data } as CallbackQuery;
    this.deliver(this.update({ callback_query }));
    return callback_query;
  }

  /** A user types `@bot <query>` (queued). */
  inline(from: User, query: string): InlineQuery {
    const inline_query: InlineQuery = { id: String(++this.seq), from, query, offset: "", chat_type: "private" };
    this.deliver(this.update({ inline_query }));
    return inline_query;
  }

  /** The bot's message as stored (with its current text and buttons), to reply to it or press its buttons. */
  botMessage(chatId: number, messageId: number): Message {
    const m = this.messages.get(`${chatId}:${messageId}`);
    if (!m) throw new Error(`no message ${messageId} in chat ${chatId}`);
    return m;
  }

  /** From now on, never answer calls for which `match` is true (a Bot API that hangs). */
  stall(match: (method: string, params: Record<string, any>) => boolean): void {
    this.hangs.push(match);
  }

  /** Make the next `times` calls of `method` fail with `failure`. */
  failNext(method: string, failure: Failure, times = 1): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...Array(times).fill(failure)]);
  }

  /** Cut the connection of the next `times` calls of `method` (a network error; Telegram never sees them). */
  dropNext(method: string, times = 1): void {
    this.drops.set(method, (this.drops.get(method) ?? 0) + times);
  }

  /**
   * Let the next call of `method` hang without ever reaching Telegram (unrecorded, its parameters
   * never applied, so a `getUpdates` offset in it confirms nothing) until the client gives up on it.
   * Resolves `stalled` when the request is parked, `abandoned` when the client has closed it.
   */
  stallNext(method: string): { stalled: Promise<void>; abandoned: Promise<void> } {
    this.stalls.set(method, (this.stalls.get(method) ?? 0) + 1);
    const once = (event: string) => new Promise<void>((resolve) => {
      const on = (m: string) => {
        if (m !== method) return;
        this.off(event, on);
        resolve();
      };
      this.on(event, on);
    });
    return { stalled: once("stalled"), abandoned: once("abandoned") };
  }

  /**
   * Hold the next call of `method` on its way to Telegram: `arrived` resolves when it is held;
   * `release()` lets it through, unless its client has closed the connection meanwhile (then it is
   * dropped unrecorded).
   */
  holdNext(method: string): { arrived: Promise<void>; release(): void } {
    let arrived!: () => void;
    let release!: () => void;
    const entry = { arrived: () => arrived(), released: new Promise<void>((resolve) => (release = resolve)) };
    const promise = new Promise<void>((resolve) => (arrived = resolve));
    this.holds.set(method, [...(this.holds.get(method) ?? []), entry]);
    return { arrived: promise, release };
  }

  /** Resolves once a `getUpdates` long poll is waiting for updates (the bot is polling). */
  polling(): Promise<void> {
    if (this.waiters.size) return Promise.resolve();
    return new Promise((resolve) => this.once("polling", () => resolve()));
  }

  private take(counts: Map<string, number>, method: string): boolean {
    const n = counts.get(method) ?? 0;
    if (!n) return false;
    counts.set(method, n - 1);
    return true;
  }

  // ---- what the test checks ----------------------------------------------------------------

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Messages the bot sent successfully, optionally in one chat. */
  sent(chatId?: number): SentMessage[] {
    return this.callsOf("sendMessage")
      .filter((c) => c.ok && (chatId === undefined || Number(c.params.chat_id) === chatId))
      .map((c) => {
        const m = c.result as Message.TextMessage;
        const markup = c.params.reply_markup as any;
        return {
          seq: c.seq,
          chatId: m.chat.id,
          messageId: m.message_id,
          text: m.text,
          raw: c.params.text,
          parseMode: c.params.parse_mode,
          replyTo: c.params.reply_parameters?.message_id,
          threadId: c.params.message_thread_id,
          keyboard: markup?.inline_keyboard ? markup : undefined,
          forceReply: markup?.force_reply === true,
          linkPreviewDisabled: c.params.link_preview_options?.is_disabled === true,
        };
      });
  }

  /** The bot's replies to one message. */
  repliesTo(message: Message): SentMessage[] {
    return this.sent(message.chat.id).filter((s) => s.replyTo === message.message_id);
  }

  /** Resolve once `probe` returns something truthy (checked after every API call); reject after `ms`. */
  waitFor<T>(probe: () => T | undefined | false | null, ms = 20_000, what = "condition"): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value) {
          clearTimeout(timer);
          this.off("call", check);
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        this.off("call", check);
        reject(new Error(`timed out waiting for ${what}; calls: ${this.calls.map((c) => c.method + (c.ok ? "" : "!")).join(", ")}`));
      }, ms);
      this.on("call", check);
      check();
    });
  }

  // ---- the server --------------------------------------------------------------------------

  private remember<C extends Chat>(chat: C): C {
    this.chats.set(chat.id, chat);
    return chat;
  }

  private nextMessageId(chatId: number): number {
    const id = (this.messageIds.get(chatId) ?? 0) + 1;
    this.messageIds.set(chatId, id);
    return id;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(new URL(req.url ?? "/", "http://x").pathname);
    const body = await new Promise<string>((resolve) => {
      let data = "";
      req.on("data", (c) => (data += c)).on("end", () => resolve(data));
    });
    const reply = (status: number, payload: unknown) => {
      if (!res.writableEnded && !res.destroyed) res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
    };
    if (!m) return reply(404, { ok: false, error_code: 404, description: "Not Found" });
    if (m[1] !== this.token) return reply(401, { ok: false, error_code: 401, description: "Unauthorized" });
    const method = m[2];
    const params = body ? (JSON.parse(body) as Record<string, any>) : {};
    if (this.hangs.some((stalled) => stalled(method, params))) return;
    if (this.take(this.drops, method)) {
      // A network failure: the connection is cut before Telegram answers (nothing is recorded).
      this.emit("dropped", method);
      req.socket.destroy();
      return;
    }
    if (this.take(this.stalls, method)) {
      // The request never gets through: it hangs until the client gives up, and Telegram never sees it.
      this.emit("stalled", method);
      await new Promise<void>((resolve) => (res.destroyed ? resolve() : res.once("close", () => resolve())));
      this.emit("abandoned", method);
      return;
    }
    const hold = this.holds.get(method)?.shift();
    if (hold) {
      hold.arrived();
      await hold.released;
      // A client that gave up (or exited) meanwhile: Telegram never got the call.
      if (res.destroyed || req.socket.destroyed) return;
    }
    const call: ApiCall = { seq: ++this.seq, method, params, ok: false };
    const failure = this.failures.get(method)?.shift();
    let outcome: { result: unknown } | Failure;
    if (failure) {
      outcome = failure;
    } else if (method === "getUpdates") {
      const aborted = new AbortController();
      res.on("close", () => aborted.abort());
      outcome = { result: await this.getUpdates(params, aborted.signal) };
    } else {
      outcome = this.dispatch(method, params);
    }
    if ("result" in outcome) {
      call.ok = true;
      call.result = outcome.result;
      reply(200, { ok: true, result: outcome.result });
    } else {
      call.errorCode = outcome.error_code;
      call.description = outcome.description;
      reply(outcome.error_code, { ok: false, ...outcome });
    }
    this.calls.push(call);
    this.emit("call", call);
  }

  private async getUpdates(params: Record<string, any>, signal: AbortSignal): Promise<Update[]> {
    const offset = Number(params.offset ?? 0);
    if (offset > 0) this.queue = this.queue.filter((u) => u.update_id >= offset);
    const limit = Math.min(100, Number(params.limit ?? 100));
    const deadline = Date.now() + Number(params.timeout ?? 0) * 1000;
    while (!this.queue.length && Date.now() < deadline && !signal.aborted && this.server.listening) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, Math.max(0, deadline - Date.now()));
        this.waiters.add(wake);
        this.emit("polling");
        signal.addEventListener("abort", wake, { once: true });
      });
    }
    return this.queue.slice(0, limit);
  }

  private dispatch(method: string, p: Record<string, any>): { result: unknown } | Failure {
    const bad = (description: string): Failure => ({ error_code: 400, description: `Bad Request: ${description}` });
    const movedTo = p.chat_id !== undefined ? this.upgraded.get(Number(p.chat_id)) : undefined;
    if (movedTo !== undefined) return { ...bad("group chat was upgraded to a supergroup chat"), parameters: { migrate_to_chat_id: movedTo } };
    // A thread id must name a topic of a forum (General's replies carry one that does not).
    if (p.message_thread_id !== undefined && !this.topics.has(`${p.chat_id}:${p.message_thread_id}`)) return bad("message thread not found");
    switch (method) {
      case "getMe":
        return { result: { ...this.bot, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true } };
      case "deleteWebhook":
        this.webhook = null;
        return { result: true };
      case "setWebhook":
        this.webhook = { url: p.url, secret_token: p.secret_token, allowed_updates: p.allowed_updates };
        return { result: true };
      case "setMyCommands":
      case "sendChatAction":
      case "answerCallbackQuery":
        return { result: true };
      case "answerInlineQuery": {
        const results = (p.results ?? []) as any[];
        if (results.length > 50) return bad("RESULTS_TOO_MUCH");
        const ids = results.map((r) => String(r.id));
        if (new Set(ids).size !== ids.length || ids.some((id) => Buffer.byteLength(id) > 64)) return bad("RESULT_ID_INVALID");
        for (const r of results) {
          const content = r.input_message_content;
          if (content?.parse_mode === "HTML" && "error" in parseTelegramHtml(content.message_text)) return bad("can't parse entities in an inline result");
        }
        return { result: true };
      }
      case "sendMessage": {
        const chat = this.chats.get(Number(p.chat_id));
        if (!chat) return bad("chat not found");
        const text = this.visibleText(p);
        if (typeof text !== "string") return text;
        const replyTo = p.reply_parameters?.message_id;
        const replied = replyTo !== undefined ? this.messages.get(`${chat.id}:${replyTo}`) : undefined;
        if (replyTo !== undefined && !replied && !p.reply_parameters?.allow_sending_without_reply) return bad("message to be replied not found");
        const message = {
          message_id: this.nextMessageId(chat.id),
          date: Math.floor(Date.now() / 1000),
          chat,
          from: this.bot,
          text,
          ...(replied ? { reply_to_message: replied } : {}),
          ...(p.message_thread_id ? { message_thread_id: p.message_thread_id, is_topic_message: true } : {}),
          ...(p.reply_markup?.inline_keyboard ? { reply_markup: p.reply_markup } : {}),
        } as Message.TextMessage;
        this.messages.set(`${chat.id}:${message.message_id}`, message);
        return { result: message };
      }
      case "editMessageText": {
        const message = this.messages.get(`${p.chat_id}:${p.message_id}`) as Message.TextMessage | undefined;
        if (!message) return bad("message to edit not found");
        const text = this.visibleText(p);
        if (typeof text !== "string") return text;
        if (text === message.text && !p.reply_markup) return bad("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
        message.text = text;
        return { result: message };
      }
      case "editMessageReplyMarkup": {
        const message = this.messages.get(`${p.chat_id}:${p.message_id}`);
        if (!message) return bad("message to edit not found");
        (message as any).reply_markup = p.reply_markup;
        return { result: message };
      }
      default:
        return { error_code: 404, description: "Not Found: method not found" };
    }
  }

  private visibleText(p: Record<string, any>): string | Failure {
    const raw = String(p.text ?? "");
    let text = raw;
    if (p.parse_mode === "HTML") {
      const parsed = parseTelegramHtml(raw);
      if ("error" in parsed) return { error_code: 400, description: `Bad Request: can't parse entities: ${parsed.error}` };
      text = parsed.text;
    }
    if (!text.trim()) return { error_code: 400, description: "Bad Request: message text is empty" };
    if (text.length > 4096) return { error_code: 400, description: "Bad Request: message is too long" };
    return text;
  }
}
