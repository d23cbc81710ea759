/**
 * What a follow-up question refers to. In Telegram the natural signal is the reply chain: a
 * reply to one of the bot's answers continues *that* exchange (not whatever else the group said).
 * In a private chat the last exchange also counts for a few minutes, so "and paragraph 2?" works
 * without pressing reply; `/new` forgets it.
 *
 * Kept in memory only, bounded in size and age: losing it on restart just means a follow-up is
 * read as a fresh question.
 */
import type { Turn } from "../core/bot.js";

export interface MemoryOptions {
  /** How long the last private exchange counts without an explicit reply. */
  followUpMs: number;
  /** How long a reply to an old answer still continues its exchange. */
  chainMs: number;
  /** Turns passed to the core, most recent last. */
  maxTurns: number;
  /** Answers remembered across all chats (oldest dropped first). */
  maxEntries: number;
}

const DEFAULTS: MemoryOptions = { followUpMs: 5 * 60_000, chainMs: 24 * 3_600_000, maxTurns: 4, maxEntries: 20_000 };

/** An exchange so far: what a follow-up continues. */
export interface Thread {
  /** Oldest first, at most `maxTurns`. */
  readonly turns: Turn[];
  /** Users whose questions are in `turns` (for /forget). */
  readonly askers: ReadonlySet<number>;
  readonly at: number;
}

export class ConversationMemory {
  private readonly opts: MemoryOptions;
  /** `${chatId}:${messageId}` of each answer message → the exchange it ends. */
  private readonly byMessage = new Map<string, Thread>();
  /** Private chat id → its last exchange. */
  private readonly lastPrivate = new Map<number, Thread>();

  constructor(opts: Partial<MemoryOptions> = {}) {
    this.opts = { ...DEFAULTS, ...opts };
  }

  /** The exchange a new question in `chatId` continues, if any. */
  thread(chatId: number, replyTo: number | undefined, isPrivate: boolean, now = Date.now()): Thread | undefined {
    if (replyTo !== undefined) {
      const chained = this.byMessage.get(key(chatId, replyTo));
      if (chained && now - chained.at <= this.opts.chainMs) return chained;
      if (chained) this.byMessage.delete(key(chatId, replyTo));
    }
    const last = isPrivate ? this.lastPrivate.get(chatId) : undefined;
    return last && now - last.at <= this.opts.followUpMs ? last : undefined;
  }

  /** Record an answered question: a reply to any of its answer messages continues `parent` + this turn. */
  remember(chatId: number, userId: number, messageIds: number[], parent: Thread | undefined, turn: Turn, isPrivate: boolean, now = Date.now()): void {
    const entry: Thread = {
      turns: [...(parent?.turns ?? []), turn].slice(-this.opts.maxTurns),
      askers: new Set([...(parent?.askers ?? []), userId]),
      at: now,
    };
    for (const id of messageIds) this.byMessage.set(key(chatId, id), entry);
    if (isPrivate) this.lastPrivate.set(chatId, entry);
    while (this.byMessage.size > this.opts.maxEntries) {
      const oldest = this.byMessage.keys().next().value;
      if (oldest === undefined) break;
      this.byMessage.delete(oldest);
    }
  }

  /** `/new`: the next question in this chat starts over (explicit replies still work). */
  startOver(chatId: number): void {
    this.lastPrivate.delete(chatId);
  }

  /** `/forget`: drop every remembered exchange that contains a question by this user. */
  forgetUser(userId: number): void {
    for (const [k, e] of this.byMessage) if (e.askers.has(userId)) this.byMessage.delete(k);
    for (const [chat, e] of this.lastPrivate) if (e.askers.has(userId)) this.lastPrivate.delete(chat);
  }
}

function key(chatId: number, messageId: number): string {
  return `${chatId}:${messageId}`;
}
