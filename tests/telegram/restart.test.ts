/**
 * Exactly once across a restart: the bot is stopped while answers are in flight, then started
 * again on the same bot account. Every question is answered by the time the stop returns (none
 * lost), and the restarted bot answers none of them again (none twice) — by long polling, where
 * the stop must confirm the last offset itself, and by webhook, where Telegram redelivers only
 * what was not acknowledged.
 */
import { afterEach, expect, test } from "vitest";
import type { Message, Update } from "grammy/types";
import type { AnswerOptions, ConventionBot } from "../../src/core/bot.js";
import { FakeTelegramApi } from "../fakes/telegram-api.js";
import { gate, startTelegramApp, type Running } from "./helpers.js";

const QUESTIONS = ["What is the 24/7 network?", "Can proceeds of crime be frozen?", "Where was the signing ceremony held?"];

let api: FakeTelegramApi | undefined;
const running: Running[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop();
  await api?.close();
  api = undefined;
});

/** Hold every answer of `core` until `release()`; `entered(n)` resolves once n answers are being worked on. */
function holdAnswers(core: ConventionBot) {
  const held = gate();
  const waiting: { n: number; open(): void }[] = [];
  let count = 0;
  const answer = core.answer.bind(core);
  core.answer = async (question: string, options?: AnswerOptions) => {
    count++;
    for (const w of waiting) if (count >= w.n) w.open();
    await held.promise;
    return answer(question, options);
  };
  return {
    release: held.open,
    entered: (n: number) => {
      const g = gate();
      if (count >= n) g.open();
      else waiting.push({ n, open: g.open });
      return g.promise;
    },
  };
}

function expectEachAnsweredOnce(fake: FakeTelegramApi, asked: Message[]) {
  for (const m of asked) {
    const replies = fake.repliesTo(m);
    expect(replies, `replies to "${m.text}" in chat ${m.chat.id}`).toHaveLength(1);
    expect(replies[0].keyboard).toBeDefined();
  }
}

test("long polling: stopped with answers in flight and restarted, each question is answered exactly once", async () => {
  const fake = (api = await FakeTelegramApi.start());
  const first = await startTelegramApp({ api: fake });
  running.push(first);
  const hold = holdAnswers(first.core);
  await fake.polling();
  // The poll after the batch never reaches Telegram before the stop: only the stop can confirm the batch.
  const nextPoll = fake.stallNext("getUpdates");
  const asked = QUESTIONS.map((q, i) => {
    const user = fake.user(810_000_001 + i);
    return fake.send(user, fake.privateChat(user), q);
  });
  await Promise.all([hold.entered(asked.length), nextPoll.stalled]);

  const stopped = first.telegram.stop();
  await nextPoll.abandoned; // polling has stopped; the answers are still held
  hold.release();
  await stopped;
  // None lost: every answer was delivered before the stop returned…
  expectEachAnsweredOnce(fake, asked);
  // …and before the offset was confirmed.
  const confirm = fake.callsOf("getUpdates").find((c) => c.params.timeout === 0);
  expect(confirm, "the stop's getUpdates confirming the last update").toBeDefined();
  for (const m of asked) expect(fake.repliesTo(m)[0].seq).toBeLessThan(confirm!.seq);
  await first.stop();

  // A new process on the same bot account: nothing comes back, a new question is answered.
  const second = await startTelegramApp({ api: fake });
  running.push(second);
  const late = fake.user(810_000_099);
  const sentinel = fake.send(late, fake.privateChat(late), "What is illegal access?");
  await fake.waitFor(() => fake.repliesTo(sentinel).length > 0, 20_000, "the answer after the restart");
  await second.stop();
  expectEachAnsweredOnce(fake, [...asked, sentinel]);
});

const SECRET = "restart-Secret_42";
const WEBHOOK = { TELEGRAM_WEBHOOK_URL: "https://bot.example.org/hook", TELEGRAM_WEBHOOK_PORT: "0", TELEGRAM_WEBHOOK_SECRET: SECRET };

/** Telegram's side of a webhook: POST an update; it counts as delivered only when acknowledged with 200. */
async function deliver(bot: Running, update: Update): Promise<boolean> {
  const address = bot.telegram.webhookAddress();
  if (!address) return false;
  try {
    const res = await fetch(`http://127.0.0.1:${address.port}/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: JSON.stringify(update),
    });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

test("webhook: stopped with answers in flight and restarted, each question is answered exactly once", async () => {
  const fake = (api = await FakeTelegramApi.start());
  const first = await startTelegramApp({ api: fake, env: WEBHOOK });
  running.push(first);
  const hold = holdAnswers(first.core);
  const asked = QUESTIONS.map((q, i) => {
    const user = fake.user(820_000_001 + i);
    return fake.message(user, fake.privateChat(user), q);
  });
  const updates = asked.map((message) => fake.update({ message }));
  // Telegram keeps what was not acknowledged and sends it again later.
  const pending: Update[] = [];
  for (const u of updates) if (!(await deliver(first, u))) pending.push(u);
  expect(pending).toEqual([]);
  await hold.entered(asked.length);

  const stopped = first.telegram.stop();
  // An update arriving while the bot stops is not acknowledged, so Telegram keeps it.
  const user = fake.user(820_000_050);
  const during = fake.message(user, fake.privateChat(user), "Is illegal interception an offence?");
  const duringUpdate = fake.update({ message: during });
  if (!(await deliver(first, duringUpdate))) pending.push(duringUpdate);
  hold.release();
  await stopped;
  expectEachAnsweredOnce(fake, asked);
  await first.stop();

  // The restarted bot gets what Telegram still holds, and nothing else.
  const second = await startTelegramApp({ api: fake, env: WEBHOOK });
  running.push(second);
  for (const u of pending) expect(await deliver(second, u)).toBe(true);
  await fake.waitFor(() => fake.repliesTo(during).length > 0, 20_000, "the answer to the update sent during the stop");
  await second.stop();
  expectEachAnsweredOnce(fake, [...asked, during]);
});
