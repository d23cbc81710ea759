/**
 * A damaged database file (overwritten pages, a torn write) is not written to: once SQLite's integrity
 * check fails, the file (with its -wal and -shm) is moved aside under a dated name, for an admin to
 * inspect or recover, and a fresh store starts in its place. Writing on into it would fail one write
 * in two and damage it further.
 */
import fs from "node:fs";
import type { Database } from "better-sqlite3";

/** SQLite's codes for a file that is damaged or not a database at all. */
export function isDamage(err: unknown): boolean {
  return /^SQLITE_(CORRUPT|NOTADB)/.test(String((err as { code?: unknown })?.code ?? ""));
}

/** Thrown when a database opens but fails its integrity check. */
export class StoreDamagedError extends Error {
  readonly code = "SQLITE_CORRUPT";
  constructor(readonly problem: string) {
    super(`integrity check failed: ${problem}`);
  }
}

/** SQLite's quick_check (its cheap integrity check): null when sound, else its first findings. */
export function integrityProblem(db: Database): string | null {
  const rows = db.pragma("quick_check(3)", { simple: false }) as { quick_check: string }[];
  const found = rows
    .flatMap((r) => r.quick_check.split("\n"))
    .filter((line) => line !== "ok" && !line.startsWith("***")); // "*** in database main ***" headers
  return found.length ? found.join("; ") : null;
}

/** Move `file` and its -wal/-shm aside as `<file>.damaged-<time>`; returns the new name of the main file. */
export function moveAside(file: string, now: Date = new Date()): string {
  const target = `${file}.damaged-${now.toISOString().replace(/[:.]/g, "-")}`;
  for (const suffix of ["-wal", "-shm", ""]) {
    try {
      fs.renameSync(file + suffix, target + suffix);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
  }
  return target;
}
