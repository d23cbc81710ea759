/**
 * Quality regression guard: the dev set and the project's own set, on the embedded default.
 * Thresholds are the figures the project commits to (see the README's "Quality" section).
 * The dev set lives outside the repository (../shared/eval, as in CI); in a clone without it, its
 * tests are reported as skipped and the project's own set still runs.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createBot, type ConventionBot } from "../src/core/bot.js";
import { evaluate, readQuestions, type EvalResult } from "../src/eval/evaluate.js";
import { testConfig } from "./helpers/env.js";

const SETS = {
  dev: path.resolve("../shared/eval/dev-questions.jsonl"),
  own: path.resolve("tests/eval/questions.jsonl"),
};

/** recall@3 floors per language. */
const FLOOR: Record<keyof typeof SETS, Record<string, number>> = {
  dev: { en: 0.95, id: 0.9, vi: 0.9 },
  own: { en: 0.95, id: 0.9, vi: 0.9 },
};

let bot: ConventionBot;
const results: Partial<Record<keyof typeof SETS, EvalResult>> = {};

beforeAll(async () => {
  bot = await createBot(testConfig(), { buildIfMissing: false });
  const known = new Set(bot.chunkIds());
  for (const [name, file] of Object.entries(SETS) as [keyof typeof SETS, string][]) {
    if (!fs.existsSync(file)) continue;
    results[name] = await evaluate(bot, readQuestions(file), (id) => known.has(id));
  }
});

describe.each(Object.keys(SETS) as (keyof typeof SETS)[])("%s question set", (name) => {
  if (!fs.existsSync(SETS[name])) it.skip(`needs ${SETS[name]}`, () => undefined);
  else describeSet(name);
});

function describeSet(name: keyof typeof SETS) {
  it("reaches the recall@3 floor in each language", () => {
    const r = results[name]!;
    for (const [lang, floor] of Object.entries(FLOOR[name])) {
      expect(r.byLanguage[lang].recall3, `${name} ${lang}: ${JSON.stringify(r.misses)}`).toBeGreaterThanOrEqual(floor);
    }
  });

  it("refuses every out-of-scope question and cites only chunks that exist", () => {
    const r = results[name]!;
    expect(r.overall.refusalAccuracy).toBe(1);
    expect(r.overall.danglingCitations).toBe(0);
  });

  it("refuses no in-scope question", () => {
    expect(results[name]!.overall.inScopeRefusals, JSON.stringify(results[name]!.misses.filter((m) => m.got === "refused"))).toBe(0);
  });
}
