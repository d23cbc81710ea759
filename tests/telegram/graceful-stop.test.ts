/** Stopping (what SIGINT/SIGTERM do through the app): polling ends, but answers in flight are delivered. */
import { expect, test } from "vitest";
import type { AnswerOptions } from "../../src/core/bot.js";
import { captureLogs } from "../helpers/logs.js";
import { stopStartsWaiting } from "../helpers/stop-waits.js";
import { gate, startTelegramApp } from "./helpers.js";

test("stop waits for the answer being worked on and delivers it", async () => {
  const bot = await startTelegramApp();
  const { api, core } = bot;
  const logs = captureLogs();
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
    const waiting = stopStartsWaiting();
    let stopped = false;
    const stopping = bot.telegram.stop().then(() => (stopped = true));
    expect(bot.telegram.ready()).toBe(false);
    // Release the answer once the stop waits for it — or once a stop that does not wait has
    // confirmed the last update, which the order checked below then shows.
    const confirmed = api.waitFor(() => api.callsOf("getUpdates").some((c) => c.params.timeout === 0), 30_000, "the confirming getUpdates");
    confirmed.catch(() => undefined);
    await Promise.race([waiting, confirmed]);
    expect(api.repliesTo(asked)).toHaveLength(0);
    expect(stopped).toBe(false);
    held.open();
    await stopping;
    const [reply, ...more] = api.repliesTo(asked);
    expect(more).toHaveLength(0);
    expect(reply.text).toContain("Art. 41");
    const confirm = api.callsOf("getUpdates").find((c) => c.params.timeout === 0);
    expect(confirm!.seq).toBeGreaterThan(reply.seq);
    // It waited for the answer, rather than giving up on it.
    expect(logs.records(/still in flight/)).toEqual([]);
  } finally {
    logs.restore();
    held.open();
    await bot.stop();
  }
});
