/**
 * The chat layer's promise: what the bot says when a question cannot be answered is the same on every
 * surface. An invisible-only question, an over-long one, a cooldown and a failed answer, in each of the
 * three languages, through the real grammY and discord.js clients (against the fakes) and the terminal
 * chat, all started on one facade as `npm start` starts them.
 */
import fs from "node:fs";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { startApp, type App } from "../../src/app.js";
import { say } from "../../src/chat/catalog.js";
import { loadConfig, type Config } from "../../src/config.js";
import type { Language } from "../../src/core/bot.js";
import { startTerminal } from "../../src/terminal/index.js";
import { FakeDiscord } from "../fakes/discord.js";
import { FakeTelegramApi } from "../fakes/telegram-api.js";
import { testEnv } from "../helpers/env.js";

let telegram: FakeTelegramApi;
let discord: FakeDiscord;
let app: App;
let config: Config;
beforeAll(async () => {
  telegram = await FakeTelegramApi.start();
  discord = await FakeDiscord.start();
  config = loadConfig(
    testEnv({
      env: {
        TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot,
        DISCORD_BOT_TOKEN: discord.token, DISCORD_API_ROOT: discord.apiRoot, DISCORD_APPLICATION_ID: discord.applicationId,
        RATE_LIMIT_PER_MIN: "1",
      },
    }),
  );
  app = await startApp(config, { terminal: false });
});
afterAll(async () => {
  await app?.stop();
  await telegram?.close();
  await discord?.close();
  if (config) fs.rmSync(config.dataDir, { recursive: true, force: true });
});

let nextUser = 7000;

/** Telegram: a private message from a user whose app speaks `lang`; the text of the bot's reply. */
async function onTelegram(lang: Language, questions: string[]): Promise<string> {
  const user = telegram.user(nextUser++, { language_code: lang });
  let text = "";
  for (const q of questions) {
    const asked = telegram.send(user, telegram.privateChat(user), q);
    text = (await telegram.waitFor(() => telegram.repliesTo(asked)[0], 20_000)).text;
  }
  return text;
}

/** Discord: `/ask` from a user whose client speaks `lang`; the text the bot responded with. */
async function onDiscord(lang: Language, questions: string[]): Promise<string> {
  const user = discord.user(`user${nextUser++}`);
  let text = "";
  for (const q of questions) {
    const i = discord.command("ask", { question: q }, { user, locale: lang === "en" ? "en-US" : lang });
    const first = (await discord.waitFor((c) => c.path.endsWith(`/${i.token}/callback`))).body;
    if (first.type === 4) text = first.data.content;
    else {
      await discord.waitFor((c) => c.method === "PATCH" && c.path.includes(`/${i.token}/messages/@original`));
      text = discord.original(i).content;
    }
  }
  return text;
}

/** The terminal chat (interactive, as in a TTY) in a locale of `lang`; the last line it printed. */
async function onTerminal(lang: Language, questions: string[]): Promise<string> {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = new PassThrough();
  let printed = "";
  output.on("data", (d: Buffer) => (printed += d.toString()));
  const terminal = await startTerminal(app.bot, config, { input, output, locale: { en: "en_US.UTF-8", id: "id_ID.UTF-8", vi: "vi_VN.UTF-8" }[lang] });
  const plain = (text: string) => text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "");
  const lines = () => plain(printed).split(/\r?\n/).map((l) => l.replace(/^> /, "").trim()).filter(Boolean);
  try {
    for (const q of questions) {
      const before = printed.length;
      input.write(`${q}\n`);
      // Answered once the prompt is back.
      await vi.waitFor(() => expect(plain(printed.slice(before))).toMatch(/\n> *$/), { timeout: 20_000 });
    }
    return lines().at(-1)!;
  } finally {
    await terminal.stop();
  }
}

const surfaces = { telegram: onTelegram, discord: onDiscord, terminal: onTerminal };

const cases: { name: string; questions: string[]; expected: (lang: Language) => string; failAnswer?: boolean }[] = [
  { name: "an invisible-only question", questions: ["\u200b\u200b"], expected: (l) => say(l, "ask-empty") },
  // 1,001 user-perceived characters (each flag is two code points): over the limit of 1,000.
  { name: "an over-long question", questions: ["🇻🇳".repeat(1001)], expected: (l) => say(l, "ask-too-long", { max: "1000" }) },
  { name: "a cooldown", questions: ["Where was the signing ceremony held?", "What is the 24/7 network?"], expected: (l) => say(l, "ask-cooldown", { seconds: 0 }) },
  { name: "a failed answer", questions: ["What is the 24/7 network?"], expected: (l) => say(l, "ask-failed"), failAnswer: true },
];

/** The cooldown names the seconds left, which depend on when each surface asked: compare without them. */
const withoutSeconds = (text: string) => text.replace(/\d+/g, "#");

describe.each(cases)("$name", ({ questions, expected, failAnswer }) => {
  test.each(["en", "id", "vi"] as Language[])("says the same on Telegram, Discord and the terminal (%s)", async (lang) => {
    const said: Record<string, string> = {};
    for (const [surface, ask] of Object.entries(surfaces)) {
      if (failAnswer) vi.spyOn(app.bot, "answer").mockRejectedValueOnce(new Error("the index is on fire"));
      said[surface] = await ask(lang, questions);
      vi.restoreAllMocks();
    }
    const want = withoutSeconds(expected(lang));
    expect(Object.values(said).map(withoutSeconds)).toEqual([want, want, want]);
    // In the language asked: the English sentence is not what Indonesian or Vietnamese users get.
    if (lang !== "en") expect(withoutSeconds(said.telegram)).not.toBe(withoutSeconds(expected("en")));
  });
});
