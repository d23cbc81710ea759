/**
 * The operations store: every answered question and every 👍/👎, in a SQLite file under
 * DATA_DIR, so admins can see what people ask, what the bot refused and what users disliked.
 *
 * It is the `Recorder` the composition root plugs into the facade, so it sits on the answer path
 * and must never break it: a write that fails (read-only file, locked database, full disk) is
 * logged and dropped, and a database that cannot be opened is retried now and then while
 * answers keep flowing. What it loses it counts and reports (drop-log.ts); a file that fails its
 * integrity check is moved aside for a fresh one (store-integrity.ts); and it stops recording rather
 * than silently change the salt under rows already stored (salt-guard.ts). Privacy is built in: user
 * ids are kept only as salted hashes, the question text only when STORE_QUESTIONS=true, and nothing
 * older than RETENTION_DAYS.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Config } from "../config.js";
import type { AnswerRecord, Asker, ForgetResult, Recorder, StatsSummary, Vote } from "../core/bot.js";
import { log } from "../log.js";
import { DropLog, type Drop, type DropKind } from "./drop-log.js";
import { errorCode, FailureLog } from "./failure-log.js";
import { migrate } from "./migrations.js";
import { saltFor, saltStamp } from "./salt-guard.js";
import { StatsQuery } from "./stats-query.js";
import { integrityProblem, isDamage, moveAside, StoreDamagedError } from "./store-integrity.js";
import type { UserHasher } from "./user-hash.js";

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
const MAX_QUESTION_CHARS = 4000;
const MAX_REASON_CHARS = 500;

export type StoreConfig = Pick<Config, "dataDir" | "STORE_QUESTIONS" | "RETENTION_DAYS">;

export interface StoreStatus {
  /** False while nothing can be recorded (salt missing or damaged, database unavailable). */
  recording: boolean;
  /** What an admin must know and do, in a sentence; null when all is well. */
  problem: string | null;
  /** Rows dropped since the store was opened. */
  dropped: number;
}

export interface Store extends Recorder {
  /** The database file. */
  readonly file: string;
  /** Delete answers (and their citations and feedback) older than RETENTION_DAYS; returns how many answers went. */
  purge(now?: Date): number;
  status(): StoreStatus;
  /** Be told of each dropped row (for metrics); returns the unsubscribe function. */
  onDrop(listener: (drop: Drop) => void): () => void;
  close(): void;
}

export interface OpenOptions {
  /**
   * Move a database that fails its integrity check aside and start a fresh one (default). The report
   * passes false: a read-only tool only says so.
   */
  repair?: boolean;
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
export function openStore(config: StoreConfig, options: OpenOptions = {}): Store {
  const store = new SqliteStore(config, options.repair ?? true);
  store.purge();
  return store;
}

/** One open database with its prepared statements. */
class Connection {
  readonly db: Database.Database;
  /** Null while the salt is missing or damaged: then nothing is recorded (salt-guard.ts). */
  readonly hash: UserHasher | null;
  readonly saltProblem: string | null;
  /** The database file's inode when opened: another process may move a damaged file aside. */
  readonly ino: number;
  /** The salt file's identity when opened: a stopped store tries again once it changes. */
  readonly saltStamp: string;
  readonly stats: StatsQuery;
  readonly #insertAnswer: Database.Statement;
  readonly #insertCitation: Database.Statement;
  readonly #upsertFeedback: Database.Statement;
  readonly #purge: Database.Statement<[number]>;
  readonly #forgetFeedback: Database.Statement<[string]>;
  readonly #forgetAnswers: Database.Statement<[string]>;

