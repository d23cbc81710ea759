/**
 * A fake Discord for tests, on 127.0.0.1 (port 0): the REST API under `/api/v10` and a `ws` gateway, enough
 * for the real discord.js client to log in, become ready in one server, and receive interactions and
 * messages. It records every REST call, and rejects what real Discord rejects: payloads over Discord's
 * limits (400, code 50035, also listed in `violations`), a second response to one interaction (40060),
 * edits of a response that was never sent, empty messages, a wrong token (401 / close code 4004).
 * Without the Message Content intent, guild messages that do not mention the bot arrive with empty
 * content, as on Discord.
 */
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

export interface RecordedCall {
  method: string;
  /** Path after `/api/v10`, e.g. `/channels/1/messages`. */
  path: string;
  query: URLSearchParams;
  body: any;
  at: number;
}

export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: null;
  bot?: boolean;
}

export type Where = "general" | "thread" | "dm";

export interface InteractionOptions {
  user?: FakeUser;
  /** Member permissions in the server (bit field); default: view + send messages. */
  permissions?: bigint;
  where?: Where;
  locale?: string;
}

export interface SentInteraction {
  id: string;
  token: string;
  user: FakeUser;
}

const PERM_VIEW = 1n << 10n;
const PERM_SEND = 1n << 11n;
export const PERM_MANAGE_GUILD = 1n << 5n;
const INTENT_MESSAGE_CONTENT = 1 << 15;

/** Discord's documented limits (https://discord.com/developers/docs/resources/message). */
const LIMIT = {
  content: 2000, embeds: 10, title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024,
  footer: 2048, author: 256, embedsTotal: 6000, rows: 5, rowItems: 5, customId: 100, buttonLabel: 80,
  choices: 25, choiceName: 100, modalTitle: 45, label: 45, commandDescription: 100, commandOptions: 25,
};

let snowflakeCounter = 0n;
function snowflake(): string {
  return (((BigInt(Date.now()) - 1420070400000n) << 22n) + (snowflakeCounter++ % 4096n)).toString();
}

export class FakeDiscord extends EventEmitter {
  token: string;
  readonly applicationId = snowflake();
  readonly botUser: FakeUser;
  readonly guildId = snowflake();
  readonly generalId = snowflake();
  readonly threadId = snowflake();
  readonly ownerId = snowflake();
  guildLocale = "en-US";
  readonly calls: RecordedCall[] = [];
  /** Every limit or protocol rule a request broke (and was rejected for). */
  readonly violations: string[] = [];
  /** IDENTIFY payloads received (their `token` replaced by whether it matched). */
  readonly identifies: { intents: number; tokenOk: boolean }[] = [];
  /** Every message the bot created, by id (current state after edits). */
  readonly messages = new Map<string, any>();
  readonly registeredCommands = new Map<string, any[]>();
  /** For each gateway connection that closed: how many REST calls had been made by then (for ordering checks). */
  readonly gatewayClosures: { code: number; callsBefore: number }[] = [];

  private server!: http.Server;
  private wss!: WebSocketServer;
  private sockets = new Set<WebSocket>();
  private ready = new Set<WebSocket>();
  private intents = 0;
  private seq = 0;
  private dmChannels = new Map<string, string>();
  /** interaction token → state of its response. */
  private responses = new Map<string, { acked: boolean; originalId?: string; channelId: string; guildId?: string; interactionId: string; user: FakeUser; type: number }>();
  private nextFailures: { match: (method: string, path: string) => boolean; status: number; body: any; headers?: Record<string, string>; after?: boolean }[] = [];
  /** Channels where the bot may send but not embed (no Embed Links), and where it may not send at all. */
  private noEmbeds = new Set<string>();
  private stalls: ((method: string, path: string) => boolean)[] = [];
  private noSending = new Set<string>();

  private constructor(token: string) {
    super();
    this.token = token;
    this.botUser = { id: snowflake(), username: "convention-bot", global_name: null, discriminator: "0000", avatar: null, bot: true };
  }

