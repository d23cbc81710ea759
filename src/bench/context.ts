/**
 * What every part of a benchmark run shares: the temp directory it writes into, the environment
 * its child processes start with (the embedded defaults: local embedder, no LLM, no rate limit,
 * no tokens from `.env`), the question set, and the size of the run.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface BenchOptions {
  quick: boolean;
  questionsFile: string;
  /** CORPUS_SOURCES_DIR, if set; otherwise the PDF shipped in corpus/ is used. */
  sourcesDir: string | undefined;
  /** CORPUS_CACHE_DIR (or its default). */
  cacheDir: string;
  /** Progress lines (stderr). */
  progress(line: string): void;
}

export interface BenchContext extends BenchOptions {
  tmp: string;
  /** The index every part after the ingestion answers from. */
  indexDir: string;
  /** Environment for a child process, with a private DATA_DIR under the run's temp directory. */
  env(name: string, extra?: Record<string, string>): NodeJS.ProcessEnv;
  cleanup(): void;
}

export function createContext(opts: BenchOptions): BenchContext {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "convention-bot-bench-"));
  const indexDir = path.join(tmp, "index");
  return {
    ...opts,
    tmp,
    indexDir,
    env(name, extra = {}) {
      const dataDir = path.join(tmp, name);
      fs.mkdirSync(dataDir, { recursive: true });
      return {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATA_DIR: dataDir,
        INDEX_DIR: indexDir,
        CORPUS_DIR: path.resolve("corpus"),
        CORPUS_SOURCES_DIR: opts.sourcesDir,
        CORPUS_CACHE_DIR: opts.cacheDir,
        EMBEDDINGS: "local",
        LOG_LEVEL: "error",
        RATE_LIMIT_PER_MIN: "0",
        ...extra,
      };
    },
    cleanup() {
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}
