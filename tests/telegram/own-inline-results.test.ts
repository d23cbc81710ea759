/**
 * Issue 12, fault 8: a message a user posts through the bot's own inline mode (`via_bot` = this bot)
 * is not a question, even when it mentions the bot, replies to it, or is in a private chat.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTelegramApp, type Running } from "./helpers.js";
import { repliesTo, settle } from "./field.js";

let bot: Running;
beforeAll(async () => {
  bot = await startTelegramApp();
});
afterAll(() => bot?.stop());

test("the bot's own inline results are not answered, anywhere", async () => {
  const { api } = bot;
  const via = { via_bot: api.bot };
  const user = api.user(18_001);
  const dm = api.privateChat(user);
  const group = api.group(-100_180_001);
  const [answer] = await repliesTo(api, api.send(user, group, `@${api.bot.username} what is the 24/7 network?`));
  const inPrivate = api.send(user, dm, "Article 41 — 24/7 network\n\nEach State Party shall designate a point of contact", { extra: via });
  const mentioning = api.send(user, group, `Article 41 — 24/7 network @${api.bot.username}`, { extra: via });
  const replying = api.send(user, group, "Article 17 — Laundering of proceeds of crime", { extra: via, replyTo: api.botMessage(group.id, answer.messageId) });
  await settle(api, dm, 18_001);
  await settle(api, group);
  for (const m of [inPrivate, mentioning, replying]) expect(api.repliesTo(m)).toHaveLength(0);
});

test("a result of another bot's inline mode is read like any message", async () => {
  const { api } = bot;
  const user = api.user(18_002);
  const other = { id: 77_001, is_bot: true, first_name: "Other", username: "other_inline_bot" };
  const asked = api.send(user, api.privateChat(user), "What is the 24/7 network?", { extra: { via_bot: other } });
  expect((await repliesTo(api, asked))[0].text).toContain("Art. 41");
});
