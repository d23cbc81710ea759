/**
 * The terminal chat's commands, typed at an interactive prompt: /article N (heading, paragraphs,
 * link; an unknown number gets the catalog's answer), /new (the next short question is no longer a
 * follow-up), /quit (nothing after it is read).
 */
import { PassThrough } from "node:stream";
import { stripVTControlCharacters } from "node:util";
import { beforeAll, expect, it } from "vitest";
import { say } from "../../src/chat/catalog.js";
import { createBot, type ConventionBot } from "../../src/core/bot.js";
import { startTerminal } from "../../src/terminal/index.js";
import { testConfig } from "../helpers/env.js";

let bot: ConventionBot;
beforeAll(async () => {
  bot = await createBot(testConfig(), { buildIfMissing: false });
});

/** Type `lines` at an interactive prompt (wide terminal: no wrapping); the transcript. */
async function type(lines: string[]): Promise<string> {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = Object.assign(new PassThrough(), { isTTY: true, columns: 10_000 });
  let text = "";
  output.setEncoding("utf8").on("data", (s: string) => (text += s));
  const service = await startTerminal(bot, bot.config, { input, output, locale: "en" });
  input.end(lines.map((l) => l + "\n").join(""));
  await service.done;
  return stripVTControlCharacters(text);
}

it("/article 41 prints the article's heading, its paragraphs and its link; /article 99 says it does not exist", async () => {
  const screen = await type(["/article 41", "/article 99"]);
  const article = bot.article(41)!;
  expect(screen).toContain("Article 41 — 24/7 network");
  for (const p of article.paragraphs) expect(screen).toContain(p);
  expect(screen).toContain(article.url);
  expect(screen).toContain(say("en", "article-not-found", { number: "99", max: bot.articleTitles().length }));
});

it("a short question follows up on the last exchange, and no longer after /new", async () => {
  const first = "What is the 24/7 network?";
  const follow = "and paragraph 3?";
  const continued = await type([first, follow]);
  const fresh = await type([first, "/new", follow]);
  // Input typed ahead is echoed as it is read; answers follow in order, each ending with its sources.
  const secondAnswer = continued.slice(continued.indexOf("\nSources:\n") + 1);
  expect(secondAnswer).toMatch(/Art\. 41\(3\)/);
  const afterNew = fresh.slice(fresh.indexOf(say("en", "new-done")));
  expect(fresh).toContain(say("en", "new-done"));
  expect(afterNew).toMatch(/couldn't find this/);
  expect(afterNew).not.toMatch(/Art\. 41/);
});

it("/quit ends the chat: nothing typed after it is answered", async () => {
  expect(await type(["What is illegal access?"])).toMatch(/Art\. 7\(1\)/);
  const screen = await type(["/quit", "What is illegal access?"]);
  expect(screen).not.toMatch(/Art\. 7\(1\)/);
});
