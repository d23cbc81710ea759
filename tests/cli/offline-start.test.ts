/**
 * A newcomer's first `npm start` on a machine without internet: no CORPUS_SOURCES_DIR, an empty
 * download cache, no index yet, and a download URL where nothing can answer. The Convention's PDF
 * shipped in corpus/ is enough to build the index and answer a piped question.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { tempDir } from "../helpers/env.js";
import { runNpm } from "./helpers.js";

it("npm start builds the index from corpus/ and answers a piped question, offline", async () => {
  const dir = tempDir();
  const cacheDir = path.join(dir, "cache");
  const env = {
    DATA_DIR: path.join(dir, "data"), // no index in it yet
    CORPUS_CACHE_DIR: cacheDir,
    CONVENTION_PDF_URL: "http://127.0.0.1:9/x",
    CORPUS_SOURCES_DIR: undefined,
  };
  const run = await runNpm("start", [], { env, input: "What is illegal access?\n" });
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout.startsWith("> What is illegal access?\n\n")).toBe(true);
  expect(run.stdout).toContain("Art. 7(1)");
  expect(run.stdout).toContain("Illegal access");
  expect(fs.readdirSync(path.join(dir, "data", "index"))).toContain("CURRENT");
  expect(fs.existsSync(cacheDir)).toBe(false); // nothing was downloaded
});
