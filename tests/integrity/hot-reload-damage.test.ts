/**
 * A hot reload onto each kind of damaged version: the running bot refuses it with one log line naming
 * the version, the file and the reason, and every question asked meanwhile — before, during and after
 * the refusal — is answered from the old version exactly as before.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Service } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createBot, type Answer, type ConventionBot } from "../../src/core/bot.js";
import { log } from "../../src/log.js";
import { watchIndexPointer } from "../../src/ops/hot-reload.js";
import { testEnv } from "../helpers/env.js";
import { ALL_DAMAGE, copyVersion, pointAt, readCurrent } from "./damage.js";

const QUESTIONS = ["What does Article 41 say?", "Apa itu ekstradisi?", "What is illegal access?", "Điều 41 quy định gì?", "What is the capital of Australia?"];
const NEW_VERSION = "baddbaddbadd0001";

let bot: ConventionBot | undefined;
let watcher: Service | undefined;
afterEach(async () => {
  await watcher?.stop();
  await bot?.close();
  bot = watcher = undefined;
  vi.restoreAllMocks();
});

/** Ask QUESTIONS round and round until stopped; every answer and every error is kept. */
function keepAsking(b: ConventionBot) {
  const answers: { question: string; answer: Answer }[] = [];
  const errors: unknown[] = [];
  let stopped = false;
  const loop = (async () => {
    for (let i = 0; !stopped; i++) {
      const question = QUESTIONS[i % QUESTIONS.length];
      try {
        answers.push({ question, answer: await b.answer(question) });
      } catch (err) {
        errors.push(err);
      }
      await sleep(5);
    }
  })();
  return { answers, errors, stop: () => ((stopped = true), loop) };
}

describe("a hot reload onto a damaged version", () => {
  it.each(ALL_DAMAGE.map((d) => [d.name, d] as const))("%s: refused in one log line, every question answered from the old version", async (_name, damage) => {
    const config = loadConfig(testEnv({ ownIndex: true }));
    bot = await createBot(config, { buildIfMissing: false });
    const old = bot.indexVersion;
    const expected = new Map<string, boolean>();
    for (const q of QUESTIONS) expected.set(q, (await bot.answer(q)).grounded);
    watcher = watchIndexPointer(bot, config.indexDir, { intervalMs: 20 });
    const errorLog = vi.spyOn(log, "error");
    const swapped = vi.fn();
    bot.on("indexChanged", swapped);

    const asking = keepAsking(bot);
    try {
      damage.apply(copyVersion(config.indexDir, old, NEW_VERSION));
      pointAt(config.indexDir, NEW_VERSION);
      await vi.waitFor(() => expect(errorLog).toHaveBeenCalled(), { timeout: 60_000, interval: 20 });
      const seen = asking.answers.length;
      await vi.waitFor(() => expect(asking.answers.length).toBeGreaterThan(seen + QUESTIONS.length), { timeout: 60_000, interval: 20 });
    } finally {
      await asking.stop();
    }

    expect(errorLog).toHaveBeenCalledTimes(1);
    const [fields, message] = errorLog.mock.calls[0] as [Record<string, unknown>, string];
    expect(fields).toMatchObject({ version: NEW_VERSION, file: damage.file, serving: old });
    expect(fields.reason).toMatch(damage.reason);
    expect(message).toBe(`index version ${NEW_VERSION} refused (${damage.file}: ${fields.reason}); still serving ${old}`);
    expect(readCurrent(config.indexDir)).toBe(NEW_VERSION);
    expect(bot.indexVersion).toBe(old);
    expect(swapped).not.toHaveBeenCalled();
    // 100 %: no question failed, every one came from the old version with the same outcome as before.
    expect(asking.errors).toEqual([]);
    expect(asking.answers.length).toBeGreaterThan(QUESTIONS.length);
    for (const { question, answer } of asking.answers) {
      expect(answer.indexVersion).toBe(old);
      expect(answer.grounded, question).toBe(expected.get(question));
    }
  }, 150_000);
});
