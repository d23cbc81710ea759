/**
 * The operations store under damage, with the real bot on top: a missing salt stops recording (never
 * silently recreated), a damaged database file is moved aside for a fresh one (never written into),
 * and rows lost are counted and reported — what the user sees (answers go on) and what the operator
 * sees (one clear log line, `npm run report`, /stats, the metric).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { Registry } from "prom-client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../src/config.js";
import { log } from "../../src/log.js";
import { countStoreDrops } from "../../src/ops/store-metrics.js";
import { openStore, storeFiles } from "../../src/ops/store.js";
import { testEnv } from "../helpers/env.js";
import { npmRun } from "../ingest/helpers.js";
import { alice, answerRecord } from "../ops/helpers.js";
import { ADMIN_ID, startTelegramApp } from "../telegram/helpers.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const BOT_CHILD = fileURLToPath(new URL("../ops/children/bot-child.ts", import.meta.url));
const QUESTIONS = ["What does Article 41 say?", "Apa itu ekstradisi?"];

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A data dir whose store holds `n` answers of alice's (and their salt). */
function seeded(n: number): NodeJS.ProcessEnv {
  const env = testEnv();
  const store = openStore(loadConfig(env));
  for (let i = 0; i < n; i++) store.recordAnswer(answerRecord({ answerId: `seed-${i}` }));
  store.close();
  return env;
}

/** The real bot and store in a child process, asking QUESTIONS (each followed by a 👎). */
function botChild(env: NodeJS.ProcessEnv) {
  const run = spawnSync(process.execPath, ["--import", "tsx", BOT_CHILD, ...QUESTIONS], { cwd: REPO, encoding: "utf8", timeout: 60_000, env: { ...env, LOG_LEVEL: "warn" } });
  const logs = run.stderr.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, any>);
  const answers = run.stdout.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));
  return { status: run.status, stderr: run.stderr, logs, answers };
}

const rows = (dbFile: string) => {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare("SELECT count(*) FROM answers").pluck().get() as number;
  } finally {
    db.close();
  }
};
const sha = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

describe("a store with rows and no salt", () => {
  it("keeps answering, records nothing, says how to restore or reset; the salt is not recreated", async () => {
    const env = seeded(3);
    const files = storeFiles({ dataDir: env.DATA_DIR! });
    const salt = fs.readFileSync(files.salt);
    fs.rmSync(files.salt);

    const child = botChild(env);
    expect(child.status, child.stderr).toBe(0);
    expect(child.answers).toEqual(QUESTIONS.map(() => expect.objectContaining({ grounded: true, feedback: false })));
    const errors = child.logs.filter((l) => l.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: "ops.salt" });
    expect(errors[0].msg).toBe(
      "operations store: Recording is stopped: the salt file ops.salt is missing, but the store holds 3 answers and votes hashed with it, which /forget could no longer find under a new salt. Restore ops.salt from a backup, or reset the store by moving ops.sqlite (with its -wal and -shm files) away; answers go on meanwhile.",
    );
    // Every answer and vote it could not record is counted in the warnings.
    const dropped = child.logs.filter((l) => l.level === 40 && l.dropped);
    expect(dropped.reduce((n, l) => n + l.dropped, 0)).toBe(QUESTIONS.length * 2);
    expect(dropped.every((l) => Object.keys(l.reasons).join() === "salt_unavailable")).toBe(true);
    expect(fs.existsSync(files.salt)).toBe(false);
    expect(rows(files.db)).toBe(3);

    // The report shows the figures and says why nothing new is being recorded.
    const report = await npmRun("report", ["--json"], { ...env, LOG_LEVEL: "silent" });
    expect(report.code, report.stderr).toBe(0);
    const json = JSON.parse(report.stdout);
    expect(json).toMatchObject({ totalQuestions: 3, notice: expect.stringMatching(/^Recording is stopped: the salt file ops\.salt is missing/) });
    const text = await npmRun("report", [], { ...env, LOG_LEVEL: "silent" });
    expect(text.stdout.split("\n")[2]).toMatch(/^⚠ Recording is stopped: the salt file ops\.salt is missing/);
    expect(fs.existsSync(files.salt)).toBe(false);

    // Restored from a backup: recording resumes, and /forget finds the user's earlier rows again.
    fs.writeFileSync(files.salt, salt, { mode: 0o600 });
    const store = openStore(loadConfig(env));
    try {
      store.recordAnswer(answerRecord({ answerId: "after-restore" }));
      expect(store.status()).toMatchObject({ recording: true, problem: null });
      expect(store.forget(alice)).toEqual({ answers: 4, feedback: 0 });
    } finally {
      store.close();
    }
  });

  it("an admin's /stats on Telegram says recording is stopped", async () => {
    const env = seeded(2);
    fs.rmSync(storeFiles({ dataDir: env.DATA_DIR! }).salt);
    vi.spyOn(log, "error").mockImplementation(() => undefined);
    const bot = await startTelegramApp({ env: { DATA_DIR: env.DATA_DIR! } });
    try {
      const admin = bot.api.user(ADMIN_ID);
      const asked = bot.api.send(admin, bot.api.privateChat(admin), "/stats");
      const [reply] = await bot.api.waitFor(() => bot.api.repliesTo(asked).length > 0 && bot.api.repliesTo(asked), 20_000, "the /stats reply");
      expect(reply.text).toMatch(/^⚠️ Recording is stopped: the salt file ops\.salt is missing, but the store holds 2 answers/);
      expect(reply.text).not.toContain(env.DATA_DIR!);
    } finally {
      await bot.stop();
    }
  });

  it("a store without rows gets a new salt, as on first use", () => {
    const env = testEnv();
    const store = openStore(loadConfig(env));
    store.recordAnswer(answerRecord());
    expect(store.status()).toMatchObject({ recording: true, problem: null });
    store.close();
    expect(fs.existsSync(storeFiles({ dataDir: env.DATA_DIR! }).salt)).toBe(true);
  });
});

