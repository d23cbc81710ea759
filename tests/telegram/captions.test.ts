/**
 * Issue 12, fault 6: a photo or document whose caption is a question is a question — in a private
 * chat, or in a group when the caption mentions the bot, starts with /ask, or replies to the bot.
 * A photo without a question still gets the one-line hint; one not addressed to the bot, nothing.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTelegramApp, type Running } from "./helpers.js";
import { repliesTo, settle } from "./field.js";

let bot: Running;
beforeAll(async () => {
  bot = await startTelegramApp();
});
afterAll(() => bot?.stop());

const NON_TEXT = "I can only read text. Please type your question.";

test("a captioned photo in a private chat is answered as a question", async () => {
  const { api } = bot;
  const user = api.user(16_001);
  const asked = api.send(user, api.privateChat(user), undefined, { caption: "What is the 24/7 network?" });
  const [answer, ...more] = await repliesTo(api, asked);
  expect(more).toHaveLength(0);
  expect(answer.text).toContain("Art. 41");
  expect(answer.keyboard).toBeDefined();
});

test("a captioned document in a private chat is answered too", async () => {
  const { api } = bot;
  const user = api.user(16_002);
  const document = { file_id: "doc", file_unique_id: "doc", file_name: "clause.pdf" };
  const asked = api.send(user, api.privateChat(user), undefined, { extra: { document, caption: "Can proceeds of crime be frozen?" } });
  expect((await repliesTo(api, asked))[0].text).toContain("Art. 31");
});

test("in a group: a caption mentioning the bot, or starting with /ask or /ask@bot, is answered; others are not", async () => {
  const { api } = bot;
  const group = api.group(-100_160_001);
  const user = api.user(16_003);
  const mention = api.send(user, group, undefined, { caption: `@${api.bot.username} what is the 24/7 network?` });
  expect((await repliesTo(api, mention))[0].text).toContain("Art. 41");
  const ask = api.send(user, group, undefined, { caption: "/ask Can proceeds of crime be frozen?" });
  expect((await repliesTo(api, ask))[0].text).toContain("Art. 31");
  const addressed = api.send(user, group, undefined, { caption: `/ask@${api.bot.username} Where was the signing ceremony held?` });
  expect((await repliesTo(api, addressed))[0].text).toMatch(/Hanoi/);
  const other = api.send(user, group, undefined, { caption: "/ask@some_other_bot What is the 24/7 network?" });
  const plain = api.send(user, group, undefined, { caption: "What is the 24/7 network?" });
  await settle(api, group);
  expect(api.repliesTo(other)).toHaveLength(0);
  expect(api.repliesTo(plain)).toHaveLength(0);
});

test("a photo without a caption, or with an empty /ask, gets a hint instead", async () => {
  const { api } = bot;
  const user = api.user(16_004);
  const dm = api.privateChat(user);
  const bare = api.send(user, dm, undefined, { extra: { photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }] } });
  expect((await repliesTo(api, bare))[0].text).toBe(NON_TEXT);
  const group = api.group(-100_160_002);
  const emptyAsk = api.send(user, group, undefined, { caption: "/ask" });
  expect((await repliesTo(api, emptyAsk))[0].text).toMatch(/\/ask/);
});
