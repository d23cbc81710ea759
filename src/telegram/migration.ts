/**
 * A group upgraded to a supergroup gets a new chat id, and Telegram refuses sends to the old one
 * (400 "group chat was upgraded to a supergroup chat", with `migrate_to_chat_id`). An answer on its
 * way when that happens is sent to the new id instead, and so is everything after it for the old
 * id (the rest of a multi-part answer, later replies); what the bot remembers about the group moves
 * with it. The service messages announcing the move (`migrate_to_chat_id` in the old chat,
 * `migrate_from_chat_id` in the new) teach the same thing before any send fails.
 */
import type { MiddlewareFn, Transformer } from "grammy";
import { LRUCache } from "lru-cache";
import type { Chat } from "../chat/chat.js";
import { log } from "../log.js";

/** Old chat id → new chat id. */
export class ChatMoves {
  readonly #to = new LRUCache<number, number>({ max: 10_000 });

  constructor(private readonly chat: Chat) {}

  /** Where to send what is addressed to `chatId` now. */
  target(chatId: number): number {
    return this.#to.get(chatId) ?? chatId;
  }

  /** Learn that `from` is now `to`, and move what is remembered about it (once). */
  learn(from: number, to: number): void {
    if (this.#to.get(from) === to) return;
    this.#to.set(from, to);
    this.chat.memory.moved(`telegram:${from}:`, `telegram:${to}:`);
    this.chat.feedback.moved(`telegram:${from}:`, `telegram:${to}:`);
    log.info("telegram group upgraded to a supergroup; following it to its new chat id");
  }
}

interface Migrated {
  ok: false;
  parameters?: { migrate_to_chat_id?: number };
}

/** Sends to a moved chat go to its new id; a send refused because the chat moved is sent there again. */
export function followMoves(moves: ChatMoves): Transformer {
  return async (prev, method, payload, signal) => {
    const p = payload as { chat_id?: number | string };
    const from = typeof p.chat_id === "number" ? p.chat_id : Number.NaN;
    if (Number.isNaN(from)) return prev(method, payload, signal);
    const res = await prev(method, { ...payload, chat_id: moves.target(from) }, signal);
    const to = !res.ok ? (res as Migrated).parameters?.migrate_to_chat_id : undefined;
    if (to === undefined) return res;
    moves.learn(from, to);
    // The replied-to message stays behind in the old chat: send without the reply rather than fail.
    const reply = (payload as { reply_parameters?: object }).reply_parameters;
    return prev(method, { ...payload, chat_id: to, ...(reply ? { reply_parameters: { ...reply, allow_sending_without_reply: true } } : {}) }, signal);
  };
}

/** The service messages of an upgrade. */
export function noticeMoves(moves: ChatMoves): MiddlewareFn {
  return (ctx, next) => {
    const msg = ctx.message;
    if (msg?.migrate_to_chat_id !== undefined) moves.learn(msg.chat.id, msg.migrate_to_chat_id);
    else if (msg?.migrate_from_chat_id !== undefined) moves.learn(msg.migrate_from_chat_id, msg.chat.id);
    else return next();
  };
}

