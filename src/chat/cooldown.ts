/**
 * The per-user question cooldown: at most RATE_LIMIT_PER_MIN questions a minute per user and
 * platform (0 turns it off), counted in memory by rate-limiter-flexible, which expires its own keys
 * so idle users cost nothing. Only questions spend it: commands, buttons and inline queries do not.
 */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export type Slot = { ok: true } | { ok: false; retryAfterSeconds: number };

export class Cooldown {
  readonly #limiter: RateLimiterMemory | null;

  constructor(perMinute: number) {
    this.#limiter = perMinute > 0 ? new RateLimiterMemory({ points: perMinute, duration: 60 }) : null;
  }

  /** Spend one question for `user` (e.g. "telegram:42"); when none is left, say how long until the next. */
  async take(user: string): Promise<Slot> {
    if (!this.#limiter) return { ok: true };
    try {
      await this.#limiter.consume(user);
      return { ok: true };
    } catch (err) {
      if (err instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
      throw err;
    }
  }
}
