/** Shared pieces for the operations tests: temp data dirs, configs and answer records. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig, type Config } from "../../src/config.js";
import type { AnswerRecord, Asker } from "../../src/core/bot.js";

export const DAY_MS = 86_400_000;

/** A fresh directory under the OS temp dir; remove it with `removeDir`. */
export function tempDir(prefix = "convention-bot-ops-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export function opsConfig(dataDir: string, env: Record<string, string> = {}): Config {
  return loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent", ...env });
}

export const alice: Asker = { platform: "telegram", chatKind: "private", userId: "7319826455" };
export const bob: Asker = { platform: "discord", chatKind: "group", userId: "1098765432109876543" };

let counter = 0;
export function answerRecord(fields: Partial<AnswerRecord> = {}): AnswerRecord {
  counter++;
  return {
    answerId: `ans-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    at: new Date(),
    asker: alice,
    question: `What does Article 41 say? (${counter})`,
    language: "en",
    grounded: true,
    citations: [{ doc: "convention", article: 41, paragraph: 1, chunkId: `chunk-41-1` }],
    indexVersion: "v-test",
    ms: 250,
    ...fields,
  };
}

/** Every byte the store keeps on disk: the database and its -wal/-shm companions, and anything else in the dir. */
export function allBytes(dir: string): Buffer {
  return Buffer.concat(
    fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f))),
  );
}

/**
 * Make files read-only for the process under test. Root writes through file modes, so as root the
 * files are made immutable (`chattr +i`, the file system refuses the write whoever asks); where that
 * is not possible the child runs as an unprivileged user instead (which then must be able to read
 * the checkout). `restore()` undoes it so the temp dir can be removed.
 */
export function makeReadOnly(files: string[]): { spawnAs: { uid?: number; gid?: number }; restore: () => void } {
  for (const f of files) fs.chmodSync(f, 0o444);
  if (process.getuid?.() !== 0) return { spawnAs: {}, restore: () => undefined };
  const chattr = (flag: string) => files.every((f) => spawnSync("chattr", [flag, f]).status === 0);
  if (chattr("+i")) return { spawnAs: {}, restore: () => void chattr("-i") };
  return { spawnAs: { uid: 65534, gid: 65534 }, restore: () => undefined };
}
