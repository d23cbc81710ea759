/**
 * Questions as Telegram users ask them, through the real grammY client and the real facade
 * (started like `npm start`), against the fake Bot API: what gets answered, where, and how.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Message } from "grammy/types";
import { startTelegramApp, type Running } from "./helpers.js";

let bot: Running;
beforeAll(async () => {
  bot = await startTelegramApp();
});
afterAll(() => bot?.stop());

/** Wait for the bot's replies to `message` and return them once there is at least one. */
function replies(message: Message) {
  return bot.api.waitFor(() => bot.api.repliesTo(message).length > 0 && bot.api.repliesTo(message), 20_000, `a reply to "${message.text}"`);
}

describe("private chats", () => {
  test("a question is answered with quotes, citations and links, as a reply, with feedback buttons", async () => {
    const { api, core } = bot;
    const alice = api.user(1001);
    const question = "What is the 24/7 network?";
    const asked = api.send(alice, api.privateChat(alice), question);
    const [reply, ...more] = await replies(asked);
    expect(more).toHaveLength(0);

    // The same facade answers the same question the same way: what the user sees is that answer.
    const expected = await core.answer(question);
    expect(expected.grounded).toBe(true);
    expect(reply.text.startsWith(expected.text.split("\n\n")[0])).toBe(true);
    for (const c of expected.citations) {
      expect(reply.text).toContain(c.label);
      expect(reply.raw).toContain(`<a href="${c.url.replace(/&/g, "&amp;")}">${c.label}</a>`);
    }
    expect(reply.text).toMatch(/Art\. 41/);
    expect(reply.text).toContain("📚 Sources");
    expect(reply.parseMode).toBe("HTML");
    expect(reply.linkPreviewDisabled).toBe(true);
    const buttons = reply.keyboard!.inline_keyboard.flat();
    expect(buttons.map((b) => b.text)).toEqual(["👍", "👎"]);
    expect(buttons.map((b) => ("callback_data" in b ? b.callback_data : ""))).toEqual([expect.stringMatching(/^fb:up:[\w-]+$/), expect.stringMatching(/^fb:down:[\w-]+$/)]);

    // "typing…" was shown in that chat before the answer.
    const typing = api.callsOf("sendChatAction").find((c) => c.params.chat_id === alice.id);
    expect(typing?.params.action).toBe("typing");
    expect(typing!.seq).toBeLessThan(reply.seq);
  });

  test("a question the documents do not answer gets the refusal with suggestions, once, and no sources", async () => {
    const { api, core } = bot;
    const paul = api.user(1008, { language_code: "id" });
    const question = "Apa ibu kota Prancis?";
    const [reply] = await replies(api.send(paul, api.privateChat(paul), question));
    const expected = await core.answer(question, { localeHint: "id" });
    expect(expected.grounded).toBe(false);
    expect(reply.text).toBe(expected.text);
    for (const s of expected.suggestions ?? []) expect(reply.text.split(s)).toHaveLength(2);
    expect(reply.text).not.toContain("Sources");
    expect(reply.keyboard).toBeDefined();
  });

  test("a follow-up continues the last exchange; /new forgets it", async () => {
    const { api } = bot;
    const dave = api.user(1004);
    const chat = api.privateChat(dave);
    await replies(api.send(dave, chat, "What does article 41 say?"));
    const [followUp] = await replies(api.send(dave, chat, "and paragraph 2?"));
    expect(followUp.text).toContain("Art. 41(2)");

    const [fresh] = await replies(api.send(dave, chat, "/new"));
    expect(fresh.text).toMatch(/new conversation/i);
    const [alone] = await replies(api.send(dave, chat, "and paragraph 2?"));
    expect(alone.text).not.toContain("Art. 41(2)");
  });

  test("HTML in the question and in the user's name is escaped, never interpreted", async () => {
    const { api } = bot;
    const eve = api.user(1005, { first_name: "<Eve & Co>" });
    const asked = api.send(eve, api.privateChat(eve), 'What does <b>Article 41</b> say about "24/7" & <script>alert(1)</script>?');
    const [reply] = await replies(asked);
    expect(reply.text).toContain("Art. 41");
    // The strict fake accepted the HTML: no call to this chat failed, and none fell back to plain text.
    const calls = api.callsOf("sendMessage").filter((c) => c.params.chat_id === eve.id);
    expect(calls.every((c) => c.ok && c.params.parse_mode === "HTML")).toBe(true);
  });

  test("stickers and photos get a one-line hint; over-long questions a polite refusal", async () => {
    const { api, core } = bot;
    const frank = api.user(1006);
    const chat = api.privateChat(frank);
    const sticker = api.send(frank, chat, undefined, { extra: { sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 512, height: 512, is_animated: false, is_video: false } } });
    const [hint] = await replies(sticker);
    expect(hint.text).toMatch(/only read text/i);

    const before = core.stats(7)!.totalQuestions;
    const long = api.send(frank, chat, `What does article 41 say? ${"Please explain in detail. ".repeat(45)}`);
    const [refusal, ...more] = await replies(long);
    expect(more).toHaveLength(0);
    expect(refusal.text).toBe("That question is too long: please keep it under 1000 characters.");
    expect(refusal.keyboard).toBeUndefined();
    expect(core.stats(7)!.totalQuestions).toBe(before);
  });

  test("an unknown command points to /help", async () => {
    const { api } = bot;
    const gina = api.user(1007);
    const [reply] = await replies(api.send(gina, api.privateChat(gina), "/frobnicate now"));
    expect(reply.text).toMatch(/\/help/);
  });
});

