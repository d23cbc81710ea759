/**
 * Issue 12, fault 3: every button press is answered, whatever its data, so no button keeps spinning:
 * buttons of older versions of the bot, malformed feedback data, and presses whose handler fails.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTelegramApp, type Running } from "./helpers.js";
import { acknowledgements, repliesTo } from "./field.js";

let bot: Running;
beforeAll(async () => {
  bot = await startTelegramApp();
});
afterAll(() => bot?.stop());

async function anAnswer(userId: number) {
  const { api } = bot;
  const user = api.user(userId);
  const chat = api.privateChat(user);
  const [answer] = await repliesTo(api, api.send(user, chat, "What is the 24/7 network?"));
  return { user, message: api.botMessage(chat.id, answer.messageId) };
}

test.each(["legacy:vote:1", "fb:sideways:abc", "fb:up:", "", "x".repeat(64)])("a press with data %j is answered, with a short notice", async (data) => {
  const { api } = bot;
  const { user, message } = await anAnswer(13_001);
  const press = api.press(user, message, data);
  const [ack] = await api.waitFor(() => acknowledgements(api, press.id).length > 0 && acknowledgements(api, press.id), 20_000, "the acknowledgement");
  expect(ack.ok).toBe(true);
  expect(ack.params.text).toBe("This button no longer works. Ask again to get a new answer.");
});

test("a press on a group message, from a user in another language, is answered in theirs", async () => {
  const { api } = bot;
  const group = api.group(-100_130_001);
  const asker = api.user(13_002);
  const [answer] = await repliesTo(api, api.send(asker, group, `@${api.bot.username} what is the 24/7 network?`));
  const press = api.press(api.user(13_003, { language_code: "vi" }), api.botMessage(group.id, answer.messageId), "old:button");
  const [ack] = await api.waitFor(() => acknowledgements(api, press.id).length > 0 && acknowledgements(api, press.id), 20_000, "the acknowledgement");
  expect(ack.params.text).toMatch(/Nút này/);
});

test("a press whose handler fails is still answered, once", async () => {
  const { api } = bot;
  const { user, message } = await anAnswer(13_004);
  const data = message.reply_markup!.inline_keyboard[0][1];
  // The 👎 handler acknowledges, then fails to send its "what was wrong?" prompt (every attempt refused).
  api.failNext("answerCallbackQuery", { error_code: 400, description: "Bad Request: query is too old and response timeout expired or query ID is invalid" });
  api.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
  const press = api.press(user, message, "callback_data" in data ? data.callback_data! : "");
  await api.waitFor(() => acknowledgements(api, press.id).length >= 2, 20_000, "a second acknowledgement after the failure");
  expect(acknowledgements(api, press.id).map((c) => c.ok)).toEqual([false, true]);
});
