/**
 * Issue 12, fault 5: a 429 whose `retry_after` is beyond auto-retry's minute (75 s here) no longer
 * makes the answer vanish: the wait is honoured for that chat only (other chats are answered
 * meanwhile), only the refused part is sent again, and past TELEGRAM_FLOOD_WAIT_MAX_SECONDS the
 * send is given up. The wait itself is handed to the bot as a function the test holds, so no test
 * waits 75 seconds, and nothing here depends on time.
 */
import fs from "node:fs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createBot, type ConventionBot } from "../../src/core/bot.js";
import { startTelegram, type TelegramService } from "../../src/telegram/index.js";
import { FakeTelegramApi } from "../fakes/telegram-api.js";
import { testEnv } from "../helpers/env.js";
import { repliesTo } from "./field.js";

const MAX = 100;
let api: FakeTelegramApi;
let core: ConventionBot;
let telegram: TelegramService;
let dataDir: string;

/** Waits the bot asked for, each released by the test. */
const waits: { ms: number; release(): void }[] = [];
let waited: (() => void) | undefined;
const nextWait = () => new Promise<void>((resolve) => (waited = resolve));

beforeAll(async () => {
  api = await FakeTelegramApi.start();
  const config = loadConfig(testEnv({ env: { TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, TELEGRAM_FLOOD_WAIT_MAX_SECONDS: String(MAX) } }));
  dataDir = config.dataDir;
  core = await createBot(config, { buildIfMissing: false });
  const floodWait = (ms: number) =>
    new Promise<void>((release) => {
      waits.push({ ms, release });
      waited?.();
    });
  telegram = await startTelegram(core, config, { floodWait });
});
afterAll(async () => {
  for (const w of waits) w.release();
  await telegram?.stop();
  await core?.close();
  await api?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const flood = (seconds: number) => ({ error_code: 429, description: `Too Many Requests: retry after ${seconds}`, parameters: { retry_after: seconds } });

test("a 75 s flood wait holds that chat's answer, other chats are answered meanwhile, and the answer arrives once", async () => {
  const alice = api.user(5_001);
  const bob = api.user(5_002);
  api.failNext("sendMessage", flood(75));
  const held = nextWait();
  const asked = api.send(alice, api.privateChat(alice), "What is the 24/7 network?");
  await held;
  expect(waits.at(-1)!.ms).toBe(75_000);

  const [other] = await repliesTo(api, api.send(bob, api.privateChat(bob), "Can proceeds of crime be frozen?"));
  expect(other.text).toContain("Art. 31");
  expect(api.repliesTo(asked)).toHaveLength(0);

  waits.at(-1)!.release();
  const [answer, ...more] = await repliesTo(api, asked);
  expect(more).toHaveLength(0);
  expect(answer.text).toContain("Art. 41");
  expect(answer.keyboard).toBeDefined();
});

test("in a multi-part answer, the parts delivered before the wait are not sent again", async () => {
  const carol = api.user(5_003);
  const chat = api.privateChat(carol);
  // The second part is refused with a long flood wait.
  const refuseSecond = () => {
    if (api.sent(chat.id).length !== 1) return;
    api.off("call", refuseSecond);
    api.failNext("sendMessage", flood(90));
  };
  api.on("call", refuseSecond);
  const held = nextWait();
  api.send(carol, chat, "/article 40");
  await held;
  expect(api.sent(chat.id)).toHaveLength(1);
  waits.at(-1)!.release();
  const last = core.article(40)!.paragraphs.at(-1)!.slice(0, 60);
  await api.waitFor(() => api.sent(chat.id).some((m) => m.text.includes(last)), 20_000, "the last part");
  const parts = api.sent(chat.id).map((m) => m.text);
  expect(parts.length).toBeGreaterThan(2);
  expect(new Set(parts).size).toBe(parts.length);
  expect(api.callsOf("sendMessage").filter((c) => c.params.chat_id === chat.id && !c.ok)).toHaveLength(1);
});

test("a wait beyond TELEGRAM_FLOOD_WAIT_MAX_SECONDS (in total) is not waited: the send is given up", async () => {
  const dave = api.user(5_004);
  const chat = api.privateChat(dave);
  const before = waits.length;
  api.failNext("sendMessage", flood(MAX + 50));
  const asked = api.send(dave, chat, "What is the 24/7 network?");
  // The answer is given up; the apology that follows gets through.
  const [notice] = await repliesTo(api, asked);
  expect(notice.text).toMatch(/something went wrong/);
  expect(waits.length).toBe(before);

  // Two long waits (each over auto-retry's minute) that add up to more than the bound: the first is waited, the second is not.
  api.failNext("sendMessage", flood(60 + 1));
  const held = nextWait();
  const again = api.send(dave, chat, "Can proceeds of crime be frozen?");
  await held;
  api.failNext("sendMessage", flood(61));
  waits.at(-1)!.release();
  const [second] = await api.waitFor(() => api.repliesTo(again).length > 0 && api.repliesTo(again), 20_000, "the apology");
  expect(second.text).toMatch(/something went wrong/);
  expect(waits.length).toBe(before + 1);
});