  static async start(opts: { token?: string } = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(opts.token ?? "");
    if (!opts.token) fake.token = realisticToken(fake.botUser.id);
    await fake.listen();
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** What `DISCORD_API_ROOT` is set to: a base ending in `/api`, without version, as discord.js expects. */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  private async listen(): Promise<void> {
    this.server = http.createServer((req, res) => void this.onRequest(req, res));
    this.wss = new WebSocketServer({ server: this.server, path: "/gateway" });
    this.wss.on("connection", (ws) => this.onSocket(ws));
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---------------------------------------------------------------- users, places

  user(username: string, id = snowflake()): FakeUser {
    return { id, username, global_name: username, discriminator: "0", avatar: null };
  }

  channelId(where: Where, user?: FakeUser): string {
    if (where === "general") return this.generalId;
    if (where === "thread") return this.threadId;
    if (!user) throw new Error("a DM needs its user");
    let id = this.dmChannels.get(user.id);
    if (!id) this.dmChannels.set(user.id, (id = snowflake()));
    return id;
  }

  // ---------------------------------------------------------------- REST

  /** Make the next request matching `match` fail (e.g. a 429 with retry_after). */
  failNext(match: (method: string, path: string) => boolean, status: number, body: any, headers?: Record<string, string>): void {
    this.nextFailures.push({ match, status, body, headers });
  }

  /** Handle the next request matching `match` as usual, but answer it with a failure (Discord recorded it, the answer was lost). */
  failAfterHandling(match: (method: string, path: string) => boolean, status: number, body: any): void {
    this.nextFailures.push({ match, status, body, after: true });
  }

  /** From now on, never answer requests matching `match` (a Discord that hangs). */
  stall(match: (method: string, path: string) => boolean): void {
    this.stalls.push(match);
  }

  /** Take Embed Links from the bot in a channel: messages with embeds are refused there (403, 50013). */
  denyEmbeds(channelId: string): void {
    this.noEmbeds.add(channelId);
  }

  /** Take Send Messages from the bot in a channel: every message is refused there (403, 50013). */
  denySending(channelId: string): void {
    this.noSending.add(channelId);
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    let body: any = undefined;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const method = req.method ?? "GET";
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, "");
    const call: RecordedCall = { method, path, query: url.searchParams, body, at: Date.now() };
    this.calls.push(call);
    if (this.stalls.some((stalled) => stalled(method, path))) return void this.emit("stalled", call);
    const send = (status: number, data?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, data === undefined ? headers : { "content-type": "application/json", ...headers });
      res.end(data === undefined ? "" : JSON.stringify(data));
      this.emit("call", call, status);
    };
    try {
      const failure = this.nextFailures.findIndex((f) => f.match(method, path));
      const f = failure >= 0 ? this.nextFailures.splice(failure, 1)[0] : undefined;
      if (f && !f.after) return send(f.status, f.body, f.headers);
      const [status, data] = this.route(method, path, url.searchParams, body, req.headers.authorization);
      if (f) return send(f.status, f.body, f.headers);
      send(status, data);
    } catch (err) {
      send(500, { message: (err as Error).message, code: 0 });
    }
  }

