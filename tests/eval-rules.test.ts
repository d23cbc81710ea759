/**
 * The evaluation's own rules, on hand-made answers: what counts as a hit and a lead (a news question
 * with an expected paragraph is a hit only at that paragraph), and the independent verbatim check of
 * quotes against the source files.
 */
import { expect, test } from "vitest";
import type { Answer, Citation } from "../src/core/bot.js";
import { hitRank, leadHit, type EvalQuestion } from "../src/eval/evaluate.js";
import { occursIn, squeeze, verbatimChecker } from "../src/eval/verbatim.js";

const cite = (over: Partial<Citation>): Citation => ({
  doc: "convention", part: "article", article: 41, paragraph: 1, item: null, quoteLanguage: "en", title: "Article 41 — 24/7 network",
  quote: "", url: "https://example.org", label: "Art. 41(1)", chunkId: "convention:art-41:1:0", ...over,
});
const answer = (citations: Citation[]): Answer => ({ id: "a", language: "en", grounded: true, summary: null, blocks: [], text: "", citations, indexVersion: "v", ms: 1 });
const news = (n: number) => cite({ doc: "news-hanoi-signing-2025-10-25", part: "news", article: null, paragraph: n, label: `News report, para. ${n}`, chunkId: `news:${n}` });

test("a news question with an expected paragraph hits only that paragraph", () => {
  const q: EvalQuestion = { id: "n", lang: "en", question: "Who chaired it?", expect: { doc: "news", lead: ["news:2"] } };
  expect(hitRank(q, answer([news(5), news(2)]))).toBe(2);
  expect(leadHit(q, answer([news(5), news(2)]))).toBe(false);
  expect(hitRank(q, answer([news(5), news(7)]))).toBeNull();
  const any: EvalQuestion = { id: "m", lang: "en", question: "Where?", expect: { doc: "news" } };
  expect(hitRank(any, answer([cite({}), news(7)]))).toBe(2);
});

test("a convention question hits at an expected article; a refusal hits nowhere", () => {
  const q: EvalQuestion = { id: "c", lang: "en", question: "24/7?", expect: { doc: "convention", articles: [41], lead: ["41(5)"] } };
  expect(hitRank(q, answer([cite({ article: 40 }), cite({ paragraph: 3 })]))).toBe(2);
  expect(leadHit(q, answer([cite({ paragraph: 3 })]))).toBe(false);
  expect(leadHit(q, answer([cite({ paragraph: 5 })]))).toBe(true);
  expect(hitRank(q, { ...answer([cite({})]), grounded: false })).toBeNull();
});

test("a quote is verbatim when each piece between ellipses occurs in the source, in order", () => {
  const source = squeeze("Each State Party shall designate a point of contact available 24 hours a day, 7 days a week, in order to ensure assistance.");
  expect(occursIn("Each State Party shall designate a point of contact", source)).toBe(true);
  expect(occursIn("Each State Party … 7 days a week, in order to ensure assistance.", source)).toBe(true);
  expect(occursIn("7 days a week … Each State Party", source)).toBe(false);
  expect(occursIn("Each State Party must designate a point of contact", source)).toBe(false);
});

test("the checker reads the Convention's PDF and the news report themselves", async () => {
  const verbatim = await verbatimChecker("corpus");
  const art41 = "Each State Party shall designate a point of contact available 24 hours a day, 7 days a week";
  expect(verbatim(cite({ quote: art41 }))).toBe(true);
  expect(verbatim(cite({ quote: art41.replace("shall", "should") }))).toBe(false);
  expect(verbatim(cite({ quote: art41, doc: "no-such-document" }))).toBe(false);
});
