/**
 * 👍/👎 under answers: the press is acknowledged, recorded in the operations store (SQLite under
 * DATA_DIR, with the answer's id and cited chunks), and a 👎 asks what was wrong; the reply to
 * that prompt becomes the vote's reason instead of a new question.
 */
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Message } from "grammy/types";
import { startTelegramApp, type Running } from "./helpers.js";

let bot: Running;
beforeAll(async () => {
  bot = await startTelegramApp();
});
afterAll(() => bot?.stop());

function replies(message: Message) {
  return bot.api.waitFor(() => bot.api.repliesTo(message).length > 0 && bot.api.repliesTo(message), 20_000, `a reply to "${message.text}"`);
}

/** Read the store the app writes (a second, read-only connection). */
function feedbackRows(answerId: string) {
  const db = new Database(path.join(bot.config.dataDir, "ops.sqlite"), { readonly: true, fileMustExist: true });
  try {
    return {
      votes: db.prepare("SELECT vote, reason FROM feedback WHERE answer_id = ?").all(answerId) as { vote: string; reason: string | null }[],
      chunks: (db.prepare("SELECT chunk_id FROM feedback_chunks WHERE answer_id = ?").all(answerId) as { chunk_id: string }[]).map((r) => r.chunk_id),
    };
  } finally {
    db.close();
  }
}

function buttonData(keyboard: NonNullable<ReturnType<Running["api"]["sent"]>[number]["keyboard"]>, text: string): string {
  const button = keyboard.inline_keyboard.flat().find((b) => b.text.startsWith(text));
  return button && "callback_data" in button ? button.callback_data! : "";
}

test("👍 is acknowledged and recorded with the answer's id and cited chunks", async () => {
  const { api } = bot;
  const mia = api.user(3001);
  const [answer] = await replies(api.send(mia, api.privateChat(mia), "What is the 24/7 network?"));
  const data = buttonData(answer.keyboard!, "👍");
  const answerId = data.replace(/^fb:up:/, "");
  const press = api.press(mia, api.botMessage(mia.id, answer.messageId), data);

  const ack = await api.waitFor(() => api.callsOf("answerCallbackQuery").find((c) => c.params.callback_query_id === press.id));
  expect(ack.params.text).toBe("Thanks for the feedback!");
  const rows = feedbackRows(answerId);
  expect(rows.votes).toEqual([{ vote: "up", reason: null }]);
  expect(rows.chunks.length).toBeGreaterThan(0);
  expect(rows.chunks.every((id) => id.startsWith("convention:art-41"))).toBe(true);
  // In a private chat the buttons show the choice.
  const edit = await api.waitFor(() => api.callsOf("editMessageReplyMarkup").find((c) => c.params.message_id === answer.messageId));
  expect(edit.params.reply_markup.inline_keyboard[0][0].text).toBe("👍 ✓");
});

test("👎 asks what was wrong; the voter's reply becomes the reason, not a question", async () => {
  const { api, core } = bot;
  const group = api.group(-100900);
  const eve = api.user(3002, { first_name: "<Eve & Co>" });
  const [answer] = await replies(api.send(eve, group, `@${api.bot.username} what is the 24/7 network?`));
  const data = buttonData(answer.keyboard!, "👎");
  const answerId = data.replace(/^fb:down:/, "");
  api.press(eve, api.botMessage(group.id, answer.messageId), data);

  const prompt = await api.waitFor(() => api.sent(group.id).find((m) => m.forceReply));
  expect(prompt.text).toBe("<Eve & Co>, What was wrong with this answer? Reply to this message in a few words (optional).");
  expect(prompt.raw).toContain(`<a href="tg://user?id=${eve.id}">&lt;Eve &amp; Co&gt;</a>`);
  expect(prompt.replyTo).toBe(answer.messageId);
  expect(feedbackRows(answerId).votes).toEqual([{ vote: "down", reason: null }]);

  const before = core.stats(7)!.totalQuestions;
  const reason = api.send(eve, group, "It quoted paragraph 5, I wanted paragraph 1", { replyTo: api.botMessage(group.id, prompt.messageId) });
  const [thanks, ...more] = await replies(reason);
  expect(more).toHaveLength(0);
  expect(thanks.text).toMatch(/Thank you/);
  expect(feedbackRows(answerId).votes).toEqual([{ vote: "down", reason: "It quoted paragraph 5, I wanted paragraph 1" }]);
  expect(core.stats(7)!.totalQuestions).toBe(before);
  expect(core.stats(7)!.gaps.some((g) => g.reason === "down" && g.note === "It quoted paragraph 5, I wanted paragraph 1")).toBe(true);
});

test("someone else's reply to the prompt is read as a question about the exchange", async () => {
  const { api } = bot;
  const group = api.group(-100901);
  const voter = api.user(3003);
  const other = api.user(3004);
  const [answer] = await replies(api.send(voter, group, `@${api.bot.username} what does article 41 say?`));
  api.press(voter, api.botMessage(group.id, answer.messageId), buttonData(answer.keyboard!, "👎"));
  const prompt = await api.waitFor(() => api.sent(group.id).find((m) => m.forceReply));
  const [reply] = await replies(api.send(other, group, "Where was the signing ceremony held?", { replyTo: api.botMessage(group.id, prompt.messageId) }));
  expect(reply.keyboard).toBeDefined();
  expect(reply.text).toMatch(/Hanoi|Hà Nội/);
});

test("a vote the store cannot record (an unknown answer) is acknowledged as not recorded", async () => {
  const { api } = bot;
  const pia = api.user(3005);
  const [answer] = await replies(api.send(pia, api.privateChat(pia), "Where was the signing ceremony held?"));
  const press = api.press(pia, api.botMessage(pia.id, answer.messageId), "fb:up:00000000-0000-4000-8000-000000000000");
  const ack = await api.waitFor(() => api.callsOf("answerCallbackQuery").find((c) => c.params.callback_query_id === press.id));
  expect(ack.params.text).toBe("Sorry, I could not record that vote.");
  expect(api.callsOf("editMessageReplyMarkup").some((c) => c.params.message_id === answer.messageId && c.params.chat_id === pia.id)).toBe(false);
});
