/**
 * A burst of 200 questions from 50 users (rate limit off) is answered exactly once each — and a
 * restarted process (same bot account) does not answer any of them again.
 */
import { afterAll, expect, test } from "vitest";
import type { Message } from "grammy/types";
import { FakeTelegramApi } from "../fakes/telegram-api.js";
import { startTelegramApp } from "./helpers.js";

const QUESTIONS = [
  "What is the 24/7 network?",
  "Can proceeds of crime be frozen and confiscated?",
  "Where was the signing ceremony held?",
  "Is illegal interception an offence?",
];

let api: FakeTelegramApi;
afterAll(() => api?.close());

test("200 questions from 50 users are all answered, exactly once, even across a restart", async () => {
  api = await FakeTelegramApi.start();
  const first = await startTelegramApp({ api, env: { RATE_LIMIT_PER_MIN: "0" } });
  const asked: Message[] = [];
  for (let u = 0; u < 50; u++) {
    const user = api.user(5000 + u, { language_code: ["en", "id", "vi"][u % 3] });
    for (const q of QUESTIONS) asked.push(api.send(user, api.privateChat(user), q));
  }
  expect(asked).toHaveLength(200);
  await api.waitFor(() => asked.every((m) => api.repliesTo(m).length > 0), 50_000, "answers to all 200 questions");
  await first.stop();

  // A new process on the same bot account: nothing from the burst comes back.
  const second = await startTelegramApp({ api, env: { RATE_LIMIT_PER_MIN: "0" } });
  try {
    const late = api.user(5999);
    const sentinel = api.send(late, api.privateChat(late), "What is the 24/7 network?");
    await api.waitFor(() => api.repliesTo(sentinel).length > 0, 20_000, "the answer after the restart");
  } finally {
    await second.stop();
  }

  for (const m of asked) {
    const replies = api.repliesTo(m);
    expect(replies, `replies to ${m.chat.id}:${m.message_id}`).toHaveLength(1);
    expect(replies[0].keyboard).toBeDefined();
  }
  const burstChats = new Set(asked.map((m) => m.chat.id));
  expect(api.sent().filter((s) => burstChats.has(s.chatId))).toHaveLength(200);
});
