/**
 * Connecting to a platform at start, again and again until it works: a platform that is down for a
 * while (network, an outage) must not stop the bot, and must not leave the operator guessing either.
 * Every failed attempt is logged once with the reason and the time of the next attempt; waits grow
 * from 1 s to a cap of 30 s. Errors that retrying cannot fix (a rejected token) end the start.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { log, scrubSecrets } from "../log.js";

/** Seconds to wait after the 1st, 2nd, … failed attempt (the last repeats). */
export const RETRY_DELAYS_S = [1, 2, 4, 8, 16, 30];

export interface RetryInfo {
  attempt: number;
  next: Date;
  reason: string;
}

export interface RetryOptions {
  /** "Telegram", "Discord": how the log names it. */
  name: string;
  /** True for errors retrying cannot fix: they are thrown at once. */
  permanent(err: unknown): boolean;
  /** Told about each failed attempt (for readiness). */
  onRetry?(info: RetryInfo): void;
  signal?: AbortSignal;
  /** Secrets to keep out of logged reasons (the token). */
  secrets?: (string | undefined)[];
}

export async function withRetries<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let n = 1; ; n++) {
    options.signal?.throwIfAborted();
    try {
      return await attempt();
    } catch (err) {
      if (options.permanent(err) || options.signal?.aborted) throw err;
      const seconds = RETRY_DELAYS_S[Math.min(n, RETRY_DELAYS_S.length) - 1];
      const next = new Date(Date.now() + seconds * 1000);
      const reason = scrubSecrets((err as Error)?.message ?? String(err), options.secrets ?? []).replace(/https?:\/\/\S+/g, "[url]");
      log.warn(
        { platform: options.name.toLowerCase(), attempt: n, err: reason, nextAttemptAt: next.toISOString() },
        `${options.name}: cannot connect (${reason}); attempt ${n + 1} at ${next.toISOString().slice(11, 19)} UTC (in ${seconds} s)`,
      );
      options.onRetry?.({ attempt: n, next, reason });
      await sleep(seconds * 1000, undefined, { signal: options.signal });
    }
  }
}

/** "connecting to Telegram (attempt 3 at 12:04:05 UTC)": the readiness reason while retrying. */
export function connectingReason(name: string, info?: RetryInfo): string {
  return info ? `connecting to ${name} (attempt ${info.attempt + 1} at ${info.next.toISOString().slice(11, 19)} UTC; last error: ${info.reason})` : `connecting to ${name}`;
}
