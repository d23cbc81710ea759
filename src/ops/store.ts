/**
 * The operations store: every answered question and every 👍/👎, in a SQLite file under
 * DATA_DIR, so admins can see what people ask, what the bot refused and what users disliked.
 *
 * It is the `Recorder` the composition root plugs into the facade, so it sits on the answer path
 * and must never break it: a write that fails (read-only file, locked database, full disk) is
 * logged and dropped, and a database that cannot be opened is retried now and then while
 * answers keep flowing. Privacy is built in: user ids are kept only as salted hashes, the
 * question text only when STORE_QUESTIONS=true, and nothing older than RETENTION_DAYS.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Config } from "../config.js";
import type { AnswerRecord, Asker, ForgetResult, Recorder, StatsSummary, Vote } from "../core/bot.js";
import { log } from "../log.js";
import { migrate } from "./migrations.js";
import { StatsQuery } from "./stats-query.js";
import { loadSalt, userHasher, type UserHasher } from "./user-hash.js";

export const STORE_FILE = "ops.sqlite";
export const SALT_FILE = "ops.salt";

const DAY_MS = 86_400_000;
/**
 * better-sqlite3 is synchronous: waiting for a lock blocks every chat, so give up quickly and
 * lose one analytics row rather than delay answers.
 */
const BUSY_TIMEOUT_MS = 200;
/** How long to wait before trying again to open a database that failed to open. */
const REOPEN_AFTER_MS = 60_000;
/** The same failure is logged at most this often (a full disk would otherwise log every answer). */
const LOG_EVERY_MS = 60_000;
const MAX_QUESTION_CHARS = 4000;
const MAX_REASON_CHARS = 500;

export type StoreConfig = Pick<Config, "dataDir" | "STORE_QUESTIONS" | "RETENTION_DAYS">;

export interface Store extends Recorder {
  /** The database file. */
  readonly file: string;
  /** Delete answers (and their citations and feedback) older than RETENTION_DAYS; returns how many answers went. */
  purge(now?: Date): number;
  close(): void;
}

/** Thrown by `forget` and `stats` when the database cannot be read or written: their callers must not report a false result. */
export class StoreUnavailableError extends Error {
  constructor() {
    super("The operations store is unavailable right now.");
  }
}

export function storeFiles(config: Pick<Config, "dataDir">): { db: string; salt: string } {
  return { db: path.join(config.dataDir, STORE_FILE), salt: path.join(config.dataDir, SALT_FILE) };
}

/** Open (creating and migrating as needed) the store under DATA_DIR and purge expired rows. Never throws. */
export function openStore(config: StoreConfig): Store {
  const store = new SqliteStore(config);
  store.purge();
  return store;
}

/** One open database with its prepared statements. */
class Connection {
  readonly db: Database.Database;
  readonly hash: UserHasher;
  readonly stats: StatsQuery;
  readonly #insertAnswer: Database.Statement;
  readonly #insertCitation: Database.Statement;
  readonly #upsertFeedback: Database.Statement;
  readonly #purge: Database.Statement<[number]>;
  readonly #forgetFeedback: Database.Statement<[string]>;
  readonly #forgetAnswers: Database.Statement<[string]>;

