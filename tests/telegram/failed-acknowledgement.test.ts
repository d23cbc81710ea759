/**
 * Issue 12, fault 4: an acknowledgement Telegram refuses ("query is too old") never stops what the
 * press does: the 👎 is recorded and the voter is still asked what was wrong, in private and in groups.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTelegramApp, type Running } from "./helpers.js";
import { acknowledgements, repliesTo } from "./field.js";

let bot: Running;
beforeAll(async () => {
  bot = await startTelegramApp();
});
afterAll(() => bot?.stop());

const TOO_OLD = { error_code: 400, description: "Bad Request: query is too old and response timeout expired or query ID is invalid" };

test.each([
  ["a private chat", 14_001, false],
  ["a group", 14_002, true],
])("in %s, a 👎 whose acknowledgement fails is recorded and still asks what was wrong", async (_, userId, inGroup) => {
  const { api, core } = bot;
  const user = api.user(userId);
  const chat = inGroup ? api.group(-100_140_000 - userId) : api.privateChat(user);
  const text = inGroup ? `@${api.bot.username} what is the 24/7 network?` : "What is the 24/7 network?";
  const [answer] = await repliesTo(api, api.send(user, chat, text));
  const down = answer.keyboard!.inline_keyboard[0][1];
  const before = core.stats(7)!.gaps.length;
  api.failNext("answerCallbackQuery", TOO_OLD, 5);
  const press = api.press(user, api.botMessage(chat.id, answer.messageId), "callback_data" in down ? down.callback_data! : "");
  const prompt = await api.waitFor(() => api.sent(chat.id).find((m) => m.forceReply), 20_000, "the reason prompt");
  expect(prompt.text).toMatch(/What was wrong with this answer\?/);
  expect(acknowledgements(api, press.id).every((c) => !c.ok)).toBe(true);
  // The vote itself was recorded: the 👎 shows among the gaps.
  expect(core.stats(7)!.gaps.length).toBe(before + 1);
});
