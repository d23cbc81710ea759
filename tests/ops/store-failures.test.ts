/**
 * The store sits on the answer path: whatever goes wrong with the database must be logged and
 * absorbed, never thrown into an answer. Answers flowing through the real facade with such a
 * store are covered in store-with-bot.test.ts.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { log } from "../../src/log.js";
import { openStore, storeFiles, StoreUnavailableError, type Store } from "../../src/ops/store.js";
import { alice, answerRecord, makeReadOnly, opsConfig, removeDir, tempDir } from "./helpers.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const childScript = fileURLToPath(new URL("./children/store-child.ts", import.meta.url));

let dir: string;
let store: Store | undefined;
let warn: { mock: { calls: unknown[][] } };

beforeEach(() => {
  dir = tempDir();
  warn = vi.spyOn(log, "warn").mockImplementation(() => undefined);
});
afterEach(() => {
  store?.close();
  store = undefined;
  vi.restoreAllMocks();
  removeDir(dir);
});

const warnedAbout = (action: string) =>
  warn.mock.calls.filter((args) => (args[0] as { action?: string }).action === action) as [Record<string, unknown>, string][];
const answers = () => {
  const db = new Database(storeFiles({ dataDir: dir }).db, { readonly: true });
  try {
    return db.prepare(`SELECT id FROM answers ORDER BY at`).pluck().all();
  } finally {
    db.close();
  }
};

describe("a locked database", () => {
  it("drops the rows it cannot write, logs once, and records again when the lock goes", () => {
    store = openStore(opsConfig(dir));
    const before = answerRecord();
    store.recordAnswer(before);

    const other = new Database(store.file);
    other.exec("BEGIN EXCLUSIVE");
    try {
      const blocked = [answerRecord(), answerRecord()];
      for (const r of blocked) expect(() => store!.recordAnswer(r)).not.toThrow();
      expect(store.recordFeedback(before.answerId, alice, "down")).toBe(false);
      expect(store.purge()).toBe(0);
      // Forgetting must not pretend it worked.
      expect(() => store!.forget(alice)).toThrow(StoreUnavailableError);
      expect(warnedAbout("record an answer")).toHaveLength(1);
      expect(warnedAbout("record an answer")[0][0]).toMatchObject({ code: "SQLITE_BUSY" });
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }

    const after = answerRecord();
    store.recordAnswer(after);
    expect(answers()).toEqual([before.answerId, after.answerId]);
    expect(store.recordFeedback(before.answerId, alice, "down")).toBe(true);
  });
});

describe("a database that cannot be opened", () => {
  it("lets every write through silently and says so when asked for stats or to forget", () => {
    const notADir = path.join(dir, "file");
    fs.writeFileSync(notADir, "");
    store = openStore(opsConfig(notADir));
    expect(() => store!.recordAnswer(answerRecord())).not.toThrow();
    expect(store.recordFeedback("x", alice, "up")).toBe(false);
    expect(store.purge()).toBe(0);
    expect(() => store!.stats(7)).toThrow(StoreUnavailableError);
    expect(() => store!.forget(alice)).toThrow(StoreUnavailableError);
    expect(warnedAbout("open the database")).toHaveLength(1);
  });

  it("is tried again a minute later, and works once the problem is fixed", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const dataDir = path.join(dir, "data");
      fs.writeFileSync(dataDir, "");
      store = openStore(opsConfig(dataDir));
      store.recordAnswer(answerRecord());
      fs.rmSync(dataDir);
      fs.mkdirSync(dataDir);
      const tooSoon = answerRecord();
      store.recordAnswer(tooSoon);
      expect(fs.readdirSync(dataDir)).toEqual([]);
      vi.advanceTimersByTime(61_000);
      const later = answerRecord();
      store.recordAnswer(later);
      expect(store.stats(1).totalQuestions).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("a read-only database file", () => {
  it("keeps serving reads and absorbs every write (in a process that may not write the file)", () => {
    const seeded = openStore(opsConfig(dir));
    seeded.recordAnswer(answerRecord({ answerId: "seeded" }));
    seeded.close();
    const files = storeFiles({ dataDir: dir });
    const readOnly = makeReadOnly([files.db, files.salt]);
    if (readOnly.spawnAs.uid !== undefined) fs.chmodSync(dir, 0o777); // the directory stays writable: only the file is read-only

    const child = spawnSync(process.execPath, ["--import", "tsx", childScript], {
      cwd: repoRoot,
      encoding: "utf8",
      timeout: 30_000,
      env: { PATH: process.env.PATH, HOME: dir, DATA_DIR: dir, LOG_LEVEL: "warn" },
      ...readOnly.spawnAs,
    });
    readOnly.restore(); // the child is done: undo before the temp dir is removed
    expect(child.status, child.stderr).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({
      recordAnswer: "returned",
      recordFeedback: false,
      stats: 1,
      forget: "unavailable",
    });
    expect(child.stderr).toMatch(/"action":"record an answer","code":"SQLITE_READONLY"/);
    expect(answers()).toEqual(["seeded"]);
  });
});
