/**
 * The shapes of an answer, block by block: a named article (heading, the paragraphs that fit in the
 * budget or the one asked for, the link to the rest, the translation note), a refusal, and an
 * extractive answer's framing (intro, "see also", the note that the official text is English).
 */
import { beforeAll, expect, test } from "vitest";
import { composeArticle, refusal } from "../src/core/answer/compose.js";
import { phrases } from "../src/core/answer/i18n.js";
import { createBot, type ConventionBot } from "../src/core/bot.js";
import type { ArticleView } from "../src/core/types.js";
import { testConfig } from "./helpers/env.js";

const view = (paragraphs: string[], gist: ArticleView["gist"] = {}): ArticleView => ({
  article: 7, title: "Illegal access", chapter: "II", chapterTitle: "Criminalization", paragraphs, url: "https://example.org/7", notes: [], gist,
});
const texts = (blocks: { kind: string; text?: string }[]) => blocks.map((b) => `${b.kind}:${b.text ?? ""}`);

test("a named article: heading, every paragraph that fits, no link when all are shown, no note in English", () => {
  const a = composeArticle(view(["1. First.", "2. Second."]), null, "en", []);
  expect(texts(a.blocks)).toEqual(["intro:Article 7 — Illegal access", "text:1. First.", "text:2. Second."]);
  expect(a.summary).toBeNull();
});

test("paragraphs stop at the budget (1,500 characters), then the link; one too long alone is shortened", () => {
  const p1 = `1. ${"a".repeat(997)}`; // 1,000
  const p2 = `2. ${"b".repeat(497)}`; // 500: exactly fills the budget
  const p3 = "3. c.";
  const a = composeArticle(view([p1, p2, p3]), null, "en", []);
  expect(texts(a.blocks)).toEqual(["intro:Article 7 — Illegal access", `text:${p1}`, `text:${p2}`, "text:Full text: https://example.org/7"]);
  const huge = `1. ${"word ".repeat(400)}end.`;
  const b = composeArticle(view([huge, "2. Next."]), null, "en", []);
  expect(b.blocks[1].kind).toBe("text");
  const shown = (b.blocks[1] as { text: string }).text;
  expect(shown.length).toBeLessThanOrEqual(1_500);
  expect(shown).toContain("…");
  expect(texts(b.blocks).at(-1)).toBe("text:Full text: https://example.org/7");
});

test("a paragraph asked for: only it, then the link; one that does not exist: a note, then the whole article", () => {
  const a = composeArticle(view(["1. First.", "2. Second."]), 2, "en", []);
  expect(texts(a.blocks)).toEqual(["intro:Article 7 — Illegal access", "text:2. Second.", "text:Full text: https://example.org/7"]);
  const missing = composeArticle(view(["1. First.", "2. Second."]), 9, "en", []);
  expect(texts(missing.blocks)).toEqual([`note:${phrases("en").paragraphMissing(7, 9)}`, "intro:Article 7 — Illegal access", "text:1. First.", "text:2. Second."]);
});

test("in another language: the gist first, and the note that the text is the official English", () => {
  const a = composeArticle(view(["1. First."], { vi: "Tóm tắt." }), null, "vi", []);
  expect(a.summary).toBe("Tóm tắt.");
  expect(texts(a.blocks)).toEqual(["summary:Tóm tắt.", "intro:Article 7 — Illegal access", "text:1. First.", `note:${phrases("vi").translationNote}`]);
  expect(phrases("vi").translationNote).not.toBe("");
});

test("a refusal: why, then the questions it suggests", () => {
  const r = refusal("en", "notFound", ["Ask A?", "Ask B?"]);
  expect(r).toMatchObject({ grounded: false, citations: [], suggestions: ["Ask A?", "Ask B?"] });
  expect(texts(r.blocks)).toEqual([`text:${phrases("en").refusals.notFound}`, `text:${phrases("en").tryAsking}\n• Ask A?\n• Ask B?`]);
  expect(refusal("id").suggestions).toEqual(phrases("id").suggestions);
});

let bot: ConventionBot;
beforeAll(async () => {
  bot = await createBot(testConfig(), { buildIfMissing: false });
});

test("an extractive answer opens with its intro; a second quote with 'see also'; in English, no translation note", async () => {
  const a = await bot.answer("Can proceeds of crime be frozen and confiscated, and returned to victims?");
  expect(a.grounded).toBe(true);
  const kinds = a.blocks.filter((b) => b.kind !== "summary");
  expect(kinds[0]).toEqual({ kind: "intro", text: phrases("en").intro });
  expect(kinds[1]).toEqual({ kind: "quote", citation: 0 });
  expect(a.citations.length).toBeGreaterThan(1);
  expect(kinds[2]).toEqual({ kind: "intro", text: phrases("en").alsoIntro });
  expect(a.blocks.filter((b) => b.kind === "intro")).toHaveLength(Math.min(a.citations.length, 2));
  expect(a.blocks.some((b) => b.kind === "note" && b.text === phrases("en").translationNote)).toBe(false);
});

test("an Indonesian question quoted from the English text carries the note saying so", async () => {
  const a = await bot.answer("Apakah hasil kejahatan dapat dibekukan dan disita?");
  expect(a.citations[0].part).toBe("article");
  expect(a.blocks.filter((b) => b.kind === "note" && b.text === phrases("id").translationNote)).toHaveLength(1);
});
