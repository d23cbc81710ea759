/**
 * Rows the store could not write are lost; this makes sure someone hears about it. Each dropped row
 * is counted (for `convention_bot_store_dropped_total`), and a warning names how many were dropped and
 * why: at once for the first drop after a quiet spell, then at most once a minute while drops go on —
 * a full disk must not log a line per answer, nor go quiet after its first line.
 */
import { log } from "../log.js";

export type DropKind = "answer" | "feedback";

export interface Drop {
  kind: DropKind;
  /** SQLite's error code (SQLITE_FULL, SQLITE_BUSY…), or why nothing could be tried (salt_missing, unavailable). */
  reason: string;
}

export const REPORT_EVERY_MS = 60_000;

export class DropLog {
  #total = 0;
  readonly #pending = new Map<string, number>();
  readonly #listeners = new Set<(drop: Drop) => void>();
  #timer: NodeJS.Timeout | undefined;

  constructor(private readonly everyMs: number = REPORT_EVERY_MS) {}

  /** Rows dropped since the store was opened. */
  get total(): number {
    return this.#total;
  }

  drop(kind: DropKind, reason: string): void {
    this.#total++;
    this.#pending.set(reason, (this.#pending.get(reason) ?? 0) + 1);
    for (const listener of this.#listeners) listener({ kind, reason });
    if (this.#timer) return;
    this.#report();
    this.#timer = setInterval(() => {
      if (this.#pending.size) this.#report();
      else this.#stopTimer();
    }, this.everyMs);
    this.#timer.unref();
  }

  /** Subscribe to drops; returns the unsubscribe function. */
  onDrop(listener: (drop: Drop) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Report what is pending and stop the timer (the store is closing). */
  close(): void {
    if (this.#pending.size) this.#report();
    this.#stopTimer();
  }

  #report(): void {
    const dropped = [...this.#pending.values()].reduce((a, b) => a + b, 0);
    const reasons = Object.fromEntries(this.#pending);
    this.#pending.clear();
    const why = Object.entries(reasons).map(([r, n]) => `${r}: ${n}`).join(", ");
    log.warn({ dropped, reasons, total: this.#total }, `operations store: ${dropped} row${dropped === 1 ? "" : "s"} dropped (${why}); ${this.#total} since start`);
  }

  #stopTimer(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
