import { execFile } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnswerRecord } from "../../src/core/bot.js";
import { openStore } from "../../src/ops/store.js";
import { CommandLineExit } from "../../src/cli/args.js";
import { parseReportArgs, renderReport } from "../../src/ops/report.js";
import { DAY_MS, alice, answerRecord, bob, opsConfig, removeDir, tempDir } from "./helpers.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);

let dir: string;
let seeded: AnswerRecord[];
const now = new Date();
const todayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
const dayName = (n: number) => new Date(todayStart - n * DAY_MS).toISOString().slice(0, 10);
/** A distinct time on the day `days` ago, so gaps have a defined order. */
const at = (days: number, minute: number) => new Date(todayStart - days * DAY_MS + minute * 60_000);

/** Runs `scripts/report.ts` in its own process, as `npm run report` would. */
const report = (args: string[], dataDir = dir) =>
  run("npx", ["tsx", "scripts/report.ts", ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "info", FORCE_COLOR: "0" },
    timeout: 60_000,
  });

beforeAll(() => {
  dir = tempDir();
  const store = openStore(opsConfig(dir, { STORE_QUESTIONS: "true" }));
  const cite = (article: number) => ({ doc: "convention", article, paragraph: 1, chunkId: `c-${article}` });
  seeded = [
    answerRecord({ at: at(0, 1), asker: alice, citations: [cite(41)] }),
    answerRecord({ at: at(0, 2), asker: alice, citations: [cite(41), cite(42)] }),
    answerRecord({ at: at(0, 3), asker: bob, citations: [cite(23)] }),
    answerRecord({ at: at(3, 10), asker: bob, grounded: false, citations: [], language: "vi", question: "Ai đã ký \u001b[31mở Hà Nội?" }),
    answerRecord({ at: at(3, 20), asker: alice, citations: [cite(41)], language: "id", question: "Apa itu jaringan 24/7?" }),
    answerRecord({ at: at(20, 5), asker: alice, grounded: false, citations: [] }),
  ];
  for (const r of seeded) store.recordAnswer(r);
  store.recordFeedback(seeded[4].answerId, bob, "down", "kutipan salah");
  store.close();
});
afterAll(() => removeDir(dir));

describe("npm run report --json", () => {
  it("prints exactly one single-line JSON object with the seeded figures", async () => {
    const { stdout } = await report(["--days", "7", "--json"]);
    expect(stdout.endsWith("\n")).toBe(true);
    expect(stdout.trimEnd().split("\n")).toHaveLength(1);
    const json = JSON.parse(stdout);
    expect(Object.keys(json).sort()).toEqual(["byDay", "byPlatform", "gaps", "refused", "topArticles", "totalQuestions"]);
    expect(json).toEqual({
      totalQuestions: 5,
      refused: 1,
      byDay: [
        { day: dayName(3), platform: "discord", questions: 1 },
        { day: dayName(3), platform: "telegram", questions: 1 },
        { day: dayName(0), platform: "discord", questions: 1 },
        { day: dayName(0), platform: "telegram", questions: 2 },
      ],
      byPlatform: { discord: 2, telegram: 3 },
      topArticles: [
        { article: 41, count: 3 },
        { article: 23, count: 1 },
        { article: 42, count: 1 },
      ],
      gaps: [seeded[3], seeded[4]]
        .map((r, i) => ({
          at: r.at.toISOString(),
          platform: r.asker.platform,
          language: r.language,
          reason: i === 0 ? "refused" : "down",
          question: r.question,
          ...(i === 1 ? { note: "kutipan salah" } : {}),
        }))
        .sort((a, b) => b.at.localeCompare(a.at)),
    });
    // A longer window reaches the older refusal.
    const month = JSON.parse((await report(["--days", "30", "--json"])).stdout);
    expect(month.totalQuestions).toBe(6);
    expect(month.refused).toBe(2);
  });

  it("reports zeros, and creates nothing, when no database exists yet", async () => {
    const empty = tempDir();
    try {
      const { stdout } = await report(["--json"], empty);
      expect(JSON.parse(stdout)).toEqual({ totalQuestions: 0, refused: 0, byDay: [], byPlatform: {}, topArticles: [], gaps: [] });
      expect(fs.readdirSync(empty)).toEqual([]);
    } finally {
      removeDir(empty);
    }
  });

  it("rejects bad arguments with usage on stderr and exit code 2", async () => {
    await expect(report(["--days", "zero"])).rejects.toMatchObject({ code: 2, stdout: "", stderr: expect.stringContaining("--days") });
  });
});

describe("the terminal table", () => {
  it("shows the figures, refusal rate, articles and gaps, with control characters removed", async () => {
    const { stdout } = await report(["--days", "7"]);
    expect(stdout).toMatch(/Questions\s+5/);
    expect(stdout).toMatch(/Refused\s+1 \(20\.0%\)/);
    expect(stdout).toMatch(new RegExp(`${dayName(0)}\\s+1\\s+2\\s+3`));
    expect(stdout).toMatch(/Art\. 41\s+3/);
    expect(stdout).toContain("Ai đã ký [31mở Hà Nội?");
    expect(stdout).not.toContain("\u001b");
    expect(stdout).toMatch(/👎\s+Apa itu jaringan 24\/7\?\s+\[kutipan salah\]/);
  });

  it("says when a period has no questions", () => {
    const text = renderReport({ days: 7, totalQuestions: 0, refused: 0, byDay: [], byPlatform: {}, topArticles: [], gaps: [] }, now);
    expect(text).toContain("No questions recorded");
  });
});

describe("arguments", () => {
  it("default to 30 days and a table", () => {
    expect(parseReportArgs([])).toEqual({ days: 30, json: false });
    expect(parseReportArgs(["--days=3", "--json"])).toEqual({ days: 3, json: true });
    expect(() => parseReportArgs(["--days", "1.5"])).toThrow(CommandLineExit);
    expect(() => parseReportArgs(["--weeks", "2"])).toThrow(CommandLineExit);
  });
});
