/**
 * Settings in `.env` take effect, LOG_LEVEL included: the logger exists before any config is
 * loaded, so it must read `.env` itself. Each script runs in a directory holding only a `.env`,
 * with no LOG_LEVEL in its environment: `npm start` with one piped question, and `npm run ask`
 * building a fresh index first (whose "no index yet" line is logged before any config is read).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { tempDir } from "../helpers/env.js";
import { REPO, logRecords, runScript } from "./helpers.js";

const QUESTION = "What is illegal access?";

async function withDotEnv(script: "start.ts" | "ask.ts", logLevel: string) {
  const dir = tempDir();
  const dataDir = path.join(dir, "data-from-dotenv");
  const settings = {
    LOG_LEVEL: logLevel,
    DATA_DIR: dataDir,
    // ask builds its own index (more to log); start serves the one the tests share.
    INDEX_DIR: script === "ask.ts" ? path.join(dir, "index") : inject("indexDir"),
    CORPUS_DIR: path.join(REPO, "corpus"),
    CONVENTION_PDF_URL: "http://127.0.0.1:9/x",
  };
  fs.writeFileSync(path.join(dir, ".env"), Object.entries(settings).map(([k, v]) => `${k}=${v}`).join("\n") + "\n");
  const run = script === "ask.ts" ? await runScript("ask.ts", [QUESTION], { cwd: dir }) : await runScript("start.ts", [], { cwd: dir, input: `${QUESTION}\n` });
  return { run, dataDir };
}

describe.each(["start.ts", "ask.ts"] as const)("LOG_LEVEL in .env (%s)", (script) => {
  it("error: no info line on stderr, and the other .env settings apply too", async () => {
    const { run, dataDir } = await withDotEnv(script, "error");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Art. 7(1)");
    expect(run.stderr).toBe("");
    if (script === "start.ts") expect(fs.existsSync(path.join(dataDir, "ops.sqlite"))).toBe(true);
  });

  it("info: the info lines are there (so the test above can fail)", async () => {
    const { run } = await withDotEnv(script, "info");
    expect(run.code, run.stderr).toBe(0);
    expect(logRecords(run.stderr).length).toBeGreaterThan(0);
  });
});
