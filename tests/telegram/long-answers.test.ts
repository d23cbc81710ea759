/**
 * Answers phrased by an LLM (LLM_MODEL; here LangChain's fake chat model inside the real facade)
 * can be long and can repeat the user's words: a long answer is split under 4096 characters on
 * paragraph boundaries with the buttons under its last part, and echoed HTML stays text.
 */
import { FakeListChatModel } from "@langchain/core/utils/testing";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Message } from "grammy/types";
import { startTelegramApp, type Running } from "./helpers.js";

const model = new FakeListChatModel({ responses: [] });
let bot: Running;
beforeAll(async () => {
  bot = await startTelegramApp({ facade: { chatModel: model } });
});
afterAll(() => bot?.stop());

/** All parts of an answer: the last one carries the feedback buttons. */
function answerTo(message: Message) {
  return bot.api.waitFor(() => bot.api.repliesTo(message).some((m) => m.keyboard) && bot.api.repliesTo(message), 20_000, `the answer to "${message.text}"`);
}

test("an answer longer than 4096 characters is split on paragraph boundaries", async () => {
  const { api, core } = bot;
  // What a model might write: the article's paragraphs, every sentence and list item with its source
  // marker (the core drops a sentence without one).
  const paragraphs = core.article(40)!.paragraphs.map((p) => p.split("\n").map((line) => `${line.replace(/\.(\s)/g, ". [1]$1")} [1]`).join("\n"));
  model.responses = [paragraphs.join("\n\n")];
  const user = api.user(8001);
  const parts = await answerTo(api.send(user, api.privateChat(user), "How does mutual legal assistance work between States Parties?"));

  const total = paragraphs.join("\n\n").length;
  expect(total).toBeGreaterThan(4096);
  expect(parts.length).toBeGreaterThanOrEqual(Math.ceil(total / 4096));
  for (const p of parts) {
    expect(p.text.length).toBeLessThanOrEqual(4096);
    expect(p.parseMode).toBe("HTML");
  }
  // Each paragraph whole, in one part, in order; buttons and sources only under the last part.
  const where = paragraphs.map((p) => parts.findIndex((m) => m.text.includes(p)));
  expect(where.every((i) => i >= 0)).toBe(true);
  expect([...where].sort((a, b) => a - b)).toEqual(where);
  expect(parts.map((p) => p.keyboard !== undefined)).toEqual(parts.map((_, i) => i === parts.length - 1));
  expect(parts.at(-1)!.text).toContain("📚 Sources");
  expect(parts.slice(0, -1).some((p) => p.text.includes("📚 Sources"))).toBe(false);
});

test("HTML the answer repeats from the question is shown as typed, not interpreted", async () => {
  const { api } = bot;
  const question = 'Is <b>illegal access</b> to an information & communications technology system an "offence" <i>under the Convention</i>?';
  model.responses = [`You asked: ${question} [1] Yes, illegal access must be made a criminal offence [1].`];
  const user = api.user(8002);
  const [reply] = await answerTo(api.send(user, api.privateChat(user), question));
  expect(reply.parseMode).toBe("HTML");
  expect(reply.text).toContain(`You asked: ${question}`);
  expect(reply.raw).toContain("&lt;b&gt;illegal access&lt;/b&gt; to an information &amp; communications technology system an &quot;offence&quot; &lt;i&gt;");
});
