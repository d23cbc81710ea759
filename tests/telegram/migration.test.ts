/**
 * Issue 12, fault 2: a group upgraded to a supergroup gets a new chat id, and Telegram refuses sends
 * to the old one (400 with `migrate_to_chat_id`, as the fake does after `upgrade`). The answer goes
 * to the new chat, so does the rest of a multi-part answer (each part once), the conversation
 * follows, and the `migrate_to_chat_id` service message is understood before any send fails.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTelegramApp, type Running } from "./helpers.js";
import { repliesTo } from "./field.js";

let bot: Running;
beforeAll(async () => {
  bot = await startTelegramApp();
});
afterAll(() => bot?.stop());

const failedSends = (chatId: number) => bot.api.callsOf("sendMessage").filter((c) => !c.ok && c.params.chat_id === chatId);

test("an answer on its way when the group is upgraded arrives in the new supergroup", async () => {
  const { api } = bot;
  const group = api.basicGroup(-20_001);
  const user = api.user(20_001);
  api.send(user, group, `@${api.bot.username} what is the 24/7 network?`);
  const supergroup = api.upgrade(group, -100_200_001);
  const answer = await api.waitFor(() => api.sent(supergroup.id).find((m) => m.keyboard), 20_000, "the answer in the new chat");
  expect(answer.text).toContain("Art. 41");
  expect(api.sent(group.id)).toHaveLength(0);
  expect(failedSends(group.id)).toHaveLength(1);
});

test("a multi-part answer continues in the new chat, each part sent once", async () => {
  const { api, core } = bot;
  const group = api.basicGroup(-20_002);
  const user = api.user(20_002);
  api.send(user, group, "/article 40");
  const supergroup = api.upgrade(group, -100_200_002);
  const last = core.article(40)!.paragraphs.at(-1)!.slice(0, 60);
  await api.waitFor(() => api.sent(supergroup.id).some((m) => m.text.includes(last)), 20_000, "the last part");
  const parts = api.sent(supergroup.id);
  expect(parts.length).toBeGreaterThan(1);
  expect(new Set(parts.map((p) => p.text)).size).toBe(parts.length);
  expect(api.callsOf("sendMessage").filter((c) => c.params.chat_id === supergroup.id)).toHaveLength(parts.length);
  // Only the first part was refused; the rest went straight to the new id.
  expect(failedSends(group.id)).toHaveLength(1);
});

test("the conversation follows the group: a reply to an answer given before the upgrade continues it", async () => {
  const { api } = bot;
  const group = api.basicGroup(-20_003);
  const user = api.user(20_003);
  const [art41] = await repliesTo(api, api.send(user, group, `@${api.bot.username} what does article 41 say?`));
  const supergroup = api.upgrade(group, -100_200_003);
  // The service message Telegram posts in the new supergroup.
  api.send(user, supergroup, undefined, { extra: { migrate_from_chat_id: group.id } });
  const followUp = api.send(user, supergroup, "and paragraph 2?", { replyTo: { ...api.botMessage(group.id, art41.messageId), chat: supergroup } });
  const [answer] = await repliesTo(api, followUp);
  expect(answer.text).toContain("Art. 41(2)");
});

test("after the migrate_to_chat_id service message, answers go to the new id without a refused send", async () => {
  const { api } = bot;
  const group = api.basicGroup(-20_004);
  const user = api.user(20_004);
  const supergroup = api.upgrade(group, -100_200_004);
  api.send(user, group, undefined, { extra: { migrate_to_chat_id: supergroup.id } });
  // A question sent in the old group just before the upgrade, delivered after the service message.
  api.send(user, group, `@${api.bot.username} where was the signing ceremony held?`);
  const answer = await api.waitFor(() => api.sent(supergroup.id).find((m) => m.keyboard), 20_000, "the answer in the new chat");
  expect(answer.text).toMatch(/Hanoi/);
  expect(failedSends(group.id)).toHaveLength(0);
});
