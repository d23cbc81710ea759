/**
 * The operations database's schema, as an ordered list of migrations kept in code. A database
 * records how far it got in SQLite's `user_version` pragma, so opening an older file applies
 * exactly the steps it is missing, in order, and never touches rows it already holds.
 * Append new steps at the end; never edit or reorder a step that has shipped.
 */
import type { Database } from "better-sqlite3";

export interface Migration {
  /** 1, 2, 3, … with no gaps: the `user_version` a database has once this step ran. */
  version: number;
  /** What the step adds, for logs. */
  name: string;
  /** SQL run inside the migration's transaction. */
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "answers and the passages they cite",
    sql: `
      CREATE TABLE answers (
        id            TEXT PRIMARY KEY,
        at            INTEGER NOT NULL,              -- epoch milliseconds
        platform      TEXT NOT NULL,
        chat_kind     TEXT NOT NULL CHECK (chat_kind IN ('private', 'group')),
        user_hash     TEXT,                          -- salted HMAC of platform:user id; never the id
        language      TEXT NOT NULL,
        grounded      INTEGER NOT NULL CHECK (grounded IN (0, 1)),
        index_version TEXT NOT NULL,
        ms            INTEGER NOT NULL,
        question      TEXT                           -- only when STORE_QUESTIONS=true
      ) STRICT;
      CREATE INDEX answers_by_time ON answers (at);
      CREATE INDEX answers_by_user ON answers (user_hash);

      CREATE TABLE citations (
        answer_id TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
        position  INTEGER NOT NULL,
        doc       TEXT NOT NULL,
        article   INTEGER,
        paragraph INTEGER,
        chunk_id  TEXT NOT NULL,
        PRIMARY KEY (answer_id, position)
      ) STRICT;
      CREATE INDEX citations_by_article ON citations (article);
    `,
  },
  {
    version: 2,
    name: "feedback on answers",
    sql: `
      CREATE TABLE feedback (
        id        INTEGER PRIMARY KEY,
        answer_id TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
        at        INTEGER NOT NULL,
        user_hash TEXT,
        vote      TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        reason    TEXT
      ) STRICT;
      -- One vote per user and answer: clicking again (or adding a reason) updates it.
      CREATE UNIQUE INDEX feedback_once_per_user ON feedback (answer_id, user_hash);
      CREATE INDEX feedback_by_user ON feedback (user_hash);
    `,
  },
  {
    version: 3,
    name: "feedback joined with the chunks the rated answer cited",
    sql: `
      CREATE VIEW feedback_chunks AS
        SELECT f.id AS feedback_id, f.answer_id, f.at, f.vote, f.reason,
               c.chunk_id, c.doc, c.article, c.paragraph
        FROM feedback f JOIN citations c ON c.answer_id = f.answer_id;
    `,
  },
];

/** Thrown when a database was written by a newer program than this one. */
export class SchemaTooNewError extends Error {}

/** Check that versions run 1, 2, 3, … so `user_version` always names a unique prefix of the list. */
export function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migration "${m.name}" has version ${m.version}, expected ${i + 1}`);
    }
  });
}

export function schemaVersion(db: Database): number {
  return db.pragma("user_version", { simple: true }) as number;
}

/**
 * Bring `db` up to the last of `migrations`. Runs in one IMMEDIATE transaction that re-reads the
 * version, so two processes opening the same file at once cannot both apply a step.
 * Returns the versions before and after.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  assertOrdered(migrations);
  const latest = migrations.length;
  const run = db.transaction(() => {
    const from = schemaVersion(db);
    if (from > latest) {
      throw new SchemaTooNewError(`database schema version ${from} is newer than this program's (${latest})`);
    }
    for (const m of migrations.slice(from)) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
    return { from, to: Math.max(from, latest) };
  });
  // Skip the write transaction when nothing is missing: a read-only file must still open.
  const current = schemaVersion(db);
  if (current === latest) return { from: current, to: current };
  if (current > latest) {
    throw new SchemaTooNewError(`database schema version ${current} is newer than this program's (${latest})`);
  }
  return run.immediate();
}