  private route(method: string, path: string, query: URLSearchParams, body: any, auth: string | undefined): [number, unknown?] {
    const needsAuth = !path.startsWith("/interactions/") && !path.startsWith("/webhooks/");
    if (needsAuth && auth !== `Bot ${this.token}`) return [401, { message: "401: Unauthorized", code: 0 }];
    let m: RegExpExecArray | null;
    if (method === "GET" && path === "/gateway/bot") {
      return [200, { url: `ws://127.0.0.1:${this.port}/gateway`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } }];
    }
    if (method === "GET" && path === "/applications/@me") return [200, { id: this.applicationId, name: "convention-bot", flags: 0, bot: this.botUser }];
    if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path)) && method === "PUT") {
      if (m[1] !== this.applicationId) return [404, { message: "Unknown Application", code: 10002 }];
      const problems = (body as any[]).flatMap(validateCommand);
      if (problems.length) return this.reject(problems);
      const registered = (body as any[]).map((c) => ({ ...c, id: snowflake(), application_id: this.applicationId, version: snowflake(), type: c.type ?? 1 }));
      this.registeredCommands.set(m[2] ?? "global", registered);
      return [200, registered];
    }
    if ((m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path)) && method === "POST") return this.callback(m[2], body, query);
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/.exec(path))) return this.webhookMessage(method, m[2], m[3], body);
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(path)) && method === "POST") return this.followUp(m[2], body);
    if ((m = /^\/channels\/(\d+)\/typing$/.exec(path)) && method === "POST") return [204];
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === "POST") {
      if (this.noSending.has(m[1]) || (this.noEmbeds.has(m[1]) && body?.embeds?.length)) return [403, { message: "Missing Permissions", code: 50013 }];
      const problems = validateMessage(body, true);
      if (problems.length) return this.reject(problems);
      return [200, this.createMessage(m[1], body, this.guildOf(m[1]))];
    }
    if ((m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path)) && method === "GET") {
      const msg = this.messages.get(m[2]);
      return msg ? [200, msg] : [404, { message: "Unknown Message", code: 10008 }];
    }
    this.violations.push(`unexpected request ${method} ${path}`);
    return [404, { message: "404: Not Found", code: 0 }];
  }

  private reject(problems: string[]): [number, unknown] {
    this.violations.push(...problems);
    return [400, { message: "Invalid Form Body", code: 50035, errors: { _errors: problems.map((message) => ({ code: "BASE_TYPE_INVALID", message })) } }];
  }

  private guildOf(channelId: string): string | undefined {
    return channelId === this.generalId || channelId === this.threadId ? this.guildId : undefined;
  }

  private callback(token: string, body: any, query: URLSearchParams): [number, unknown?] {
    const state = this.responses.get(token);
    if (!state) return [404, { message: "Unknown interaction", code: 10062 }];
    if (state.acked) {
      this.violations.push(`interaction ${state.interactionId} answered twice`);
      return [400, { message: "Interaction has already been acknowledged.", code: 40060 }];
    }
    const type = body?.type;
    const data = body?.data ?? {};
    const problems = type === 4 || type === 7 ? validateMessage(data, type === 4) : type === 8 ? validateChoices(data) : type === 9 ? validateModal(data) : [];
    if (problems.length) return this.reject(problems);
    state.acked = true;
    if (type === 4 || type === 5) {
      const msg = this.createMessage(state.channelId, type === 4 ? data : { content: "", flags: data.flags }, state.guildId, 20);
      msg.interaction_metadata = {
        id: state.interactionId,
        type: state.type,
        user: state.user,
        authorizing_integration_owners: state.guildId ? { "0": state.guildId } : { "1": state.user.id },
      };
      state.originalId = msg.id;
    }
    if (query.get("with_response") === "true") {
      const resource = state.originalId ? { type, message: this.messages.get(state.originalId) } : { type };
      return [200, { interaction: { id: state.interactionId, type: 2 }, resource }];
    }
    return [204];
  }

  private webhookMessage(method: string, token: string, messageId: string, body: any): [number, unknown?] {
    const state = this.responses.get(token);
    const id = messageId === "@original" ? state?.originalId : messageId;
    const msg = id ? this.messages.get(id) : undefined;
    if (!state || !msg) {
      this.violations.push(`${method} of a response that was never sent (${messageId})`);
      return [404, { message: "Unknown Message", code: 10008 }];
    }
    if (method === "GET") return [200, msg];
    if (method === "DELETE") {
      this.messages.delete(msg.id);
      return [204];
    }
    const problems = validateMessage(body, false);
    if (problems.length) return this.reject(problems);
    for (const key of ["content", "embeds", "components", "allowed_mentions"]) if (body[key] !== undefined) msg[key] = body[key];
    msg.edited_timestamp = new Date().toISOString();
    return [200, msg];
  }

  private followUp(token: string, body: any): [number, unknown?] {
    const state = this.responses.get(token);
    if (!state?.acked) {
      this.violations.push("follow-up before the interaction was answered");
      return [404, { message: "Unknown Webhook", code: 10015 }];
    }
    const problems = validateMessage(body, true);
    if (problems.length) return this.reject(problems);
    return [200, this.createMessage(state.channelId, body, state.guildId)];
  }

  private createMessage(channelId: string, body: any, guildId?: string, type?: number): any {
    const ref = body.message_reference;
    const msg: any = {
      id: snowflake(),
      channel_id: channelId,
      ...(guildId ? { guild_id: guildId } : {}),
      author: this.botUser,
      content: body.content ?? "",
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      allowed_mentions: body.allowed_mentions,
      pinned: false,
      type: type ?? (ref ? 19 : 0),
      flags: body.flags ?? 0,
      ...(ref ? { message_reference: { type: 0, message_id: ref.message_id, channel_id: channelId, guild_id: guildId } } : {}),
    };
    this.messages.set(msg.id, msg);
    return msg;
  }

  // ---------------------------------------------------------------- gateway

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on("close", (code) => {
      this.gatewayClosures.push({ code, callsBefore: this.calls.length });
      this.emit("closure");
      this.sockets.delete(ws);
      this.ready.delete(ws);
    });
    ws.on("message", (raw) => this.onGatewayMessage(ws, JSON.parse(raw.toString())));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 }, s: null, t: null }));
  }

  private onGatewayMessage(ws: WebSocket, payload: { op: number; d: any }): void {
    if (payload.op === 1) {
      ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
    } else if (payload.op === 2) {
      const tokenOk = payload.d?.token === this.token;
      this.identifies.push({ intents: payload.d?.intents, tokenOk });
      if (!tokenOk) {
        ws.close(4004, "Authentication failed.");
        return;
      }
      this.intents = payload.d.intents;
      const sessionId = randomBytes(8).toString("hex");
      this.sendTo(ws, "READY", {
        v: 10,
        user: this.botUser,
        guilds: [{ id: this.guildId, unavailable: true }],
        session_id: sessionId,
        resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
        shard: [0, 1],
        application: { id: this.applicationId, flags: 0 },
        private_channels: [],
        relationships: [],
        presences: [],
        user_settings: {},
      });
      this.sendTo(ws, "GUILD_CREATE", this.guildPayload());
      this.ready.add(ws);
      this.emit("identified");
    } else if (payload.op === 6) {
      this.sendTo(ws, "RESUMED", {});
      this.ready.add(ws);
    }
  }

  private sendTo(ws: WebSocket, t: string, d: unknown): void {
    ws.send(JSON.stringify({ op: 0, t, s: ++this.seq, d }));
  }

  /** Send a dispatch event to every identified connection. */
  dispatch(t: string, d: unknown): void {
    if (!this.ready.size) throw new Error("no client connected to the fake gateway");
    for (const ws of this.ready) this.sendTo(ws, t, d);
  }

  private guildPayload(): any {
    const now = new Date().toISOString();
    return {
      id: this.guildId,
      name: "Test server",
      icon: null,
      owner_id: this.ownerId,
      preferred_locale: this.guildLocale,
      features: [],
      roles: [{ id: this.guildId, name: "@everyone", permissions: String(PERM_VIEW | PERM_SEND), position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
      emojis: [],
      stickers: [],
      channels: [{ id: this.generalId, type: 0, name: "general", position: 0, permission_overwrites: [], parent_id: null, nsfw: false }],
      threads: [
        {
          id: this.threadId, type: 11, name: "convention questions", parent_id: this.generalId, guild_id: this.guildId, owner_id: this.ownerId,
          thread_metadata: { archived: false, auto_archive_duration: 1440, locked: false, archive_timestamp: now }, member_count: 2, message_count: 0,
        },
      ],
      members: [{ user: this.botUser, roles: [], joined_at: now, deaf: false, mute: false, flags: 0 }],
      member_count: 3,
      large: false,
      unavailable: false,
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      joined_at: now,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      system_channel_flags: 0,
      premium_tier: 0,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
    };
  }

  // ---------------------------------------------------------------- what users do

  /** A user runs a slash command (`options`: name → string | number | boolean). */
  command(name: string, options: Record<string, string | number | boolean> = {}, opts: InteractionOptions = {}): SentInteraction {
    const data = {
      id: this.commandId(name),
      name,
      type: 1,
      options: Object.entries(options).map(([k, v]) => ({ name: k, type: optionType(v), value: v })),
    };
    return this.interact(2, data, opts);
  }

  /** A user types in a command's autocompleted option. */
  autocomplete(name: string, option: string, typed: string, opts: InteractionOptions = {}): SentInteraction {
    const data = { id: this.commandId(name), name, type: 1, options: [{ name: option, type: 4, value: typed, focused: true }] };
    return this.interact(4, data, opts);
  }

  /** A user presses a button (by custom id) on one of the bot's messages. */
  press(messageId: string, customId: string, opts: InteractionOptions = {}): SentInteraction {
    const message = this.messages.get(messageId);
    if (!message) throw new Error(`no bot message ${messageId}`);
    return this.interact(3, { custom_id: customId, component_type: 2 }, { where: message.guild_id ? "general" : "dm", ...opts }, message);
  }

  /** A user submits a modal whose text inputs (inside labels) have these values. */
  submitModal(customId: string, values: Record<string, string>, opts: InteractionOptions = {}): SentInteraction {
    const components = Object.entries(values).map(([id, value], i) => ({ type: 18, id: i + 1, component: { type: 4, id: i + 10, custom_id: id, value } }));
    return this.interact(5, { custom_id: customId, components }, opts);
  }

  private commandIds = new Map<string, string>();
  private commandId(name: string): string {
    let id = this.commandIds.get(name);
    if (!id) this.commandIds.set(name, (id = snowflake()));
    return id;
  }

  private interact(type: number, data: unknown, opts: InteractionOptions, message?: any): SentInteraction {
    const user = opts.user ?? this.user("someone");
    const where = opts.where ?? "general";
    const channelId = this.channelId(where, user);
    const inGuild = where !== "dm";
    const id = snowflake();
    const token = `itok_${randomBytes(24).toString("base64url")}`;
    const permissions = String(opts.permissions ?? PERM_VIEW | PERM_SEND);
    this.responses.set(token, { acked: false, channelId, guildId: inGuild ? this.guildId : undefined, interactionId: id, user, type });
    const channel = inGuild
      ? where === "thread"
        ? { id: channelId, type: 11, name: "convention questions", guild_id: this.guildId, parent_id: this.generalId }
        : { id: channelId, type: 0, name: "general", guild_id: this.guildId }
      : { id: channelId, type: 1, recipients: [user] };
    this.dispatch("INTERACTION_CREATE", {
      id,
      application_id: this.applicationId,
      type,
      data,
      token,
      version: 1,
      channel_id: channelId,
      channel,
      locale: opts.locale ?? "en-US",
      app_permissions: String(PERM_VIEW | PERM_SEND),
      entitlements: [],
      authorizing_integration_owners: inGuild ? { "0": this.guildId } : { "1": user.id },
      context: inGuild ? 0 : 1,
      attachment_size_limit: 8388608,
      ...(message ? { message } : {}),
      ...(inGuild
        ? { guild_id: this.guildId, guild_locale: this.guildLocale, guild: { id: this.guildId, locale: this.guildLocale, features: [] }, member: { user, roles: [], permissions, joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 } }
        : { user }),
    });
    return { id, token, user };
  }

  /**
   * A user posts a message. `mention` puts `<@bot>` in front; `replyTo` makes it a reply to that bot
   * message, pinging the bot unless `ping: false`. Content is withheld as Discord withholds it.
   */
  post(text: string, opts: { user?: FakeUser; where?: Where; mention?: boolean; replyTo?: string; ping?: boolean; everyone?: boolean; others?: FakeUser[] } = {}): any {
    const user = opts.user ?? this.user("someone");
    const where = opts.where ?? "general";
    const channelId = this.channelId(where, user);
    const inGuild = where !== "dm";
    const replied = opts.replyTo ? this.messages.get(opts.replyTo) : undefined;
    if (opts.replyTo && !replied) throw new Error(`no bot message ${opts.replyTo}`);
    const content = opts.mention ? `<@${this.botUser.id}> ${text}` : text;
    const pingsBot = Boolean(opts.mention || (replied && opts.ping !== false));
    const readable = !inGuild || pingsBot || (this.intents & INTENT_MESSAGE_CONTENT) !== 0;
    const member = { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 };
    const message = {
      id: snowflake(),
      channel_id: channelId,
      channel_type: where === "dm" ? 1 : where === "thread" ? 11 : 0,
      ...(inGuild ? { guild_id: this.guildId, member } : {}),
      author: user,
      content: readable ? content : "",
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: Boolean(opts.everyone && inGuild),
      mentions: [
        ...(pingsBot ? [{ ...this.botUser, ...(inGuild ? { member: { roles: [], joined_at: member.joined_at, deaf: false, mute: false, flags: 0 } } : {}) }] : []),
        ...(opts.others ?? []),
      ],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: replied ? 19 : 0,
      flags: 0,
      ...(replied ? { message_reference: { type: 0, message_id: replied.id, channel_id: channelId, ...(inGuild ? { guild_id: this.guildId } : {}) }, referenced_message: replied } : {}),
    };
    this.dispatch("MESSAGE_CREATE", message);
    return message;
  }

  // ---------------------------------------------------------------- reading what the bot did

  /** Resolve with the first recorded call (past or future) matching `pred`. */
  waitFor(pred: (c: RecordedCall) => boolean, timeoutMs = 30_000): Promise<RecordedCall> {
    const found = this.calls.find(pred);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off("call", listener);
        reject(new Error("fake Discord: the expected request never came"));
      }, timeoutMs);
      const listener = (c: RecordedCall) => {
        if (!pred(c)) return;
        clearTimeout(timer);
        this.off("call", listener);
        resolve(c);
      };
      this.on("call", listener);
    });
  }

  /** Resolve once a gateway connection has closed (at once if one already has). */
  gatewayClosed(): Promise<void> {
    return this.gatewayClosures.length ? Promise.resolve() : new Promise((resolve) => this.once("closure", () => resolve()));
  }

  /** Calls made with an interaction's token (its callback, edits of its response, follow-ups), in order. */
  responsesTo(i: SentInteraction): RecordedCall[] {
    return this.calls.filter((c) => c.path.includes(`/${i.token}`));
  }

  /** The interaction's final response message (after edits), if any. */
  original(i: SentInteraction): any {
    const id = this.responses.get(i.token)?.originalId;
    return id ? this.messages.get(id) : undefined;
  }

  /** Messages the bot created with POST /channels/:id/messages replying to `messageId`. */
  repliesTo(messageId: string): any[] {
    return [...this.messages.values()].filter((m) => m.message_reference?.message_id === messageId);
  }

  /** Every request body that carried message content, embeds or components. */
  messagePayloads(): any[] {
    return this.calls
      .map((c) => (c.path.endsWith("/callback") ? c.body?.data : c.body))
      .filter((b) => b && typeof b === "object" && ("content" in b || "embeds" in b) && !("choices" in b));
  }
}

