/**
 * The intent check (corpus/intents.json) refuses kinds of questions the corpus cannot answer, in
 * en/id/vi, and lets through questions about what the text provides on the same subjects.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { Intents } from "../src/core/answer/intents.js";
import { createBot, type ConventionBot } from "../src/core/bot.js";
import { testConfig } from "./helpers/env.js";

const intents = Intents.load("corpus");
let bot: ConventionBot;
beforeAll(async () => {
  bot = await createBot(testConfig(), { buildIfMissing: false });
});

describe("out of scope", () => {
  it.each([
    ["Has Malaysia ratified the treaty already?", "status"],
    ["Apakah Filipina sudah meratifikasi konvensi ini?", "status"],
    ["Campuchia đã phê chuẩn công ước chưa?", "status"],
    ["Will the convention really reduce phishing?", "prediction"],
    ["Sebaiknya negara kita ikut menandatangani atau tidak?", "opinion"],
    ["Việt Nam có nên gia nhập không?", "opinion"],
    ["How do I recover my hacked instagram account?", "howto"],
    ["What is the weather in Hanoi tomorrow?", "offTopic"],
  ])("%j is refused as %s", (question, refusal) => {
    expect(intents.outOfScope(question)?.refusal).toBe(refusal);
  });

  it.each([
    "How many ratifications are needed for the convention to enter into force?",
    "Berapa negara yang menandatangani konvensi di upacara Hanoi?",
    "When does the convention enter into force?",
    "Công ước mở ký ở đâu?",
    "Can a State Party make a reservation?",
  ])("%j is left to the corpus", (question) => {
    expect(intents.outOfScope(question)).toBeNull();
  });
});

describe("refusals through the facade", () => {
  it("a status question points to the UN Treaty Collection, in the asker's language", async () => {
    for (const q of ["Has Malaysia ratified the treaty already?", "Apakah Filipina sudah meratifikasi konvensi ini?"]) {
      const a = await bot.answer(q);
      expect(a.grounded).toBe(false);
      expect(a.citations).toEqual([]);
      expect(a.text).toContain("https://treaties.un.org/");
    }
  });

  it("an opinion question offers what the text says on its topic", async () => {
    const a = await bot.answer("Do you think the convention is good for human rights?");
    expect(a.grounded).toBe(false);
    expect(a.suggestions?.[0]).toMatch(/^What does Article \d+ \(.+\) say\?$/);
  });
});

describe("follow-ups", () => {
  it("a question that does not name its subject is read with the conversation's", async () => {
    const first = await bot.answer("What is the 24/7 network?");
    expect(first.citations[0].article).toBe(41);
    const next = await bot.answer("who has to staff it?", { history: [{ question: "What is the 24/7 network?", answer: first }] });
    expect(next.grounded).toBe(true);
    expect(next.citations[0].article).toBe(41);
    const alone = await bot.answer("who has to staff it?");
    expect(alone.citations[0]?.article ?? null).not.toBe(41);
  });
});
