/**
 * The neutral answer view every renderer starts from, on a hand-made answer: reading order, the
 * summary labelled and split into paragraphs, which blocks sit tight under the previous one, a
 * translated quote with its original, suggestions only when not already written, distinct sources.
 */
import { expect, test } from "vitest";
import { answerView, quoteLine, quoteOf, shortTitle } from "../../src/chat/answer.js";
import type { Answer, Citation } from "../../src/core/bot.js";

const art = (paragraph: number, over: Partial<Citation> = {}): Citation => ({
  doc: "convention", part: "article", article: 41, paragraph, item: null, quoteLanguage: "en", title: "Article 41 — 24/7 network",
  quote: `Quote of paragraph ${paragraph}.`, url: `https://example.org/41#${paragraph}`, label: `Art. 41(${paragraph})`, chunkId: `c${paragraph}`, ...over,
});
const news: Citation = {
  doc: "news-x", part: "news", article: null, paragraph: 2, item: null, quoteLanguage: "id", title: "News report", quote: "Teks asli.",
  url: "https://example.org/news", label: "News report, para. 2", chunkId: "n2", translation: { language: "en", text: "The original text." },
};

const base: Answer = {
  id: "a", language: "en", grounded: true, summary: null, text: "", indexVersion: "v", ms: 1,
  citations: [art(1), art(3), art(1), news],
  blocks: [
    { kind: "intro", text: "Here is what the Convention says:" },
    { kind: "quote", citation: 0 },
    { kind: "quote", citation: 1 },
    { kind: "note", text: "First note.\n\nSecond note." },
    { kind: "quote", citation: 3 },
    { kind: "quote", citation: 9 },
  ],
};

test("blocks in reading order; quotes after an intro or a quote sit tight, others do not", () => {
  const view = answerView(base);
  expect(view.body.map((b) => [b.kind, b.tight])).toEqual([
    ["intro", false], ["quote", true], ["quote", true], ["note", false], ["note", false], ["quote", false],
  ]);
  expect(view.body.map((b) => ("text" in b ? b.text : b.quote.label))).toEqual([
    "Here is what the Convention says:", "Art. 41(1)", "Art. 41(3)", "First note.", "Second note.", "News report, para. 2",
  ]);
  expect(view.language).toBe("en");
  expect(view.grounded).toBe(true);
});

test("a summary opens the body, labelled, split into paragraphs; a summary block is not shown twice", () => {
  const withSummary = answerView({ ...base, summary: "Gist one.\n\n  Gist two.  ", blocks: [{ kind: "summary", text: "ignored" }, ...base.blocks] });
  expect(withSummary.body.slice(0, 2)).toEqual([
    { kind: "summary", label: "In short (unofficial summary)", text: "Gist one.", tight: false },
    { kind: "text", text: "Gist two.", tight: false },
  ]);
  expect(withSummary.body.filter((b) => "text" in b && b.text === "ignored")).toEqual([]);
  const fromBlock = answerView({ ...base, blocks: [{ kind: "summary", text: "Block gist." }] });
  expect(fromBlock.body).toEqual([{ kind: "summary", label: "In short (unofficial summary)", text: "Block gist.", tight: false }]);
});

test("sources are distinct by label, in citation order, with short titles", () => {
  expect(answerView(base).sources).toEqual([
    { label: "Art. 41(1)", title: "24/7 network", url: "https://example.org/41#1" },
    { label: "Art. 41(3)", title: "24/7 network", url: "https://example.org/41#3" },
    { label: "News report, para. 2", title: "News report", url: "https://example.org/news" },
  ]);
});

test("suggestions are listed only when the body does not already hold them all", () => {
  const refusal: Answer = { ...base, grounded: false, citations: [], blocks: [{ kind: "text", text: "Not found.\n\n• Ask A" }], suggestions: ["Ask A", "Ask B"] };
  expect(answerView(refusal).suggestions).toEqual({ heading: "You could ask, for example:", questions: ["Ask A", "Ask B"] });
  expect(answerView({ ...refusal, suggestions: ["Ask A"] }).suggestions).toBeUndefined();
  expect(answerView({ ...refusal, suggestions: [] }).suggestions).toBeUndefined();
});

test("a translated quote shows the translation, marked, with its original; labels in the reader's language", () => {
  expect(quoteOf(news, "en")).toEqual({
    text: "The original text.", label: "News report, para. 2", title: "", url: "https://example.org/news",
    translated: { mark: "(unofficial translation)", originalLabel: "Original (Indonesian)", original: "Teks asli." },
  });
  expect(quoteOf(art(1), "en")).toEqual({ text: "Quote of paragraph 1.", label: "Art. 41(1)", title: "24/7 network", url: "https://example.org/41#1" });
  expect(quoteLine(quoteOf(art(1), "en"))).toBe("“Quote of paragraph 1.” — Art. 41(1), 24/7 network");
  expect(quoteLine(quoteOf(news, "en"))).toBe("“The original text.” — News report, para. 2 (unofficial translation)");
  expect(answerView(base, "vi").body.find((b) => b.kind === "quote" && b.quote.translated)).toBeDefined();
});

test("shortTitle drops only a leading 'Article N —' of an article", () => {
  expect(shortTitle({ article: 41, title: "Article 41 — 24/7 network" })).toBe("24/7 network");
  expect(shortTitle({ article: 2, title: "Article 2 - Use of terms" })).toBe("Use of terms");
  expect(shortTitle({ article: 2, title: " Article  2—Use of terms" })).toBe("Use of terms");
  expect(shortTitle({ article: null, title: "Article 41 — in the news" })).toBe("Article 41 — in the news");
});
