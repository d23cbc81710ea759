/**
 * Conversation memory for follow-up questions, in process memory only (bounded, expiring).
 * Two ways a question continues an earlier exchange:
 *  - a reply chain: the question replies to one of the bot's answers, whose history is kept under that
 *    answer's message id;
 *  - a place: a thread or a DM, where the last exchanges there count for a while.
 * `/new` forgets the user's place and cuts every reply chain of theirs older than that moment.
 */
import type { Turn } from "../core/bot.js";

interface Exchange {
  userId: string;
  /** Order of remembering (a counter, not a clock: `/new` and a question may share a millisecond). */
  seq: number;
  turn: Turn;
}

/** What a question continues: the turns for the core, and the exchanges to extend once answered. */
export interface Recalled {
  turns: Turn[];
  exchanges: readonly Exchange[];
}

interface Entry {
  exchanges: Exchange[];
  expires: number;
}

export interface ConversationOptions {
  /** How many entries (reply chains and places together) are kept at most; the oldest go first. */
  maxEntries?: number;
  /** How long a reply chain stays answerable in context. */
  chainTtlMs?: number;
  /** How long the last exchanges in a thread or DM count. */
  placeTtlMs?: number;
  /** How many earlier turns are passed to the core at most. */
  maxTurns?: number;
}

export class Conversations {
  readonly #entries = new Map<string, Entry>();
  readonly #resetAt = new Map<string, number>();
  readonly #opts: Required<ConversationOptions>;
  #seq = 0;

  constructor(opts: ConversationOptions = {}) {
    this.#opts = { maxEntries: 10_000, chainTtlMs: 24 * 3600_000, placeTtlMs: 15 * 60_000, maxTurns: 6, ...opts };
  }

  /** What a question by `userId` continues: the reply chain of bot message `repliedTo`, else the `place`. */
  recall(userId: string, where: { repliedTo?: string; place?: string }): Recalled {
    const entry = (where.repliedTo && this.#get(`m:${where.repliedTo}`)) || (where.place && this.#get(`p:${where.place}`));
    const reset = this.#resetAt.get(userId) ?? -1;
    const exchanges = entry ? entry.exchanges.filter((e) => e.seq > reset) : [];
    return { turns: exchanges.map((e) => e.turn), exchanges };
  }

  /**
   * Remember an answered question: under each bot message that carries the answer (so replies to any
   * of them continue it) and under the place, if the question was asked in a thread or DM.
   */
  remember(userId: string, recalled: Recalled, turn: Turn, where: { messageIds: string[]; place?: string }): void {
    const exchanges = [...recalled.exchanges, { userId, seq: ++this.#seq, turn }].slice(-this.#opts.maxTurns);
    for (const id of where.messageIds) this.#set(`m:${id}`, exchanges, this.#opts.chainTtlMs);
    if (where.place) this.#set(`p:${where.place}`, exchanges, this.#opts.placeTtlMs);
  }

  /** `/new`: forget the place and every earlier exchange of this user. */
  forget(userId: string, place?: string): void {
    this.#resetAt.delete(userId);
    this.#resetAt.set(userId, this.#seq);
    if (place) this.#entries.delete(`p:${place}`);
    if (this.#resetAt.size > this.#opts.maxEntries) this.#resetAt.delete(this.#resetAt.keys().next().value!);
  }

  #get(key: string): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry && entry.expires <= Date.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  #set(key: string, exchanges: Exchange[], ttl: number): void {
    this.#entries.delete(key);
    this.#entries.set(key, { exchanges, expires: Date.now() + ttl });
    while (this.#entries.size > this.#opts.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
  }
}
