/**
 * Answer quality over a question set (JSON lines with `id`, `lang`, `question`, optional `history`,
 * `expect`): lead@1 (the first citation is a place that settles the question), recall@1/3/5 and
 * MRR on in-scope questions, refusal accuracy on out-of-scope ones, in-scope refusals, broken
 * quotes, answers in the wrong language, and quotes that are not verbatim text of their source
 * file (checked independently of the index, see verbatim.ts) — per language.
 */
import fs from "node:fs";
import { z } from "zod";
import { quoteProblems } from "../core/answer/quote.js";
import type { Answer, Citation, ConventionBot, Turn } from "../core/bot.js";
import { CONVENTION_DOC } from "../core/types.js";

/** A place in the sources: "41", "41(1)", "2(c)", "11(1)(a)", "res", "res:4", "preamble", "note:3", "news:2". */
const place = z.string().regex(/^(\d{1,2}(\(\d{1,2}\))?(\([a-z]{1,4}\))?|res(:\d{1,2})?|preamble|note:\d|news(:\d{1,2})?)$/);

const questionSchema = z.object({
  id: z.string(),
  lang: z.enum(["en", "id", "vi"]),
  question: z.string(),
  /** Earlier questions of the same conversation, oldest first. */
  history: z.array(z.string()).optional(),
  expect: z.union([
    z.object({ doc: z.literal("convention"), articles: z.array(z.number().int()).default([]), lead: z.array(place).optional() }),
    z.object({ doc: z.enum(["news", "any"]), lead: z.array(place).optional() }),
    z.object({ doc: z.literal("none") }),
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
  /** Share of in-scope questions whose first citation is an expected lead (or, without `lead`, an expected article / the news report). */
  lead1: number;
  /** Quotes a reader would see as broken (see `quoteProblems`). */
  brokenQuotes: number;
  /** Conversations (questions with `history`) and the share answered from an expected article or lead. */
  conversations: number;
  conversationHits: number;
  /** Share of grounded answers that open with a gist (summary) in the asker's language. */
  summaries: number;
  recall1: number;
  recall3: number;
  recall5: number;
  mrr: number;
  refusalAccuracy: number | null;
  inScopeRefusals: number;
  wrongLanguage: number;
  /** Quotes not found verbatim in their document's file (the PDF's raw text, the text file). */
  notVerbatim: number;
}

export interface EvalResult {
  overall: Figures;
  byLanguage: Record<string, Figures>;
  misses: { id: string; question: string; expected: string; got: string }[];
}

/** Does a citation stand at a place ("41(1)" matches Art. 41(1) with any item; "41" any paragraph of 41)? */
export function atPlace(c: Citation, where: string): boolean {
  let m: RegExpExecArray | null;
  if ((m = /^news(?::(\d+))?$/.exec(where))) return c.part === "news" && (!m[1] || c.paragraph === Number(m[1]));
  if ((m = /^res(?::(\d+))?$/.exec(where))) return c.part === "resolution" && (!m[1] || c.paragraph === Number(m[1]));
  if (where === "preamble") return c.part === "preamble";
  if ((m = /^note:(\d)$/.exec(where))) return c.part === "note" && c.chunkId.includes(`:note-${m[1]}:`);
  m = /^(\d+)(?:\((\d+)\))?(?:\(([a-z]+)\))?$/.exec(where);
  if (!m || c.part !== "article" || c.article !== Number(m[1])) return false;
  if (m[2] && c.paragraph !== Number(m[2])) return false;
  return !m[3] || c.item === m[3];
}

/** Does a citation satisfy the question's expectation at article level (recall)? Leads count too. */
function hits(q: EvalQuestion, c: Citation): boolean {
  const e = q.expect;
  if (e.doc === "none") return false;
  if (e.doc === "any") return true;
  if (e.lead?.some((l) => atPlace(c, l))) return true;
  if (e.doc === "convention") return c.doc === CONVENTION_DOC && c.article !== null && e.articles.includes(c.article);
  return c.part === "news" && !e.lead;
}

/** Rank (1-based) of the first citation that satisfies the expectation, or null. */
export function hitRank(q: EvalQuestion, a: Answer): number | null {
  if (!a.grounded) return null;
  const i = a.citations.findIndex((c) => hits(q, c));
  return i < 0 ? null : i + 1;
}

/** Is the first citation a lead the question expects (an expected article or the report, without `lead`)? */
export function leadHit(q: EvalQuestion, a: Answer): boolean {
  const first = a.grounded ? a.citations[0] : undefined;
  if (!first || q.expect.doc === "none") return false;
  const e = q.expect;
  return e.lead?.length ? e.lead.some((l) => atPlace(first, l)) : hits(q, first);
}

interface Row {
  q: EvalQuestion;
  a: Answer;
  rank: number | null;
  lead: boolean;
  broken: number;
  notVerbatim: number;
}

function figures(rows: Row[]): Figures {
  const inScope = rows.filter((r) => r.q.expect.doc !== "none");
  const oos = rows.filter((r) => r.q.expect.doc === "none");
  const share = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 1000 : 0);
  const within = (k: number) => share(inScope.filter((r) => r.rank !== null && r.rank <= k).length, inScope.length);
  return {
    questions: rows.length,
    inScope: inScope.length,
    outOfScope: oos.length,
    lead1: share(inScope.filter((r) => r.lead).length, inScope.length),
    brokenQuotes: rows.reduce((n, r) => n + r.broken, 0),
    summaries: share(rows.filter((r) => r.a.grounded && r.a.summary).length, rows.filter((r) => r.a.grounded).length),
    conversations: rows.filter((r) => r.q.history?.length).length,
    conversationHits: share(rows.filter((r) => r.q.history?.length && (r.q.expect.doc === "none" ? !r.a.grounded : r.rank !== null && r.rank <= 3)).length, rows.filter((r) => r.q.history?.length).length),
    recall1: within(1),
    recall3: within(3),
    recall5: within(5),
    mrr: share(inScope.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0), inScope.length),
    refusalAccuracy: oos.length ? share(oos.filter((r) => !r.a.grounded).length, oos.length) : null,
    inScopeRefusals: inScope.filter((r) => !r.a.grounded).length,
    wrongLanguage: rows.filter((r) => r.a.language !== r.q.lang).length,
    notVerbatim: rows.reduce((s, r) => s + r.notVerbatim, 0),
  };
}

/** `isVerbatim`: is a citation's quote verbatim text of its source (see `verbatimChecker`)? */
export async function evaluate(bot: ConventionBot, questions: EvalQuestion[], isVerbatim: (c: Citation) => boolean): Promise<EvalResult> {
  const rows: Row[] = [];
  for (const q of questions) {
    const a = await answerInConversation(bot, q.question, q.history ?? []);
    const broken = a.citations.filter((c) => quoteProblems(c.quote, c).length).length;
    rows.push({ q, a, rank: hitRank(q, a), lead: leadHit(q, a), broken, notVerbatim: a.citations.filter((c) => !isVerbatim(c)).length });
  }
  const byLanguage: Record<string, Figures> = {};
  for (const lang of ["en", "id", "vi"]) {
    const mine = rows.filter((r) => r.q.lang === lang);
    if (mine.length) byLanguage[lang] = figures(mine);
  }
  const misses = rows
    .filter((r) => (r.q.expect.doc === "none" ? r.a.grounded : !r.lead || r.rank === null || r.rank > 3 || r.broken > 0 || r.notVerbatim > 0))
    .map((r) => ({
      id: r.q.id,
      question: r.q.question,
      expected: expected(r.q),
      got: r.a.grounded ? r.a.citations.map((c) => `${c.label}${quoteProblems(c.quote, c).length ? ` [broken: ${quoteProblems(c.quote, c).join(", ")}: “${c.quote.slice(-60)}”]` : ""}${isVerbatim(c) ? "" : " [not verbatim]"}`).join("; ") : "refused",
    }));
  return { overall: figures(rows), byLanguage, misses };
}

function expected(q: EvalQuestion): string {
  const e = q.expect;
  if (e.doc === "none") return "refusal";
  const lead = e.lead?.length ? ` lead ${e.lead.join("|")}` : "";
  return e.doc === "convention" ? `art ${e.articles.join(",")}${lead}` : `${e.doc}${lead}`;
}

/**
 * Answer a question as the last turn of a conversation: the earlier questions are asked first, in
 * order, each with the turns before it, exactly as a chat would (their answers are not scored).
 */
export async function answerInConversation(bot: ConventionBot, question: string, earlier: string[], options: { localeHint?: string } = {}): Promise<Answer> {
  const history: Turn[] = [];
  for (const q of earlier) {
    const a = await bot.answer(q, { history: [...history], ...options });
    history.push({ question: q, answer: { citations: a.citations, language: a.language } });
  }
  return bot.answer(question, { history, ...options });
}
