/**
 * Retrieval and refusal quality over a question set (JSON lines with `id`, `lang`, `question`,
 * `expect`): recall@1/3/5 and MRR on in-scope questions, refusal accuracy on out-of-scope ones,
 * in-scope refusals, and whether every citation names a chunk of the index — per language.
 */
import fs from "node:fs";
import { z } from "zod";
import type { Answer, ConventionBot } from "../core/bot.js";
import { CONVENTION_DOC, NEWS_DOC } from "../core/types.js";

const questionSchema = z.object({
  id: z.string(),
  lang: z.enum(["en", "id", "vi"]),
  question: z.string(),
  expect: z.union([
    z.object({ doc: z.literal("convention"), articles: z.array(z.number().int()).min(1) }),
    z.object({ doc: z.enum(["news", "any", "none"]) }),
  ]),
});
export type EvalQuestion = z.infer<typeof questionSchema>;

export function readQuestions(file: string): EvalQuestion[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return questionSchema.parse(JSON.parse(l));
      } catch (err) {
        throw new Error(`${file}:${i + 1}: ${(err as Error).message.split("\n")[0]}`);
      }
    });
}

export interface Figures {
  questions: number;
  inScope: number;
  outOfScope: number;
  recall1: number;
  recall3: number;
  recall5: number;
  mrr: number;
  refusalAccuracy: number | null;
  inScopeRefusals: number;
  wrongLanguage: number;
  danglingCitations: number;
}

export interface EvalResult {
  overall: Figures;
  byLanguage: Record<string, Figures>;
  misses: { id: string; question: string; expected: string; got: string }[];
}

/** Rank (1-based) of the first citation that satisfies the expectation, or null. */
export function hitRank(q: EvalQuestion, a: Answer): number | null {
  if (!a.grounded) return null;
  const e = q.expect;
  const i = a.citations.findIndex((c) =>
    e.doc === "convention" ? c.doc === CONVENTION_DOC && c.article !== null && e.articles.includes(c.article) : e.doc === "news" ? c.doc === NEWS_DOC : e.doc === "any",
  );
  return i < 0 ? null : i + 1;
}

function figures(rows: { q: EvalQuestion; a: Answer; rank: number | null; dangling: number }[]): Figures {
  const inScope = rows.filter((r) => r.q.expect.doc !== "none");
  const oos = rows.filter((r) => r.q.expect.doc === "none");
  const share = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 1000 : 0);
  const within = (k: number) => share(inScope.filter((r) => r.rank !== null && r.rank <= k).length, inScope.length);
  return {
    questions: rows.length,
    inScope: inScope.length,
    outOfScope: oos.length,
    recall1: within(1),
    recall3: within(3),
    recall5: within(5),
    mrr: share(inScope.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0), inScope.length),
    refusalAccuracy: oos.length ? share(oos.filter((r) => !r.a.grounded).length, oos.length) : null,
    inScopeRefusals: inScope.filter((r) => !r.a.grounded).length,
    wrongLanguage: rows.filter((r) => r.a.language !== r.q.lang).length,
    danglingCitations: rows.reduce((s, r) => s + r.dangling, 0),
  };
}

export async function evaluate(bot: ConventionBot, questions: EvalQuestion[], chunkExists: (id: string) => boolean): Promise<EvalResult> {
  const rows = [];
  for (const q of questions) {
    const a = await bot.answer(q.question);
    rows.push({ q, a, rank: hitRank(q, a), dangling: a.citations.filter((c) => !chunkExists(c.chunkId)).length });
  }
  const byLanguage: Record<string, Figures> = {};
  for (const lang of ["en", "id", "vi"]) {
    const mine = rows.filter((r) => r.q.lang === lang);
    if (mine.length) byLanguage[lang] = figures(mine);
  }
  const misses = rows
    .filter((r) => (r.q.expect.doc === "none" ? r.a.grounded : r.rank === null || r.rank > 3))
    .map((r) => ({
      id: r.q.id,
      question: r.q.question,
      expected: r.q.expect.doc === "convention" ? `art ${r.q.expect.articles.join(",")}` : r.q.expect.doc,
      got: r.a.grounded ? r.a.citations.map((c) => c.label).join("; ") : "refused",
    }));
  return { overall: figures(rows), byLanguage, misses };
}
