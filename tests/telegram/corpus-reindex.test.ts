/**
 * An admin grows the corpus while the Telegram bot runs (real grammY client, fake Bot API): each
 * invalid source list makes /reindex show its one line and leaves the current index serving; two
 * reports added with `corpus add` (English, Vietnamese) are then cited by their own short title and
 * date in the asker's language, and the seed report's answers do not change.
 */
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { inject } from "vitest";
import type { Message } from "grammy/types";
import { corpusCommand } from "../../src/cli/corpus.js";
import { tempDir } from "../helpers/env.js";
import { copyCorpus, EN_ID, INVALID, reportArgs, spoilSources, VI_ID } from "../corpus/helpers.js";
import { ADMIN_ID, startTelegramApp, type Running } from "./helpers.js";

let bot: Running;
let root: string;
let corpusDir: string;
beforeAll(async () => {
  root = tempDir();
  corpusDir = copyCorpus(root);
  bot = await startTelegramApp({ ownIndex: true, env: { CORPUS_DIR: corpusDir } });
});
afterAll(() => bot?.stop());

function replies(message: Message) {
  return bot.api.waitFor(() => bot.api.repliesTo(message).length > 0 && bot.api.repliesTo(message), 20_000, `a reply to "${message.text}"`);
}

/** Run /reindex as the admin (again if the previous one is still finishing) and return its final status text. */
async function reindex(done: RegExp): Promise<string> {
  const { api } = bot;
  const admin = api.user(ADMIN_ID);
  let s;
  for (let attempt = 0; !s && attempt < 50; attempt++) {
    const [reply] = await replies(api.send(admin, api.privateChat(admin), "/reindex"));
    if (!/already running/.test(reply.text ?? "")) s = reply;
  }
  if (!s) throw new Error("/reindex stayed busy");
  return api.waitFor(() => {
    const text = api.botMessage(admin.id, s!.messageId).text ?? "";
    return done.test(text) && text;
  }, 60_000, `the status to match ${done}`);
}

async function ask(question: string): Promise<string> {
  const user = bot.api.user(7001);
  const [reply] = await replies(bot.api.send(user, bot.api.privateChat(user), question));
  return reply.text ?? "";
}

const SEED_QUESTIONS = ["Where was the signing ceremony held?", "Di mana upacara penandatanganan diadakan?", "Lễ ký diễn ra ở đâu?", "Who presided over the ceremony?"];

test.each(INVALID)("/reindex with $name: the admin sees its line, the current index keeps serving", async ({ spoil, line }) => {
  const version = bot.core.indexVersion;
  const restore = spoilSources(corpusDir, spoil);
  try {
    const text = await reindex(/failed/);
    expect(text.split("\n")).toEqual(["The rebuild failed; the current index keeps serving. The details are in the bot's log.", line]);
    expect(bot.core.indexVersion).toBe(version);
    await expect(bot.core.reindex()).rejects.toThrow(line);
    expect(await ask("What is the 24/7 network?")).toContain("Art. 41");
  } finally {
    restore();
  }
});

test("reports added with `corpus add` are cited by their short title and date, in the asker's language", async () => {
  const seedBefore = await Promise.all(SEED_QUESTIONS.map(async (q) => (await bot.core.answer(q)).text));
  const env = {
    PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: "silent", CORPUS_DIR: corpusDir, INDEX_DIR: bot.config.indexDir,
    DATA_DIR: path.join(root, "data"), CORPUS_SOURCES_DIR: inject("sourcesDir"), CORPUS_CACHE_DIR: path.join(root, "cache"),
  };
  const out: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
  const args = reportArgs(root);
  expect(await corpusCommand(args.en, io, env)).toBe(0);
  expect(await corpusCommand(args.vi, io, env)).toBe(0);

  expect(await reindex(/New index built/)).toMatch(new RegExp(`${EN_ID}.*${VI_ID}|${VI_ID}.*${EN_ID}`, "s"));

  const en = await bot.core.answer("Where did the first review workshop take place?");
  expect(en.citations[0]).toMatchObject({ doc: EN_ID, paragraph: 1, label: "Report of 2 November 2025, para. 1" });
  expect(en.text).toMatch(/^Report of 2 November 2025 says:\n“The first review workshop/m);
  const enReply = await ask("Where did the first review workshop take place?");
  expect(enReply).toContain("Report of 2 November 2025 says:");
  expect(enReply).toContain("Report of 2 November 2025, para. 1");

  const vi = await bot.core.answer("Hội thảo rà soát đầu tiên diễn ra ở đâu?");
  expect(vi.language).toBe("vi");
  expect(vi.citations[0]).toMatchObject({ doc: VI_ID, paragraph: 1, label: "Bản tin ngày 3/11/2025, đoạn 1" });
  expect(vi.text).toMatch(/^Theo Bản tin ngày 3\/11\/2025:\n“Hội thảo rà soát/m);
  const viReply = await ask("Hội thảo rà soát đầu tiên diễn ra ở đâu?");
  expect(viReply).toContain("Theo Bản tin ngày 3/11/2025:");
  expect(viReply).toContain("Bản tin ngày 3/11/2025, đoạn 1");

  expect(bot.core.sources("vi").documents.map((d) => d.title)).toEqual(expect.arrayContaining(["Bản tin ngày 2/11/2025", "Bản tin ngày 3/11/2025"]));
  expect(bot.core.sources("en").documents.map((d) => d.title)).toEqual(expect.arrayContaining(["Report of 2 November 2025", "Report of 3 November 2025"]));

  // The seed report speaks as before.
  const seedAfter = await Promise.all(SEED_QUESTIONS.map(async (q) => (await bot.core.answer(q)).text));
  expect(seedAfter).toEqual(seedBefore);
  expect(seedAfter[0]).toMatch(/^The news report of the Hanoi signing says:$/m);
  expect(seedAfter[0]).toContain("News report, para. 1");
});