/** A token shaped like Discord's (base64 user id, timestamp, HMAC), so log scrubbing is really tested. */
function realisticToken(userId: string): string {
  return `${Buffer.from(userId).toString("base64url")}.${randomBytes(5).toString("base64url").slice(0, 6)}.${randomBytes(28).toString("base64url")}`;
}

function optionType(v: string | number | boolean): number {
  return typeof v === "boolean" ? 5 : typeof v === "number" ? 4 : 3;
}

/** Problems with a message body, as Discord would report them. */
export function validateMessage(body: any, creating: boolean): string[] {
  const problems: string[] = [];
  if (!body || typeof body !== "object") return ["message body is not an object"];
  const embeds: any[] = body.embeds ?? [];
  if (creating && !body.content && !embeds.length && !(body.components ?? []).length) problems.push("Cannot send an empty message");
  if ((body.content ?? "").length > LIMIT.content) problems.push(`content longer than ${LIMIT.content} (${body.content.length})`);
  if (embeds.length > LIMIT.embeds) problems.push(`more than ${LIMIT.embeds} embeds`);
  let total = 0;
  for (const e of embeds) {
    const check = (what: string, text: string | undefined, max: number) => {
      if (text === undefined) return;
      total += text.length;
      if (text.length > max) problems.push(`embed ${what} longer than ${max} (${text.length})`);
    };
    check("title", e.title, LIMIT.title);
    check("description", e.description, LIMIT.description);
    check("footer", e.footer?.text, LIMIT.footer);
    check("author", e.author?.name, LIMIT.author);
    if ((e.fields ?? []).length > LIMIT.fields) problems.push(`more than ${LIMIT.fields} fields`);
    for (const f of e.fields ?? []) {
      if (!f.name || !f.value) problems.push("embed field with an empty name or value");
      check("field name", f.name, LIMIT.fieldName);
      check("field value", f.value, LIMIT.fieldValue);
    }
  }
  if (total > LIMIT.embedsTotal) problems.push(`embeds total longer than ${LIMIT.embedsTotal} (${total})`);
  const rows: any[] = body.components ?? [];
  if (rows.length > LIMIT.rows) problems.push(`more than ${LIMIT.rows} component rows`);
  for (const row of rows) {
    if ((row.components ?? []).length > LIMIT.rowItems) problems.push(`more than ${LIMIT.rowItems} components in a row`);
    for (const c of row.components ?? []) {
      if (c.custom_id && c.custom_id.length > LIMIT.customId) problems.push(`custom_id longer than ${LIMIT.customId}`);
      if (c.label && c.label.length > LIMIT.buttonLabel) problems.push(`button label longer than ${LIMIT.buttonLabel}`);
      if (c.type === 2 && !c.label && !c.emoji) problems.push("button without label or emoji");
    }
  }
  return problems;
}

