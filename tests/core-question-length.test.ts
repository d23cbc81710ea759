/**
 * The question-length limit lives in the core and counts what a reader sees (grapheme clusters):
 * 1,000 of them pass whatever their UTF-16 length, 1,001 are refused with the one message every
 * surface shows (the Telegram, Discord and terminal tests check it there).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createBot, graphemeCount, MAX_QUESTION_CHARS, questionTooLong, tooLongMessage, type ConventionBot } from "../src/core/bot.js";
import { testConfig } from "./helpers/env.js";

/** "ệ" typed as e + combining circumflex + combining dot below: one character on screen, three code points. */
const VI_NFD = "e\u0302\u0323";
const THUMB = "👍🏽"; // one character on screen, four UTF-16 units

let bot: ConventionBot;
beforeAll(async () => {
  bot = await createBot(testConfig(), { buildIfMissing: false });
});

describe("counting", () => {
  it("counts user-perceived characters, not UTF-16 units or code points", () => {
    expect(graphemeCount(THUMB.repeat(3))).toBe(3);
    expect(graphemeCount(VI_NFD.repeat(3))).toBe(3);
    expect(graphemeCount("abc")).toBe(3);
  });

  it("allows exactly 1,000 and refuses 1,001, around surrounding whitespace", () => {
    expect(MAX_QUESTION_CHARS).toBe(1000);
    expect(questionTooLong("a".repeat(1000))).toBe(false);
    expect(questionTooLong(`  ${"a".repeat(1000)}\n`)).toBe(false);
    expect(questionTooLong("a".repeat(1001))).toBe(true);
    expect(questionTooLong(THUMB.repeat(1000))).toBe(false);
    expect(questionTooLong(VI_NFD.repeat(1000))).toBe(false);
    expect(questionTooLong(THUMB.repeat(1001))).toBe(true);
  });
});

describe("the core's answer", () => {
  it("refuses a question over the limit with the message, in the question's language", async () => {
    const en = await bot.answer(`What does Article 41 say? ${"Please explain in detail. ".repeat(45)}`);
    expect(en).toMatchObject({ grounded: false, citations: [], text: tooLongMessage("en"), language: "en" });
    expect(en.text).toBe("That question is too long: please keep it under 1000 characters.");
    const id = await bot.answer(`Apa isi Pasal 41? ${"Mohon jelaskan secara rinci tentang kewajiban negara. ".repeat(25)}`);
    expect(id).toMatchObject({ grounded: false, text: tooLongMessage("id") });
    expect(id.text).toContain("1000 karakter");
  });

  it("answers a question of 1,000 characters that is longer in UTF-16 units", async () => {
    const question = "What does Article 41 say? " + THUMB.repeat(1000 - graphemeCount("What does Article 41 say? "));
    expect(question.length).toBeGreaterThan(3000);
    const a = await bot.answer(question);
    expect(a.text).not.toBe(tooLongMessage(a.language));
    expect(a.citations.some((c) => c.article === 41)).toBe(true);
  });
});