  constructor(files: { db: string; salt: string }) {
    fs.mkdirSync(path.dirname(files.db), { recursive: true });
    this.hash = userHasher(loadSalt(files.salt));
    // Create the file ourselves so it is private to this user; SQLite gives -wal/-shm the same mode.
    if (!fs.existsSync(files.db)) fs.closeSync(fs.openSync(files.db, "a", 0o600));
    this.db = new Database(files.db, { timeout: BUSY_TIMEOUT_MS });
    try {
      this.db.pragma("journal_mode = WAL"); // `npm run report` reads while the bot writes
      this.db.pragma("synchronous = NORMAL");
      this.db.pragma("foreign_keys = ON");
      this.db.pragma("secure_delete = ON"); // forgotten and purged rows are overwritten, not just unlinked
      const { from, to } = migrate(this.db);
      if (from !== to) log.info({ from, to }, "operations store: schema migrated");
      this.stats = new StatsQuery(this.db);
      this.#insertAnswer = this.db.prepare(
        `INSERT OR IGNORE INTO answers (id, at, platform, chat_kind, user_hash, language, grounded, index_version, ms, question)
         VALUES (@id, @at, @platform, @chatKind, @userHash, @language, @grounded, @indexVersion, @ms, @question)`,
      );
      this.#insertCitation = this.db.prepare(
        `INSERT INTO citations (answer_id, position, doc, article, paragraph, chunk_id)
         VALUES (@answerId, @position, @doc, @article, @paragraph, @chunkId)`,
      );
      // Feedback only exists for an answer we recorded; clicking again updates the user's vote,
      // and a reason sent after the 👎 is added to it.
      this.#upsertFeedback = this.db.prepare(
        `INSERT INTO feedback (answer_id, at, user_hash, vote, reason)
         SELECT id, @at, @userHash, @vote, @reason FROM answers WHERE id = @answerId
         ON CONFLICT (answer_id, user_hash) DO UPDATE SET
           at = excluded.at,
           vote = excluded.vote,
           reason = CASE WHEN excluded.vote = 'down' THEN COALESCE(excluded.reason, feedback.reason) END`,
      );
      this.#purge = this.db.prepare(`DELETE FROM answers WHERE at < ?`);
      this.#forgetFeedback = this.db.prepare(`DELETE FROM feedback WHERE user_hash = ?`);
      this.#forgetAnswers = this.db.prepare(`DELETE FROM answers WHERE user_hash = ?`);
    } catch (err) {
      this.db.close();
      throw err;
    }
  }

  recordAnswer(rec: AnswerRecord, storeQuestions: boolean): void {
    this.db.transaction(() => {
      const inserted = this.#insertAnswer.run({
        id: rec.answerId,
        at: rec.at.getTime(),
        platform: rec.asker.platform,
        chatKind: rec.asker.chatKind,
        userHash: this.#userHash(rec.asker),
        language: rec.language,
        grounded: rec.grounded ? 1 : 0,
        indexVersion: rec.indexVersion,
        ms: Math.max(0, Math.round(rec.ms)),
        question: storeQuestions ? rec.question.slice(0, MAX_QUESTION_CHARS) : null,
      });
      if (inserted.changes === 0) return; // the same answer recorded twice
      rec.citations.forEach((c, position) =>
        this.#insertCitation.run({ answerId: rec.answerId, position, doc: c.doc, article: c.article, paragraph: c.paragraph, chunkId: c.chunkId }),
      );
    })();
  }

  recordFeedback(answerId: string, asker: Asker, vote: Vote, reason: string | undefined, at: Date): boolean {
    const note = reason?.trim().slice(0, MAX_REASON_CHARS) || null;
    const result = this.#upsertFeedback.run({ answerId, at: at.getTime(), userHash: this.#userHash(asker), vote, reason: note });
    return result.changes > 0;
  }

  purge(before: number): number {
    const removed = this.#purge.run(before).changes;
    if (removed > 0) this.#flushWal();
    return removed;
  }

  forget(asker: Asker): ForgetResult {
    const hash = this.#userHash(asker);
    if (!hash) return { answers: 0, feedback: 0 };
    const result = this.db.transaction(() => ({
      // Their own votes first, so the count is theirs and not the cascade from their answers.
      feedback: this.#forgetFeedback.run(hash).changes,
      answers: this.#forgetAnswers.run(hash).changes,
    }))();
    this.#flushWal();
    return result;
  }

  #userHash(asker: Asker): string | null {
    return asker.userId ? this.hash(asker.platform, asker.userId) : null;
  }

  /** Copy the WAL into the database and truncate it, so deleted rows do not linger in old WAL frames. */
  #flushWal(): void {
    try {
      this.db.pragma("wal_checkpoint(TRUNCATE)");
    } catch {
      /* a reader holds the WAL; the next checkpoint will do */
    }
  }
}