  constructor(files: { db: string; salt: string }) {
    fs.mkdirSync(path.dirname(files.db), { recursive: true });
    // Create the file ourselves so it is private to this user; SQLite gives -wal/-shm the same mode.
    if (!fs.existsSync(files.db)) fs.closeSync(fs.openSync(files.db, "a", 0o600));
    this.db = new Database(files.db, { timeout: BUSY_TIMEOUT_MS });
    try {
      this.ino = fs.statSync(files.db).ino;
      this.db.pragma("journal_mode = WAL"); // `npm run report` reads while the bot writes
      this.db.pragma("synchronous = NORMAL");
      this.db.pragma("foreign_keys = ON");
      this.db.pragma("secure_delete = ON"); // forgotten and purged rows are overwritten, not just unlinked
      const problem = integrityProblem(this.db);
      if (problem) throw new StoreDamagedError(problem);
      const { from, to } = migrate(this.db);
      if (from !== to) log.info({ from, to }, "operations store: schema migrated");
      this.saltStamp = saltStamp(files.salt);
      const salt = saltFor(files.salt, this.db);
      this.hash = salt.hash;
      this.saltProblem = salt.problem;
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
    if (!this.hash) throw new SaltUnavailableError();
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

/** A write was not tried: without the salt, rows would be stored under hashes /forget cannot find. */
class SaltUnavailableError extends Error {
  readonly code = "salt_unavailable";
}

class SqliteStore implements Store {
  readonly file: string;
  readonly #config: StoreConfig;
  readonly #files: { db: string; salt: string };
  readonly #repair: boolean;
  readonly #failures = new FailureLog();
  readonly #drops = new DropLog();
  #connection: Connection | null = null;
  #retryAt = 0;
  #closed = false;
  #movedAside: string | null = null;
  #saltReported: string | null = null;

  constructor(config: StoreConfig, repair: boolean) {
    this.#config = config;
    this.#files = storeFiles(config);
    this.#repair = repair;
    this.file = this.#files.db;
    this.#open();
  }

  recordAnswer(rec: AnswerRecord): void {
    this.#write("answer", "record an answer", undefined, (c) => c.recordAnswer(rec, this.#config.STORE_QUESTIONS));
  }

  recordFeedback(answerId: string, asker: Asker, vote: Vote, reason?: string): boolean {
    if (vote !== "up" && vote !== "down") return false;
    return this.#write("feedback", "record feedback", false, (c) => c.recordFeedback(answerId, asker, vote, reason, new Date()));
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
    const summary = this.#require("read statistics", (c) => c.stats.run(span));
    const notice = this.#notice();
    return notice ? { ...summary, notice } : summary;
  }

  status(): StoreStatus {
    const connection = this.#open();
    const problem = connection?.saltProblem ?? (connection ? null : "The operations database cannot be opened; see the log.");
    return { recording: Boolean(connection?.hash), problem, dropped: this.#drops.total };
  }

  onDrop(listener: (drop: Drop) => void): () => void {
    return this.#drops.onDrop(listener);
  }

  close(): void {
    this.#closed = true;
    this.#drops.close();
    this.#connection?.db.close();
    this.#connection = null;
  }

  /** What /stats and the report show the admin besides the numbers. */
  #notice(): string | undefined {
    const notes = [
      this.#connection?.saltProblem,
      this.#movedAside ? `The database failed its integrity check and was moved aside to ${path.basename(this.#movedAside)}; a fresh store started, so older rows are not counted here.` : null,
    ].filter(Boolean);
    return notes.length ? notes.join(" ") : undefined;
  }

  /**
   * The open connection, opening it if the last failed attempt is old enough; null while unavailable.
   * A connection whose file was replaced (another process moved a damaged one aside) is reopened, and
   * a store stopped for want of its salt tries again once the salt file is back.
   */
  #open(): Connection | null {
    if (this.#closed) return null;
    if (this.#connection && (this.#replaced(this.#connection) || (!this.#connection.hash && saltStamp(this.#files.salt) !== this.#connection.saltStamp))) {
      this.#connection.db.close();
      this.#connection = null;
      this.#retryAt = 0;
    }
    if (this.#connection) return this.#connection;
    if (Date.now() < this.#retryAt) return null;
    try {
      this.#connection = this.#connect();
      this.#failures.recovered("open the database");
    } catch (err) {
      this.#retryAt = Date.now() + REOPEN_AFTER_MS;
      this.#failures.report("open the database", err);
    }
    return this.#connection;
  }

  #connect(): Connection {
    let connection: Connection;
    try {
      connection = new Connection(this.#files);
    } catch (err) {
      if (!isDamage(err) || !this.#repair) throw err;
      this.#quarantine(err);
      connection = new Connection(this.#files);
    }
    if (connection.saltProblem && connection.saltProblem !== this.#saltReported) {
      this.#saltReported = connection.saltProblem;
      log.error({ file: path.basename(this.#files.salt) }, `operations store: ${connection.saltProblem}`);
    }
    return connection;
  }

  #replaced(connection: Connection): boolean {
    try {
      return fs.statSync(this.#files.db).ino !== connection.ino;
    } catch {
      return true;
    }
  }

  /** Move the damaged file aside (one error line) so that a fresh store can start in its place. */
  #quarantine(err: unknown): void {
    this.#connection?.db.close();
    this.#connection = null;
    const movedTo = moveAside(this.#files.db);
    this.#movedAside = movedTo;
    const problem = err instanceof StoreDamagedError ? err.problem : (err as Error).message;
    log.error(
      { file: path.basename(this.#files.db), movedTo: path.basename(movedTo), code: errorCode(err), problem },
      `operations store: ${path.basename(this.#files.db)} failed its integrity check (${problem}); moved aside to ${path.basename(movedTo)} and started a fresh store`,
    );
  }

  /**
   * A row to persist: on failure it is dropped (counted and reported) and `fallback` returned. A write
   * that meets a damaged file is not retried into it: the file is checked, moved aside if it fails,
   * and the row written to the fresh store.
   */
  #write<T>(kind: DropKind, action: string, fallback: T, run: (c: Connection) => T, retried = false): T {
    const connection = this.#open();
    if (!connection) {
      this.#drops.drop(kind, "unavailable");
      return fallback;
    }
    try {
      const result = run(connection);
      this.#failures.recovered(action);
      return result;
    } catch (err) {
      if (err instanceof SaltUnavailableError) {
        this.#drops.drop(kind, err.code);
        return fallback;
      }
      if (isDamage(err) && this.#repair && !retried && this.#failsCheck(connection)) {
        this.#quarantine(err);
        return this.#write(kind, action, fallback, run, true);
      }
      this.#failures.report(action, err);
      this.#drops.drop(kind, errorCode(err));
      return fallback;
    }
  }

  #failsCheck(connection: Connection): boolean {
    try {
      return integrityProblem(connection.db) !== null;
    } catch {
      return true;
    }
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
      if (!(err instanceof SaltUnavailableError)) this.#failures.report(action, err);
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
      if (!(err instanceof SaltUnavailableError)) this.#failures.report(action, err);
      throw new StoreUnavailableError();
    }
  }
}
