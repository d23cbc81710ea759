/**
 * Issue 12, fault 11: "typing…" names a thread only for messages in a real forum topic. A reply in a
 * forum's General topic (or in a plain group) carries a `message_thread_id` that is no topic, and the
 * fake refuses it as Telegram does ("message thread not found").
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTelegramApp, type Running } from "./helpers.js";
import { repliesTo } from "./field.js";

let bot: Running;
beforeAll(async () => {
  bot = await startTelegramApp();
});
afterAll(() => bot?.stop());

test.each([
  ["a forum's General topic", true],
  ["a plain supergroup", false],
])("a reply in %s: typing is shown in the chat without a thread, and the answer arrives", async (_, forum) => {
  const { api } = bot;
  const group = api.group(forum ? -100_110_001 : -100_110_002, { forum });
  const user = api.user(forum ? 11_001 : 11_002);
  const [first] = await repliesTo(api, api.send(user, group, `@${api.bot.username} what is the 24/7 network?`));
  // Telegram sets message_thread_id (the replied-to message) on a reply outside any topic, without is_topic_message.
  const reply = api.send(user, group, "and paragraph 2?", { replyTo: api.botMessage(group.id, first.messageId), extra: { message_thread_id: first.messageId } });
  const [answer] = await repliesTo(api, reply);
  expect(answer.threadId).toBeUndefined();
  const typing = api.callsOf("sendChatAction").filter((c) => c.params.chat_id === group.id);
  expect(typing.length).toBeGreaterThan(0);
  expect(typing.every((c) => c.ok && c.params.message_thread_id === undefined)).toBe(true);
});

test("in a real topic, typing and the answer stay in that topic", async () => {
  const { api } = bot;
  const forum = api.group(-100_110_003, { forum: true });
  const user = api.user(11_003);
  const [answer] = await repliesTo(api, api.send(user, forum, `@${api.bot.username} what is the 24/7 network?`, { threadId: 5 }));
  expect(answer.threadId).toBe(5);
  const typing = api.callsOf("sendChatAction").filter((c) => c.params.chat_id === forum.id);
  expect(typing.every((c) => c.ok && c.params.message_thread_id === 5)).toBe(true);
});
