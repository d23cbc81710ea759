/**
 * `npm run ask -- --jsonl FILE` answers every good line of a file and turns each bad one into
 * `{"id", "error"}` naming the line (exit code 1 then); a line without id is named by its number.
 * A question file or eval set that does not exist is reported before any index is built.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { parseQuestionLine } from "../../src/cli/question-lines.js";
import { tempDir } from "../helpers/env.js";
import { REPO, runScript } from "./helpers.js";

function envIn(dir: string, indexDir = inject("indexDir")) {
  return { DATA_DIR: path.join(dir, "data"), INDEX_DIR: indexDir, CORPUS_DIR: path.join(REPO, "corpus"), CONVENTION_PDF_URL: "http://127.0.0.1:9/x", LOG_LEVEL: "silent" };
}

describe("ask --jsonl with bad lines", () => {
  it("answers the good lines, reports each bad one with its line number, and exits 1", async () => {
    const dir = tempDir();
    const file = path.join(dir, "questions.jsonl");
    const lines = [
      JSON.stringify({ id: "en-7", question: "What does the Convention say about illegal access?" }), // 1
      "this is not JSON", // 2
      JSON.stringify({ id: "no-question" }), // 3
      "", // 4: blank lines are skipped, not errors
      JSON.stringify({ question: "Apa isi Pasal 41?" }), // 5: no id
      '["an", "array"]', // 6
      JSON.stringify({ id: 7, question: "   " }), // 7
      JSON.stringify({ id: "last", question: "Where was the Convention signed?" }), // 8
    ];
    fs.writeFileSync(file, lines.join("\n") + "\n");
    const run = await runScript("ask.ts", ["--jsonl", file], { env: envIn(dir) });
    expect(run.code, run.stderr).toBe(1);
    const out = run.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(["en-7", 2, "no-question", 5, 6, 7, "last"]);
    expect(out.filter((o) => "error" in o)).toEqual([
      { id: 2, error: "not valid JSON, line 2" },
      { id: "no-question", error: 'no "question", line 3' },
      { id: 6, error: "not a JSON object, line 6" },
      { id: 7, error: '"question" is not a non-empty string, line 7' },
    ]);
    const answered = out.filter((o) => !("error" in o));
    expect(answered.map((o) => o.id)).toEqual(["en-7", 5, "last"]);
    expect(answered[0].citations.some((c: { article: number }) => c.article === 7)).toBe(true);
    expect(answered[1]).toMatchObject({ language: "id" });
    expect(answered[1].citations.some((c: { article: number }) => c.article === 41)).toBe(true);
  });

  it("parses ids: strings and numbers are kept, anything else gives way to the line number", () => {
    expect(parseQuestionLine('{"id": "a", "question": "q"}', 3)).toEqual({ id: "a", question: "q", history: [] });
    expect(parseQuestionLine('{"id": 0, "question": "q"}', 3)).toEqual({ id: 0, question: "q", history: [] });
    expect(parseQuestionLine('{"id": "", "question": "q"}', 3)).toEqual({ id: 3, question: "q", history: [] });
    expect(parseQuestionLine('{"id": {"x": 1}, "question": "q"}', 4)).toEqual({ id: 4, question: "q", history: [] });
    expect(parseQuestionLine("null", 5)).toEqual({ id: 5, error: "not a JSON object, line 5" });
    expect(parseQuestionLine('{"id": "b", "question": 42}', 6)).toEqual({ id: "b", error: '"question" is not a non-empty string, line 6' });
  });
});

describe("input files that do not exist", () => {
  it("ask --jsonl names the file, before any index is built", async () => {
    const dir = tempDir();
    const indexDir = path.join(dir, "index");
    const run = await runScript("ask.ts", ["--jsonl", "no-such-file.jsonl"], { cwd: dir, env: envIn(dir, indexDir) });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`Error: The question file ${path.join(dir, "no-such-file.jsonl")} was not found (or is not a readable file); pass an existing one: npm run ask -- --jsonl FILE.\n`);
    expect(fs.existsSync(indexDir)).toBe(false);
  });

  it("eval names the default set it looked for and how to pass one, before any index is built", async () => {
    const dir = tempDir();
    const cwd = path.join(dir, "checkout");
    fs.mkdirSync(cwd);
    const indexDir = path.join(dir, "index");
    const run = await runScript("eval.ts", [], { cwd, env: envIn(dir, indexDir) });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `Error: The default question set ${path.join(dir, "shared", "eval", "dev-questions.jsonl")} was not found (or is not a readable file); pass one: npm run eval -- FILE (e.g. npm run eval -- tests/eval/questions.jsonl).\n`,
    );
    expect(fs.existsSync(indexDir)).toBe(false);

    const named = await runScript("eval.ts", ["mine.jsonl"], { cwd, env: envIn(dir, indexDir) });
    expect(named.code).toBe(1);
    expect(named.stderr).toContain(`The question set ${path.join(cwd, "mine.jsonl")} was not found`);
    expect(fs.existsSync(indexDir)).toBe(false);
  });
});
