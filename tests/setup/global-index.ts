/**
 * Builds the index once per test run from the real PDF (the copy shipped in corpus/, or the one in
 * CORPUS_SOURCES_DIR when that is set), into a temporary directory the tests share read-only (see
 * tests/helpers/env.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildIndex } from "../../src/core/index/build.js";

/** Unset by default: the tests, like `npm start`, read the PDF shipped in corpus/. */
export const SOURCES_DIR = process.env.CORPUS_SOURCES_DIR ? path.resolve(process.env.CORPUS_SOURCES_DIR) : undefined;

export default async function setup(project: TestProject) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "convention-bot-index-"));
  const indexDir = path.join(root, "index");
  await buildIndex({ corpusDir: path.resolve("corpus"), sourcesDir: SOURCES_DIR, cacheDir: path.join(root, "cache"), indexDir, embeddings: "local" });
  project.provide("indexDir", indexDir);
  project.provide("sourcesDir", SOURCES_DIR);
  return () => fs.rmSync(root, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    indexDir: string;
    sourcesDir: string | undefined;
  }
}
