/**
 * Per-user question cooldown: at most `RATE_LIMIT_PER_MIN` questions a minute per Discord user (the same
 * setting the Telegram bot uses; 0 turns it off). Counted in memory by rate-limiter-flexible, which
 * expires its own keys, so idle users cost nothing.
 */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export type CooldownResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export class Cooldown {
  readonly #limiter: RateLimiterMemory | null;

  constructor(perMinute: number) {
    this.#limiter = perMinute > 0 ? new RateLimiterMemory({ points: perMinute, duration: 60, keyPrefix: "discord" }) : null;
  }

  /** Spend one question for `userId`; when none is left, say how long until the next one. */
  async take(userId: string): Promise<CooldownResult> {
    if (!this.#limiter) return { ok: true };
    try {
      await this.#limiter.consume(userId);
      return { ok: true };
    } catch (err) {
      if (err instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
      throw err;
    }
  }
}