describe("groups", () => {
  test("only messages that mention the bot, reply to it or use /ask are answered", async () => {
    const { api } = bot;
    const group = api.group(-100500);
    const bob = api.user(1002);
    const carol = api.user(1003);
    const ignored = api.send(bob, group, "What is the 24/7 network?");
    const otherBot = api.send(carol, group, "@some_other_bot what is the 24/7 network?");
    const mentioned = api.send(bob, group, `@${api.bot.username} what is the 24/7 network?`);
    const [answer] = await replies(mentioned);
    expect(answer.text).toContain("Art. 41");
    // Updates of one chat are handled in order, so the earlier messages have been seen by now.
    expect(api.repliesTo(ignored)).toHaveLength(0);
    expect(api.repliesTo(otherBot)).toHaveLength(0);

    const [viaAsk] = await replies(api.send(carol, group, "/ask Does the convention cover laundering the proceeds of crime?"));
    expect(viaAsk.text).toContain("Art. 17");
    const addressed = await replies(api.send(carol, group, `/ask@${api.bot.username} Where was the signing ceremony held?`));
    expect(addressed).toHaveLength(1);
    const forOtherBot = api.send(carol, group, "/ask@some_other_bot Where was the signing ceremony held?");
    const [emptyAsk] = await replies(api.send(carol, group, "/ask"));
    expect(api.repliesTo(forOtherBot)).toHaveLength(0);
    expect(emptyAsk.text).toMatch(/\/ask/);
  });

  test("a reply to an answer continues that exchange, not the rest of the group", async () => {
    const { api } = bot;
    const group = api.group(-100501);
    const bob = api.user(1012);
    const carol = api.user(1013);
    const [art41] = await replies(api.send(bob, group, `@${api.bot.username} what does article 41 say?`));
    await replies(api.send(carol, group, `@${api.bot.username} what does article 17 say?`));
    // No mention: replying to the bot's answer is enough, and "paragraph 2" means article 41's.
    const followUp = api.send(bob, group, "and paragraph 2?", { replyTo: api.botMessage(group.id, art41.messageId) });
    const [reply] = await replies(followUp);
    expect(reply.text).toContain("Art. 41(2)");
  });

  test("in a forum topic the answer goes to the same topic", async () => {
    const { api } = bot;
    const forum = api.group(-100502, { forum: true });
    const hana = api.user(1014);
    const asked = api.send(hana, forum, `@${api.bot.username} where was the signing ceremony held?`, { threadId: 77 });
    const [reply] = await replies(asked);
    expect(reply.threadId).toBe(77);
    expect(api.callsOf("sendChatAction").some((c) => c.params.chat_id === forum.id && c.params.message_thread_id === 77)).toBe(true);
  });

  test("a photo without a mention is ignored; one replying to the bot gets the hint", async () => {
    const { api } = bot;
    const group = api.group(-100503);
    const ivan = api.user(1015);
    const photo = { photo: [{ file_id: "p", file_unique_id: "p", width: 10, height: 10 }] };
    const [answer] = await replies(api.send(ivan, group, `@${api.bot.username} what is article 2 about?`));
    const ignored = api.send(ivan, group, undefined, { extra: photo });
    const addressed = api.send(ivan, group, undefined, { extra: photo, replyTo: api.botMessage(group.id, answer.messageId) });
    const [hint] = await replies(addressed);
    expect(hint.text).toMatch(/only read text/i);
    expect(api.repliesTo(ignored)).toHaveLength(0);
  });
});

describe("when Telegram pushes back", () => {
  test("a 429 with retry_after is retried, and the user gets the answer once", async () => {
    const { api } = bot;
    const jan = api.user(1020);
    api.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    const asked = api.send(jan, api.privateChat(jan), "Can proceeds of crime be frozen and confiscated?");
    const [reply, ...more] = await replies(asked);
    expect(more).toHaveLength(0);
    const attempts = api.callsOf("sendMessage").filter((c) => c.params.chat_id === jan.id);
    expect(attempts.map((c) => c.errorCode ?? 200)).toEqual([429, 200]);
    expect(attempts[1].params.text).toBe(attempts[0].params.text);
    expect(reply.text).toContain("Art. 31");
  });

  test("rejected formatting is resent as plain text instead of failing", async () => {
    const { api } = bot;
    const kim = api.user(1021);
    api.failNext("sendMessage", { error_code: 400, description: "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 0" });
    const asked = api.send(kim, api.privateChat(kim), "What is the 24/7 network?");
    const [reply, ...more] = await replies(asked);
    expect(more).toHaveLength(0);
    expect(reply.parseMode).toBeUndefined();
    expect(reply.text).toContain("Art. 41");
    expect(reply.text).toContain("https://documents.un.org/");
    expect(reply.keyboard).toBeDefined();
  });
});
