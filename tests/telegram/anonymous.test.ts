/**
 * Issue 12, fault 1: people posting anonymously (as the group, through `GroupAnonymousBot`) or as a
 * channel are answered, in reply and without addressing a user; real bots are still ignored.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTelegramApp, type Running } from "./helpers.js";
import { repliesTo, settle } from "./field.js";

let bot: Running;
beforeAll(async () => {
  bot = await startTelegramApp();
});
afterAll(() => bot?.stop());

const ANONYMOUS_ADMIN = { id: 1087968824, is_bot: true, first_name: "Group", username: "GroupAnonymousBot" };
const CHANNEL_BOT = { id: 136817688, is_bot: true, first_name: "Channel", username: "Channel_Bot" };

test("an anonymous admin's mention is answered in reply, in that group", async () => {
  const { api } = bot;
  const group = api.group(-100_120_001);
  const asked = api.send(ANONYMOUS_ADMIN, group, `@${api.bot.username} what is the 24/7 network?`, { extra: { sender_chat: group } });
  const [answer, ...more] = await repliesTo(api, asked);
  expect(more).toHaveLength(0);
  expect(answer.chatId).toBe(group.id);
  expect(answer.text).toContain("Art. 41");
  expect(answer.raw).not.toContain("tg://user");
});

test("a message posted as a channel, and /ask from an anonymous admin, are answered too", async () => {
  const { api } = bot;
  const group = api.group(-100_120_002);
  const channel = { id: -100_120_099, type: "channel" as const, title: "News channel" };
  const asChannel = api.send(CHANNEL_BOT, group, `@${api.bot.username} where was the signing ceremony held?`, { extra: { sender_chat: channel } });
  expect((await repliesTo(api, asChannel))[0].text).toMatch(/Hanoi/);
  const viaAsk = api.send(ANONYMOUS_ADMIN, group, "/ask Can proceeds of crime be frozen?", { extra: { sender_chat: group } });
  expect((await repliesTo(api, viaAsk))[0].text).toContain("Art. 31");
});

test("a 👎 on an answer to an anonymous admin asks the presser, who is a person", async () => {
  const { api } = bot;
  const group = api.group(-100_120_003);
  const asked = api.send(ANONYMOUS_ADMIN, group, `@${api.bot.username} what is the 24/7 network?`, { extra: { sender_chat: group } });
  const [answer] = await repliesTo(api, asked);
  const presser = api.user(12_003);
  const down = answer.keyboard!.inline_keyboard[0][1];
  api.press(presser, api.botMessage(group.id, answer.messageId), "callback_data" in down ? down.callback_data! : "");
  const prompt = await api.waitFor(() => api.sent(group.id).find((m) => m.forceReply), 20_000, "the reason prompt");
  expect(prompt.raw).toContain(`tg://user?id=${presser.id}`);
});

test("real bots are still ignored, with or without a mention", async () => {
  const { api } = bot;
  const group = api.group(-100_120_004);
  const otherBot = api.user(55_001, { is_bot: true, username: "chatty_bot" });
  const fromBot = api.send(otherBot, group, `@${api.bot.username} what is the 24/7 network?`);
  await settle(api, group);
  expect(api.repliesTo(fromBot)).toHaveLength(0);
});
