import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createBot, type ConventionBot } from "../src/core/bot.js";
import { testConfig, tempDir } from "./helpers/env.js";

let bot: ConventionBot;
beforeAll(async () => {
  bot = await createBot(testConfig(), { buildIfMissing: false });
});

describe("follow-ups", () => {
  it("answers 'and paragraph 2?' about the article of the previous answer", async () => {
    const first = await bot.answer("What does Article 7 say?");
    const next = await bot.answer("and paragraph 2?", { history: [{ question: "What does Article 7 say?", answer: first }] });
    expect(next.citations[0]).toMatchObject({ article: 7, paragraph: 2 });
    expect(next.text).toContain("2. A State Party may require that the offence be committed by infringing security measures");
  });

  it("does not drag a self-contained new question back to the previous topic", async () => {
    const first = await bot.answer("What does Article 7 say?");
    const next = await bot.answer("Can proceeds of crime be frozen and confiscated?", { history: [{ question: "What does Article 7 say?", answer: first }] });
    expect(next.citations[0].article).toBe(31);
  });

  it("without history, a bare paragraph question names no article", async () => {
    const a = await bot.answer("and paragraph 2?");
    expect(a.citations.every((c) => c.article !== 7 || c.paragraph !== 2)).toBe(true);
  });
});

describe("discrepancies between sources are corpus data", () => {
  it("says the news report's 71 articles disagree with the adopted text's 68, citing both", async () => {
    const a = await bot.answer("How many articles does the convention have?");
    expect(a.text).toContain("71 articles");
    expect(a.text).toContain("68 articles");
    expect(a.citations.some((c) => c.doc === "news-hanoi-signing-2025-10-25" && c.quote.includes("71 pasal"))).toBe(true);
    expect(a.citations.some((c) => c.doc === "convention" && c.article === 68)).toBe(true);
  });

  it("picks up a second, synthetic discrepancy added to the data file", async () => {
    const corpus = tempDir();
    fs.cpSync(path.resolve("corpus"), corpus, { recursive: true });
    const file = path.join(corpus, "discrepancies.json");
    const data = JSON.parse(fs.readFileSync(file, "utf8"));
    data.discrepancies.push({
      id: "synthetic-signatories",
      triggers: ["how many countries signed"],
      sides: [{ doc: "news-hanoi-signing-2025-10-25", contains: "60 negara" }, { doc: "convention", article: 65 }],
      statement: { en: "SYNTHETIC: the report counts 60 signatories; entry into force needs 40 ratifications.", id: "SINTETIS: 60 negara.", vi: "TỔNG HỢP: 60 quốc gia." },
    });
    fs.writeFileSync(file, JSON.stringify(data));
    const other = await createBot(testConfig({ env: { CORPUS_DIR: corpus } }), { buildIfMissing: false });
    const a = await other.answer("How many countries signed the convention in Hanoi?");
    expect(a.text).toContain("SYNTHETIC: the report counts 60 signatories");
    expect(a.citations.some((c) => c.quote.includes("60 negara"))).toBe(true);
    expect(a.citations.some((c) => c.article === 65)).toBe(true);
  });
});
