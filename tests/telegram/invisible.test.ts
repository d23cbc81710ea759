/**
 * Issue 12, fault 9: a question made only of invisible characters (zero-width, joiners, the Hangul
 * fillers, a blank Braille pattern…), alone, after a mention, after /ask or in a caption, is empty:
 * the usage hint, and nothing recorded in the statistics.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTelegramApp, type Running } from "./helpers.js";
import { repliesTo } from "./field.js";

let bot: Running;
beforeAll(async () => {
  bot = await startTelegramApp();
});
afterAll(() => bot?.stop());

const HINT = "Ask me a question in text: mention me together with your question, or use /ask.";
export const INVISIBLE = ["\u200b", "\u200b\u200c\u200d\u2060", "\u3164", "\u115f\u1160", "\uffa0", "\u2800\u2800", "\ufe0f\u034f", "\u00ad", "\u180e"];

test.each(INVISIBLE.map((s) => [JSON.stringify(s), s]))("%s gets the hint everywhere, and nothing is recorded", async (_, invisible) => {
  const { api, core } = bot;
  const before = core.stats(7)!.totalQuestions;
  const user = api.user(9_001);
  const group = api.group(-100_900_001);
  const asked = [
    api.send(user, api.privateChat(user), invisible),
    api.send(user, group, `@${api.bot.username} ${invisible}`),
    api.send(user, group, `/ask ${invisible}`),
    api.send(user, api.privateChat(user), undefined, { caption: invisible }),
  ];
  for (const m of asked) expect((await repliesTo(api, m)).map((r) => r.text)).toEqual([HINT]);
  expect(core.stats(7)!.totalQuestions).toBe(before);
});
