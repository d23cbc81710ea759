/**
 * User text inside the bot's HTML: a model's answer that quotes the question, a user's name in the
 * 👎 prompt, stored questions and 👎 reasons in an admin's /stats — each full of `<`, `>`, `&` and
 * `"`. The strict fake parses the HTML as Telegram does: the message must be accepted as HTML the
 * first time (no plain-text fallback) and show the user's text exactly as typed.
 */
import { FakeListChatModel } from "@langchain/core/utils/testing";
import { afterEach, expect, test } from "vitest";
import type { Message } from "grammy/types";
import type { SentMessage } from "../fakes/telegram-api.js";
import { ADMIN_ID, startTelegramApp, type Running } from "./helpers.js";

const MARKUP = `<b>bold</b> & <i>"quoted"</i> <a href="x">&amp; <tg-spoiler> >`;

let bot: Running | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

function replies(b: Running, message: Message): Promise<SentMessage[]> {
  return b.api.waitFor(() => b.api.repliesTo(message).length > 0 && b.api.repliesTo(message), 20_000, `a reply to "${message.text}"`);
}

/** Sent once, as HTML that Telegram accepted: no rejected call, no plain-text resend. */
function expectAcceptedHtml(b: Running, m: SentMessage) {
  expect(m.parseMode).toBe("HTML");
  expect(b.api.callsOf("sendMessage").filter((c) => !c.ok)).toEqual([]);
}

test("a model's answer quoting the question shows the question as typed", async () => {
  // Markup in the question, light enough that retrieval still finds the article.
  const question = `Can supplementary <b>protocols</b> be adopted by "60" & more States Parties > 59?`;
  const said = `On “${question}” — yes, a protocol needs at least 60 States Parties [1].`;
  bot = await startTelegramApp({ facade: { chatModel: new FakeListChatModel({ responses: [said] }) } });
  const { api } = bot;
  const user = api.user(6101);
  const [reply, ...more] = await replies(bot, api.send(user, api.privateChat(user), question));
  expect(more).toHaveLength(0);
  expectAcceptedHtml(bot, reply);
  expect(reply.text).toContain(said);
  expect(reply.text).toContain("Art. 62(1)");
});

test("a user's name in the 👎 prompt, in a group", async () => {
  bot = await startTelegramApp();
  const { api } = bot;
  const group = api.group(-100_6102);
  const name = `"><b>Mallory</b> & ${MARKUP}`;
  const mallory = api.user(6102, { first_name: name });
  const [answer] = await replies(bot, api.send(mallory, group, `/ask What is the 24/7 network?`));
  const down = answer.keyboard!.inline_keyboard.flat().find((b) => b.text.startsWith("👎"))!;
  api.press(mallory, api.botMessage(group.id, answer.messageId), "callback_data" in down ? down.callback_data! : "");
  const prompt = await api.waitFor(() => api.sent(group.id).find((m) => m.forceReply), 20_000, "the 👎 prompt");
  expectAcceptedHtml(bot, prompt);
  expect(prompt.text.startsWith(`${name}, `)).toBe(true);
});

test("stored questions and 👎 reasons in an admin's /stats", async () => {
  bot = await startTelegramApp({ env: { STORE_QUESTIONS: "true" } });
  const { api } = bot;
  const user = api.user(6103);
  const chat = api.privateChat(user);
  const refused = `What is the capital of ${MARKUP} Mars?`;
  await replies(bot, api.send(user, chat, refused));
  const [answer] = await replies(bot, api.send(user, chat, "What is the 24/7 network?"));
  const down = answer.keyboard!.inline_keyboard.flat().find((b) => b.text.startsWith("👎"))!;
  api.press(user, api.botMessage(chat.id, answer.messageId), "callback_data" in down ? down.callback_data! : "");
  const prompt = await api.waitFor(() => api.sent(chat.id).find((m) => m.forceReply), 20_000, "the 👎 prompt");
  const reason = `It said ${MARKUP} instead`;
  await replies(bot, api.send(user, chat, reason, { replyTo: api.botMessage(chat.id, prompt.messageId) }));

  const admin = api.user(ADMIN_ID);
  const [stats] = await replies(bot, api.send(admin, api.privateChat(admin), "/stats"));
  expectAcceptedHtml(bot, stats);
  expect(stats.text).toContain(refused);
  expect(stats.text).toContain(reason);
});
