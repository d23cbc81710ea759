/**
 * Test environments: `testEnv()` gives the variables `npm start` would read, pointing at the index
 * the global setup built once (shared, do not write to it) and at a fresh DATA_DIR. Tests that
 * rebuild or swap the index ask for `{ ownIndex: true }` and get a private copy.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject, onTestFinished } from "vitest";
import { loadConfig, type Config } from "../../src/config.js";

export interface TestEnvOptions {
  /** Copy the prebuilt index into a private INDEX_DIR (for reindex / hot reload tests). */
  ownIndex?: boolean;
  /** Extra or overriding variables. */
  env?: Record<string, string | undefined>;
}

export function tempDir(prefix = "convention-bot-test-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  } catch {
    // outside a test (beforeAll): the OS temp dir is cleaned eventually
  }
  return dir;
}

export function testEnv(opts: TestEnvOptions = {}): NodeJS.ProcessEnv {
  const dataDir = tempDir();
  let indexDir = inject("indexDir");
  if (opts.ownIndex) {
    const copy = path.join(dataDir, "index");
    fs.cpSync(indexDir, copy, { recursive: true });
    indexDir = copy;
  }
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: dataDir,
    INDEX_DIR: indexDir,
    CORPUS_DIR: path.resolve("corpus"),
    CORPUS_SOURCES_DIR: inject("sourcesDir"),
    CORPUS_CACHE_DIR: path.join(dataDir, "cache"),
    LOG_LEVEL: "silent",
    RATE_LIMIT_PER_MIN: "0",
    ...opts.env,
  };
}

export function testConfig(opts: TestEnvOptions = {}): Config {
  return loadConfig(testEnv(opts));
}
