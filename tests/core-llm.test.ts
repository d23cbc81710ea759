import { FakeListChatModel } from "@langchain/core/utils/testing";
import { describe, expect, it } from "vitest";
import { createBot } from "../src/core/bot.js";
import { checkMarkers } from "../src/core/answer/llm.js";
import { testConfig } from "./helpers/env.js";

const QUESTION = "Can supplementary protocols be adopted?";

async function botWith(responses: string[]) {
  const model = new FakeListChatModel({ responses });
  const bot = await createBot(testConfig(), { buildIfMissing: false, chatModel: model });
  return { bot, model };
}

describe("optional LLM phrasing", () => {
  it("keeps a reply whose [n] markers name real sources, and cites exactly those", async () => {
    const { bot } = await botWith(["Yes: a supplementary protocol needs at least 60 States Parties before adoption [1]."]);
    const a = await bot.answer(QUESTION);
    expect(a.grounded).toBe(true);
    expect(a.text).toMatch(/^Yes: a supplementary protocol needs at least 60 States Parties before adoption \[1\]\./);
    expect(a.citations).toHaveLength(1);
    expect(a.citations[0]).toMatchObject({ doc: "convention", article: 62 });
    expect(a.text).toContain("[1] Art. 62(1)");
  });

  it("removes invented markers and keeps the valid ones", async () => {
    const { bot } = await botWith(["Protocols need 60 States Parties [1], as decided in 2031 [9]."]);
    const a = await bot.answer(QUESTION);
    expect(a.text).toContain("Protocols need 60 States Parties [1], as decided in 2031.");
    expect(a.text).not.toContain("[9]");
    expect(a.citations.map((c) => c.article)).toEqual([62]);
  });

  it("falls back to the extractive answer when the reply cites nothing valid", async () => {
    for (const reply of ["Protocols can be adopted by consensus.", "See [7] and [12]."]) {
      const { bot } = await botWith([reply]);
      const a = await bot.answer(QUESTION);
      expect(a.text).toContain("“At least 60 States Parties shall be required");
      expect(a.text).not.toContain(reply);
      expect(a.citations[0]).toMatchObject({ article: 62, paragraph: 1 });
    }
  });

  it("is asked in the question's language, and is not called for a refusal", async () => {
    const { bot, model } = await botWith(["Ya, protokol tambahan memerlukan 60 Negara Pihak [1]."]);
    const spy = { calls: [] as string[] };
    const original = model.invoke.bind(model);
    model.invoke = (async (input: unknown, options?: unknown) => {
      spy.calls.push(JSON.stringify(input));
      return original(input as never, options as never);
    }) as typeof model.invoke;
    await bot.answer("Siapa presiden Amerika Serikat pertama?");
    expect(spy.calls).toHaveLength(0);
    const a = await bot.answer("Apakah protokol tambahan dapat diadopsi?");
    expect(a.language).toBe("id");
    expect(a.grounded).toBe(true);
    expect(spy.calls).toHaveLength(1);
    expect(spy.calls[0]).toContain("Answer in Indonesian");
    expect(a.text).toContain("Ya, protokol tambahan memerlukan 60 Negara Pihak [1].");
  });

  it("checkMarkers drops out-of-range markers", () => {
    expect(checkMarkers("A [1] B [3] C [0].", 2)).toEqual({ text: "A [1] B C.", cited: [1] });
  });
});
