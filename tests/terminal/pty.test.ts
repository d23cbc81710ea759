/**
 * `npm start` in a real terminal (a pseudo-terminal from util-linux `script`, 60 columns): the chat
 * owns the terminal, so log lines stay off it unless LOG_LEVEL asks for them — they would land in
 * the answers and on the prompt line — and answers are wrapped to the terminal's own width.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { tempDir } from "../helpers/env.js";
import { REPO, run, TSX } from "../cli/helpers.js";

const hasScript = (() => {
  try {
    execFileSync("script", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** `npm start` in a 60-column pseudo-terminal, typing a question and /quit; the terminal's transcript. */
async function startInTerminal(logLevel?: string): Promise<string> {
  const dir = tempDir();
  const node = `${process.execPath} --import ${TSX} ${path.join(REPO, "scripts", "start.ts")}`;
  const env = { INDEX_DIR: inject("indexDir"), DATA_DIR: path.join(dir, "data"), CORPUS_DIR: path.join(REPO, "corpus"), CONVENTION_PDF_URL: "http://127.0.0.1:9/x", TERM: "dumb", ...(logLevel ? { LOG_LEVEL: logLevel } : {}) };
  const result = await run("script", ["-qec", `stty cols 60 rows 40; exec ${node}`, "/dev/null"], { env, input: "What is illegal access?\r/quit\r" });
  expect(result.code, result.stdout + result.stderr).toBe(0);
  return result.stdout;
}

describe.skipIf(!hasScript)("the terminal chat in a terminal", () => {
  it("keeps log lines off it when LOG_LEVEL is not set, and wraps to its 60 columns", async () => {
    const screen = await startInTerminal();
    expect(screen).toContain("Art. 7(1)");
    expect(screen).not.toMatch(/\bINFO\b|schema migrated|stopping/);
    const lines = stripVTControlCharacters(screen).split(/\r?\n/);
    expect(lines.filter((l) => [...l].length > 60 && !/^\s*https:\/\/\S+$/.test(l))).toEqual([]);
  });

  it("shows them when LOG_LEVEL asks (so the test above can fail)", async () => {
    const screen = await startInTerminal("info");
    expect(screen).toContain("Art. 7(1)");
    expect(screen).toMatch(/INFO.*schema migrated/);
  });
});
