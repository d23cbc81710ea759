/**
 * Hints that must not nag: a hint the bot gives on its own initiative (not in answer to a question)
 * is given at most once per key (a user in a channel) per period. Bounded and expiring (lru-cache),
 * so remembering costs nothing for people who never need a hint.
 */
import { LRUCache } from "lru-cache";

export class Hints {
  readonly #given: LRUCache<string, true>;

  constructor(periodMs = 60 * 60_000, max = 20_000) {
    this.#given = new LRUCache({ max, ttl: periodMs });
  }

  /** True the first time for `key` in the period (and remembers it); false after that. */
  first(key: string): boolean {
    if (this.#given.has(key)) return false;
    this.#given.set(key, true);
    return true;
  }
}
