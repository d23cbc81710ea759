/**
 * Quality regression guard on the embedded default: the shared dev set, the project's first set
 * and the blind answer set (tests/eval/answers.jsonl, with expected leads and conversations).
 * Floors are the figures measured at the commit that set them (README "Quality"), less a small
 * margin; raise them when the answers get better, never lower them to make a change pass.
 * The dev set lives outside the repository (../shared/eval, as in CI); in a clone without it, its
 * tests are reported as skipped and the project's own sets still run.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createBot, type Citation, type ConventionBot } from "../src/core/bot.js";
import { evaluate, readQuestions, type EvalResult, type Figures } from "../src/eval/evaluate.js";
import { verbatimChecker } from "../src/eval/verbatim.js";
import { testConfig } from "./helpers/env.js";

const SETS = {
  dev: path.resolve("../shared/eval/dev-questions.jsonl"),
  own: path.resolve("tests/eval/questions.jsonl"),
  answers: path.resolve("tests/eval/answers.jsonl"),
};
type SetName = keyof typeof SETS;

/**
 * Floors per set and language: lead@1, recall@1, recall@3, MRR, and the most in-scope questions refused and
 * answers in another language. recall@1 and MRR were set on 30 November 2026 (issue 18) at the measured figures
 * less 0.02.
 */
const FLOOR: Record<SetName, Record<string, Pick<Figures, "lead1" | "recall1" | "recall3" | "mrr" | "inScopeRefusals" | "wrongLanguage">>> = {
  dev: { en: { lead1: 0.88, recall1: 0.88, recall3: 0.88, mrr: 0.88, inScopeRefusals: 0, wrongLanguage: 0 }, id: { lead1: 1, recall1: 0.98, recall3: 1, mrr: 0.98, inScopeRefusals: 0, wrongLanguage: 0 }, vi: { lead1: 0.98, recall1: 0.98, recall3: 0.98, mrr: 0.98, inScopeRefusals: 0, wrongLanguage: 0 } },
  // own en: lead@1 0.889 → 0.861, recall@3 0.944 → 0.917 and one in-scope refusal when the glossary entry copied from o-en-36 ("Why is it called
  // the Hanoi Convention?") was removed (issue 18): the earlier floor rested on that copy.
  own: { en: { lead1: 0.81, recall1: 0.81, recall3: 0.89, mrr: 0.85, inScopeRefusals: 1, wrongLanguage: 0 }, id: { lead1: 0.78, recall1: 0.78, recall3: 0.9, mrr: 0.83, inScopeRefusals: 0, wrongLanguage: 1 }, vi: { lead1: 0.86, recall1: 0.86, recall3: 0.94, mrr: 0.9, inScopeRefusals: 0, wrongLanguage: 0 } },
  answers: { en: { lead1: 0.58, recall1: 0.75, recall3: 0.79, mrr: 0.77, inScopeRefusals: 1, wrongLanguage: 0 }, id: { lead1: 0.53, recall1: 0.73, recall3: 0.78, mrr: 0.75, inScopeRefusals: 1, wrongLanguage: 0 }, vi: { lead1: 0.62, recall1: 0.73, recall3: 0.73, mrr: 0.73, inScopeRefusals: 0, wrongLanguage: 0 } },
};

let bot: ConventionBot;
let verbatim: (c: Citation) => boolean;
const results: Partial<Record<SetName, Promise<EvalResult>>> = {};

beforeAll(async () => {
  const config = testConfig();
  bot = await createBot(config, { buildIfMissing: false });
  verbatim = await verbatimChecker(config.corpusDir, [config.sourcesDir]);
});

/**
 * A set's figures, computed by the first test that needs them (inside the test, not in a hook, so
 * that mutation testing sees which test runs the answering code).
 */
function resultOf(name: SetName): Promise<EvalResult> {
  return (results[name] ??= evaluate(bot, readQuestions(SETS[name]), verbatim));
}

describe.each(Object.keys(SETS) as SetName[])("%s question set", (name) => {
  if (!fs.existsSync(SETS[name])) it.skip(`needs ${SETS[name]}`, () => undefined);
  else describeSet(name);
});

function describeSet(name: SetName) {
  it("reaches the lead@1, recall@1, recall@3 and MRR floors in each language, in the asker's language", async () => {
    const r = await resultOf(name);
    for (const [lang, floor] of Object.entries(FLOOR[name])) {
      const f = r.byLanguage[lang];
      const why = `${name} ${lang}: ${JSON.stringify(r.misses.slice(0, 20))}`;
      expect(f.lead1, why).toBeGreaterThanOrEqual(floor.lead1);
      expect(f.recall1, why).toBeGreaterThanOrEqual(floor.recall1);
      expect(f.recall3, why).toBeGreaterThanOrEqual(floor.recall3);
      expect(f.mrr, why).toBeGreaterThanOrEqual(floor.mrr);
      expect(f.inScopeRefusals, why).toBeLessThanOrEqual(floor.inScopeRefusals);
      expect(f.wrongLanguage, `${name} ${lang}: answers not in the question's language`).toBeLessThanOrEqual(floor.wrongLanguage);
    }
  });

  it("refuses every out-of-scope question and shows no broken quote, every quote verbatim from its source", async () => {
    const r = await resultOf(name);
    expect(r.overall.notVerbatim, JSON.stringify(r.misses.filter((m) => m.got.includes("[not verbatim]")))).toBe(0);
    expect(r.overall.refusalAccuracy, JSON.stringify(r.misses.filter((m) => m.expected === "refusal"))).toBe(1);
    expect(r.overall.brokenQuotes, JSON.stringify(r.misses.filter((m) => m.got.includes("[broken")))).toBe(0);
  });
}