function validateChoices(data: any): string[] {
  const choices: any[] = data?.choices ?? [];
  const problems: string[] = [];
  if (choices.length > LIMIT.choices) problems.push(`more than ${LIMIT.choices} choices`);
  for (const c of choices) if (!c.name || c.name.length > LIMIT.choiceName) problems.push(`choice name empty or longer than ${LIMIT.choiceName}`);
  return problems;
}

function validateModal(data: any): string[] {
  const problems: string[] = [];
  if (!data?.title || data.title.length > LIMIT.modalTitle) problems.push(`modal title empty or longer than ${LIMIT.modalTitle}`);
  if (!data?.custom_id || data.custom_id.length > LIMIT.customId) problems.push("modal custom_id empty or too long");
  const comps: any[] = data?.components ?? [];
  if (!comps.length || comps.length > 5) problems.push("a modal needs 1 to 5 components");
  for (const c of comps) if (c.type === 18 && (!c.label || c.label.length > LIMIT.label)) problems.push(`label empty or longer than ${LIMIT.label}`);
  return problems;
}

function validateCommand(c: any): string[] {
  const problems: string[] = [];
  if (!/^[-_\p{L}\p{N}]{1,32}$/u.test(c.name ?? "") || c.name !== c.name.toLowerCase()) problems.push(`invalid command name ${c.name}`);
  if (!c.description || c.description.length > LIMIT.commandDescription) problems.push(`command ${c.name}: description empty or too long`);
  for (const d of Object.values(c.description_localizations ?? {}) as string[]) if (d.length > LIMIT.commandDescription) problems.push(`command ${c.name}: localized description too long`);
  if ((c.options ?? []).length > LIMIT.commandOptions) problems.push(`command ${c.name}: too many options`);
  for (const o of c.options ?? []) {
    if (!o.description || o.description.length > LIMIT.commandDescription) problems.push(`option ${c.name}.${o.name}: description empty or too long`);
    for (const d of Object.values(o.description_localizations ?? {}) as string[]) if (d.length > LIMIT.commandDescription) problems.push(`option ${c.name}.${o.name}: localized description too long`);
    if (o.autocomplete && o.choices?.length) problems.push(`option ${c.name}.${o.name}: autocomplete with choices`);
  }
  return problems;
}
