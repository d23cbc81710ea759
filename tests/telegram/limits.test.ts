/**
 * RATE_LIMIT_PER_MIN: questions over a user's limit get the cooldown notice as their one reply;
 * other users, and commands, are not affected.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Message } from "grammy/types";
import { startTelegramApp, type Running } from "./helpers.js";

let bot: Running;
beforeAll(async () => {
  bot = await startTelegramApp({ env: { RATE_LIMIT_PER_MIN: "2" } });
});
afterAll(() => bot?.stop());

function replies(message: Message) {
  return bot.api.waitFor(() => bot.api.repliesTo(message).length > 0 && bot.api.repliesTo(message), 20_000, `a reply to "${message.text}"`);
}

test("every question gets exactly one reply: the answer within the limit, the cooldown notice beyond it", async () => {
  const { api } = bot;
  const nina = api.user(4001);
  const chat = api.privateChat(nina);
  const questions = ["What is the 24/7 network?", "Can proceeds of crime be frozen?", "How are witnesses protected?", "Where was the signing ceremony held?"].map((q) =>
    api.send(nina, chat, q),
  );
  // /sources is a command, not a question: it is not limited (and, being handled in order, it
  // comes after the four questions have been answered).
  const [sources] = await replies(api.send(nina, chat, "/sources"));
  expect(sources.text).toContain("Documents");

  const got = questions.map((q) => api.repliesTo(q));
  expect(got.map((r) => r.length)).toEqual([1, 1, 1, 1]);
  expect(got.slice(0, 2).every(([r]) => r.keyboard !== undefined && r.text.includes("Sources"))).toBe(true);
  for (const [notice] of got.slice(2)) {
    expect(notice.text).toMatch(/^You're asking faster than I can keep up\. Please try again in \d+ s\.$/);
    expect(notice.keyboard).toBeUndefined();
  }

  // Another user is not affected, in a group too.
  const oscar = api.user(4002, { language_code: "vi" });
  const [answer] = await replies(api.send(oscar, api.group(-100400), `@${api.bot.username} where was the signing ceremony held?`));
  expect(answer.keyboard).toBeDefined();
  // The limited user's cooldown holds in the group as well, in their language.
  const ninaVi = api.user(4001, { language_code: "id" });
  const [inGroup] = await replies(api.send(ninaVi, api.group(-100400), `@${api.bot.username} what is article 2 about?`));
  expect(inGroup.text).toMatch(/Mohon tunggu/);
});
