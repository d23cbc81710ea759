/**
 * Issue 12, fault 10: Telegram's 4,096 limit is on the text the user sees, not on the escaped HTML.
 * An answer full of `&<>` is split into as few parts as that limit allows, each part valid HTML
 * (the fake parses it as Telegram does), the text whole and in order.
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

function answerTo(message: Message) {
  return bot.api.waitFor(() => bot.api.repliesTo(message).some((m) => m.keyboard) && bot.api.repliesTo(message), 20_000, "the whole answer");
}

test("an answer full of &<> fills its messages up to 4,096 visible characters", async () => {
  const { api } = bot;
  const sentence = (i: number) => `Rule ${i} says data <A> & data <B> => "A & B" <= kept & shared <> logged [1].`;
  const text = Array.from({ length: 150 }, (_, i) => sentence(i)).join(" ");
  model.responses = [text];
  const user = api.user(10_001);
  const parts = await answerTo(api.send(user, api.privateChat(user), "How must States Parties keep and share traffic data?"));

  const visible = parts.map((p) => p.text.length);
  const total = visible.reduce((a, b) => a + b, 0);
  expect(total).toBeGreaterThan(2 * 4096);
  expect(visible.every((n) => n <= 4096)).toBe(true);
  // As few parts as the visible limit allows (a part may end early only at a sentence), not one per ~800 characters.
  expect(parts.length).toBeLessThanOrEqual(Math.ceil(total / 4096) + 1);
  expect(visible[0]).toBeGreaterThan(3_500);
  for (const p of parts) expect(p.parseMode).toBe("HTML");
  // Every sentence arrives once, whole, in order.
  const all = parts.map((p) => p.text).join("\n");
  const at = Array.from({ length: 150 }, (_, i) => all.indexOf(`Rule ${i} says data <A> & data <B> => "A & B" <= kept & shared <> logged`));
  expect(at.flatMap((i, n) => (i < 0 ? [n] : [])), all.slice(-300)).toEqual([]);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
});
