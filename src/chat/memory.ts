/**
 * What a follow-up question refers to, for every platform. Two signals, best first:
 *  - a reply chain: the question replies to one of the bot's answers, and continues *that* exchange
 *    (not whatever else a busy group said since);
 *  - a place: a private chat, a DM or a thread, where the last exchange counts for a few minutes, so
 *    "and paragraph 2?" works without pressing reply.
 *
 * Kept in process memory only, in two lru-caches bounded in size and age: losing it on restart just
 * means a follow-up is read as a fresh question. Keys are the platform's own ("telegram:-100:55",
 * "discord:dm:123"), so one store can serve several platforms.
 */
import { LRUCache } from "lru-cache";
import type { Turn } from "../core/bot.js";
import { rekey } from "./rekey.js";

export interface MemoryOptions {
  /** How long the last exchange in a place counts without an explicit reply. */
  placeTtlMs: number;
  /** How long a reply to an old answer still continues its exchange. */
  chainTtlMs: number;
  /** Turns passed to the core at most, most recent last. */
  maxTurns: number;
  /** Reply chains (and, separately, places) remembered at most; the least recently used go first. */
  maxEntries: number;
  /** The clock (tests pass their own). */
  perf?: { now(): number };
}

const DEFAULTS: MemoryOptions = { placeTtlMs: 5 * 60_000, chainTtlMs: 24 * 3_600_000, maxTurns: 4, maxEntries: 20_000 };

/** One answered question, and who asked it (for /forget). */
interface Exchange {
  user: string;
  turn: Turn;
}

/** What a question continues: the turns for the core, and the exchanges to extend once answered. */
export interface Recalled {
  readonly turns: Turn[];
  readonly exchanges: readonly Exchange[];
}

export interface Where {
  /** The bot message the question replies to. */
  replyTo?: string;
  /** The private chat, DM or thread it was asked in; none in a group's main channel. */
  place?: string;
}

const NOTHING: Recalled = { turns: [], exchanges: [] };

export class ConversationMemory {
  readonly #opts: MemoryOptions;
  readonly #chains: LRUCache<string, Exchange[]>;
  readonly #places: LRUCache<string, Exchange[]>;

  constructor(opts: Partial<MemoryOptions> = {}) {
    this.#opts = { ...DEFAULTS, ...opts };
    // A given clock is read on every check (lru-cache otherwise caches "now" for a millisecond).
    const perf = this.#opts.perf ? { perf: this.#opts.perf, ttlResolution: 0 } : {};
    this.#chains = new LRUCache({ max: this.#opts.maxEntries, ttl: this.#opts.chainTtlMs, ...perf });
    this.#places = new LRUCache({ max: this.#opts.maxEntries, ttl: this.#opts.placeTtlMs, ...perf });
  }

  /** The exchange a new question continues: the reply chain it answers, else its place's last one. */
  recall(where: Where): Recalled {
    const exchanges = (where.replyTo && this.#chains.get(where.replyTo)) || (where.place && this.#places.get(where.place));
    return exchanges ? { turns: exchanges.map((e) => e.turn), exchanges } : NOTHING;
  }

  /** Record an answered question: a reply to any of `messageIds`, or the next question in `place`, continues it. */
  remember(user: string, recalled: Recalled, turn: Turn, where: { messageIds: string[]; place?: string }): void {
    const exchanges = [...recalled.exchanges, { user, turn }].slice(-this.#opts.maxTurns);
    for (const id of where.messageIds) this.#chains.set(id, exchanges);
    if (where.place) this.#places.set(where.place, exchanges);
  }

  /** `/new`: the next question in this place starts over (an explicit reply to an answer still continues it). */
  startOver(place: string | undefined): void {
    if (place) this.#places.delete(place);
  }

  /** A place got a new id (a Telegram group upgraded to a supergroup): keys starting with `from` now start with `to`. */
  moved(from: string, to: string): void {
    rekey(this.#chains, from, to);
    rekey(this.#places, from, to);
  }

  /** `/forget`: drop every remembered exchange that contains a question by this user. */
  forgetUser(user: string): void {
    for (const cache of [this.#chains, this.#places]) {
      for (const [key, exchanges] of cache.entries()) if (exchanges.some((e) => e.user === user)) cache.delete(key);
    }
  }
}
