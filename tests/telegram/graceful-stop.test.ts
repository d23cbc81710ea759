/** Stopping (what SIGINT/SIGTERM do through the app): polling ends, but answers in flight are delivered. */
import { expect, test } from "vitest";
import type { AnswerOptions } from "../../src/core/bot.js";
import { gate, startTelegramApp } from "./helpers.js";

test("stop waits for the answer being worked on and delivers it", async () => {
  const bot = await startTelegramApp();
  const { api, core } = bot;
  const held = gate();
  const entered = gate();
  const answer = core.answer.bind(core);
  core.answer = async (question: string, options?: AnswerOptions) => {
    entered.open();
    await held.promise;
    return answer(question, options);
  };
  try {
    const user = api.user(9001);
    const asked = api.send(user, api.privateChat(user), "What is the 24/7 network?");
    await entered.promise;
    const stopped = bot.telegram.stop();
    expect(bot.telegram.ready()).toBe(false);
    // Let the stop get as far as it can on its own before the answer may finish.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(api.repliesTo(asked)).toHaveLength(0);
    held.open();
    await stopped;
    const [reply, ...more] = api.repliesTo(asked);
    expect(more).toHaveLength(0);
    expect(reply.text).toContain("Art. 41");
  } finally {
    held.open();
    await bot.stop();
  }
});