class SqliteStore implements Store {
  readonly file: string;
  readonly #config: StoreConfig;
  readonly #files: { db: string; salt: string };
  readonly #failures = new FailureLog();
  #connection: Connection | null = null;
  #retryAt = 0;
  #closed = false;

  constructor(config: StoreConfig) {
    this.#config = config;
    this.#files = storeFiles(config);
    this.file = this.#files.db;
    this.#open();
  }

  recordAnswer(rec: AnswerRecord): void {
    this.#attempt("record an answer", undefined, (c) => c.recordAnswer(rec, this.#config.STORE_QUESTIONS));
  }

  recordFeedback(answerId: string, asker: Asker, vote: Vote, reason?: string): boolean {
    if (vote !== "up" && vote !== "down") return false;
    return this.#attempt("record feedback", false, (c) => c.recordFeedback(answerId, asker, vote, reason, new Date()));
  }

  purge(now: Date = new Date()): number {
    const before = now.getTime() - this.#config.RETENTION_DAYS * DAY_MS;
    const removed = this.#attempt("purge expired rows", 0, (c) => c.purge(before));
    if (removed > 0) log.info({ answers: removed, retentionDays: this.#config.RETENTION_DAYS }, "operations store: expired rows purged");
    return removed;
  }

  forget(asker: Asker): ForgetResult {
    return this.#require("forget a user", (c) => c.forget(asker));
  }

  stats(days: number): StatsSummary {
    const span = Number.isFinite(days) ? Math.min(Math.max(Math.floor(days), 1), 3650) : 30;
    return this.#require("read statistics", (c) => c.stats.run(span));
  }

  close(): void {
    this.#closed = true;
    this.#connection?.db.close();
    this.#connection = null;
  }

  /** The open connection, opening it if the last failed attempt is old enough; null while unavailable. */
  #open(): Connection | null {
    if (this.#closed) return null;
    if (this.#connection) return this.#connection;
    if (Date.now() < this.#retryAt) return null;
    try {
      this.#connection = new Connection(this.#files);
      this.#failures.recovered("open the database");
    } catch (err) {
      this.#retryAt = Date.now() + REOPEN_AFTER_MS;
      this.#failures.report("open the database", err);
    }
    return this.#connection;
  }

  /** Run a write the caller must not wait on or fail from: on any error, log it and return `fallback`. */
  #attempt<T>(action: string, fallback: T, run: (c: Connection) => T): T {
    const connection = this.#open();
    if (!connection) return fallback;
    try {
      const result = run(connection);
      this.#failures.recovered(action);
      return result;
    } catch (err) {
      this.#failures.report(action, err);
      return fallback;
    }
  }

  /** Run an operation whose result a user relies on (forget, stats): on failure, log and throw. */
  #require<T>(action: string, run: (c: Connection) => T): T {
    const connection = this.#open();
    if (!connection) throw new StoreUnavailableError();
    try {
      return run(connection);
    } catch (err) {
      this.#failures.report(action, err);
      throw new StoreUnavailableError();
    }
  }
}

function errorCode(err: unknown): string {
  return (err as { code?: unknown })?.code?.toString() ?? "unknown";
}

/** Logs store failures without flooding: one line per action and error code per minute, with a count of the ones left out. */
class FailureLog {
  readonly #last = new Map<string, { at: number; suppressed: number }>();

  report(action: string, err: unknown): void {
    const code = errorCode(err);
    const key = `${action}:${code}`;
    const now = Date.now();
    const last = this.#last.get(key);
    if (last && now - last.at < LOG_EVERY_MS) {
      last.suppressed++;
      return;
    }
    this.#last.set(key, { at: now, suppressed: 0 });
    log.warn(
      { action, code, err: (err as Error)?.message, suppressed: last?.suppressed || undefined },
      `operations store: could not ${action}`,
    );
  }

  recovered(action: string): void {
    for (const key of this.#last.keys()) {
      if (key.startsWith(`${action}:`)) {
        this.#last.delete(key);
        log.info({ action }, "operations store: working again");
      }
    }
  }
}
