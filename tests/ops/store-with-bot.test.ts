/**
 * "A write failure never stops an answer", end to end: the real facade answering with the
 * operations store plugged in while its database is locked or read-only.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { createBot, type ConventionBot } from "../../src/core/bot.js";
import { openStore, storeFiles, type Store } from "../../src/ops/store.js";
import { testConfig, testEnv } from "../helpers/env.js";
import { bob, makeReadOnly } from "./helpers.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const childScript = fileURLToPath(new URL("./children/bot-child.ts", import.meta.url));

let bot: ConventionBot | undefined;
let store: Store | undefined;
afterEach(async () => {
  await bot?.close();
  store?.close();
  bot = store = undefined;
});

describe("answers keep flowing", () => {
  it("while another process holds the database locked, and are recorded again once it lets go", async () => {
    const config = testConfig();
    store = openStore(config);
    bot = await createBot(config, { recorder: store, buildIfMissing: false });
    const lock = new Database(store.file);
    lock.exec("BEGIN EXCLUSIVE");
    try {
      const a = await bot.answer("What does Article 41 say?", { asker: bob });
      expect(a).toMatchObject({ grounded: true, indexVersion: bot.indexVersion });
      expect(a.citations.length).toBeGreaterThan(0);
      expect(bot.feedback(a.id, bob, "down")).toBe(false);
    } finally {
      lock.exec("ROLLBACK");
      lock.close();
    }
    const b = await bot.answer("What does Article 41 say?", { asker: bob });
    expect(bot.feedback(b.id, bob, "down", "test")).toBe(true);
    expect(store.stats(1)).toMatchObject({ totalQuestions: 1, gaps: [{ reason: "down", note: "test" }] });
  });

  it("when the database file is read-only to the bot's user", () => {
    const env = testEnv({ ownIndex: true });
    const dataDir = env.DATA_DIR!;
    const seed = openStore(testConfig({ env: { DATA_DIR: dataDir } }));
    seed.close();
    const files = storeFiles({ dataDir });
    const readOnly = makeReadOnly([files.db, files.salt]);
    if (readOnly.spawnAs.uid !== undefined) {
      // Root writes through file modes, so the bot runs as an unprivileged user that can read the
      // index and write the directory (as a bot would), but not the database file.
      // The private index copy lives inside DATA_DIR (a fresh temp dir), so nothing outside it changes.
      expect(path.dirname(env.INDEX_DIR!)).toBe(dataDir);
      fs.chmodSync(dataDir, 0o777);
      chmodTree(env.INDEX_DIR!, 0o755, 0o644);
    }
    const child = spawnSync(process.execPath, ["--import", "tsx", childScript, "What does Article 41 say?", "Apa isi Pasal 41?"], {
      cwd: repoRoot,
      encoding: "utf8",
      timeout: 60_000,
      env: { ...env, HOME: dataDir, LOG_LEVEL: "warn" },
      ...readOnly.spawnAs,
    });
    readOnly.restore(); // the child is done: undo before the temp dir is removed
    expect(child.status, child.stderr).toBe(0);
    const answers = child.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(answers).toHaveLength(2);
    for (const a of answers) expect(a).toMatchObject({ grounded: true, feedback: false });
    expect(child.stderr).toMatch(/"code":"SQLITE_READONLY"/);
    const db = new Database(files.db, { readonly: true });
    expect(db.prepare("SELECT COUNT(*) FROM answers").pluck().get()).toBe(0);
    db.close();
  });
});

function chmodTree(dir: string, dirMode: number, fileMode: number): void {
  fs.chmodSync(dir, dirMode);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) chmodTree(p, dirMode, fileMode);
    else fs.chmodSync(p, fileMode);
  }
}
