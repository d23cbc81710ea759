/**
 * Issue 12, fault 9, in the terminal chat: a line of invisible characters gets the usage hint and
 * never reaches the core (so nothing is recorded); a visible question after it is answered.
 */
import { PassThrough } from "node:stream";
import { beforeAll, expect, test, vi } from "vitest";
import { createBot, type ConventionBot } from "../../src/core/bot.js";
import { startTerminal } from "../../src/terminal/index.js";
import { testConfig } from "../helpers/env.js";

let bot: ConventionBot;
beforeAll(async () => {
  bot = await createBot(testConfig(), { buildIfMissing: false });
});

test("invisible-only lines get the hint and are not asked", async () => {
  const answer = vi.spyOn(bot, "answer");
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.setEncoding("utf8").on("data", (s: string) => (text += s));
  const service = await startTerminal(bot, bot.config, { input, output });
  input.end(["\u200b", "\u3164\u3164", "\u2800", "What is the 24/7 network?"].map((l) => l + "\n").join(""));
  await service.done;
  expect(text.split("Ask me a question in text").length - 1).toBe(3);
  expect(answer).toHaveBeenCalledTimes(1);
  expect(answer.mock.calls[0][0]).toBe("What is the 24/7 network?");
});
