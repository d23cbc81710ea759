/**
 * Logs why the store failed without flooding: one line per action and error code per minute (with a
 * count of the ones left out), and "working again" at most once a minute per action — a store that
 * fails every other write must not alternate "could not" and "working again" on every answer.
 */
import { log } from "../log.js";

const LOG_EVERY_MS = 60_000;

export function errorCode(err: unknown): string {
  return (err as { code?: unknown })?.code?.toString() ?? "unknown";
}

export class FailureLog {
  readonly #last = new Map<string, { at: number; suppressed: number; failing: boolean }>();
  readonly #recoveredAt = new Map<string, number>();

  report(action: string, err: unknown): void {
    const code = errorCode(err);
    const key = `${action}:${code}`;
    const now = Date.now();
    const last = this.#last.get(key);
    if (last && now - last.at < LOG_EVERY_MS) {
      last.suppressed++;
      last.failing = true;
      return;
    }
    this.#last.set(key, { at: now, suppressed: 0, failing: true });
    log.warn(
      { action, code, err: (err as Error)?.message, suppressed: last?.suppressed || undefined },
      `operations store: could not ${action}`,
    );
  }

  recovered(action: string): void {
    let was = false;
    for (const [key, entry] of this.#last) {
      if (key.startsWith(`${action}:`) && entry.failing) {
        entry.failing = false;
        was = true;
      }
    }
    if (!was) return;
    const now = Date.now();
    if (now - (this.#recoveredAt.get(action) ?? 0) < LOG_EVERY_MS) return;
    this.#recoveredAt.set(action, now);
    log.info({ action }, "operations store: working again");
  }
}