describe("a damaged database file", () => {
  const damages: [string, (file: string) => void, RegExp][] = [
    ["pages overwritten", (file) => overwrite(file, 4096 + 100, 3000), /^Tree \d+ page \d+ cell \d+: /],
    ["header overwritten (not a database)", (file) => overwrite(file, 0, 100), /not a database/i],
  ];

  it.each(damages)("%s: moved aside with one error line, a fresh store records the bot's answers, nothing written into the damaged file", (_name, damage, problem) => {
    const env = seeded(40);
    const files = storeFiles({ dataDir: env.DATA_DIR! });
    damage(files.db);
    const damagedSum = sha(files.db);

    const child = botChild(env);
    expect(child.status, child.stderr).toBe(0);
    expect(child.answers).toEqual(QUESTIONS.map(() => expect.objectContaining({ grounded: true, feedback: true })));
    const errors = child.logs.filter((l) => l.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: "ops.sqlite", movedTo: expect.stringMatching(/^ops\.sqlite\.damaged-\d{4}-\d\d-\d\dT/) });
    expect(errors[0].problem).toMatch(problem);
    expect(errors[0].msg).toBe(`operations store: ops.sqlite failed its integrity check (${errors[0].problem}); moved aside to ${errors[0].movedTo} and started a fresh store`);
    // No "could not record" / "working again" flapping, no rows dropped.
    expect(child.logs.filter((l) => /could not|working again|dropped/.test(l.msg))).toEqual([]);
    expect(sha(path.join(env.DATA_DIR!, errors[0].movedTo))).toBe(damagedSum);
    expect(rows(files.db)).toBe(QUESTIONS.length);
  });
});

describe("rows the store could not write", () => {
  it("are counted in convention_bot_store_dropped_total and reported once a minute with how many", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    const warn = vi.spyOn(log, "warn").mockImplementation(() => undefined);
    const env = testEnv();
    const store = openStore(loadConfig(env));
    const registry = new Registry();
    countStoreDrops(store, registry);
    const other = new Database(store.file);
    other.exec("BEGIN EXCLUSIVE"); // another process holds the database: every write fails (SQLITE_BUSY)
    try {
      const dropLines = () => warn.mock.calls.filter(([fields]) => (fields as { dropped?: number }).dropped !== undefined).map(([, msg]) => msg);
      for (let i = 0; i < 5; i++) store.recordAnswer(answerRecord());
      expect(dropLines()).toEqual(["operations store: 1 row dropped (SQLITE_BUSY: 1); 1 since start"]);
      vi.advanceTimersByTime(60_000);
      expect(dropLines()).toEqual(["operations store: 1 row dropped (SQLITE_BUSY: 1); 1 since start", "operations store: 4 rows dropped (SQLITE_BUSY: 4); 5 since start"]);
      vi.advanceTimersByTime(120_000); // nothing more dropped: nothing more said
      expect(dropLines()).toHaveLength(2);
      expect(await registry.getSingleMetricAsString("convention_bot_store_dropped_total")).toMatch(/^convention_bot_store_dropped_total 5$/m);
      expect(store.status()).toMatchObject({ dropped: 5 });
    } finally {
      other.exec("ROLLBACK");
      other.close();
      store.close();
    }
  });
});

/** Overwrite `length` bytes from `offset` with a pattern. */
function overwrite(file: string, offset: number, length: number): void {
  const bytes = fs.readFileSync(file);
  for (let i = offset; i < Math.min(bytes.length, offset + length); i++) bytes[i] = (i * 131) & 255;
  fs.writeFileSync(file, bytes);
}
