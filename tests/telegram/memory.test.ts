/** Conversation memory: reply chains, the private follow-up window, /new and /forget. */
import { expect, test } from "vitest";
import type { Turn } from "../../src/core/bot.js";
import { ConversationMemory } from "../../src/telegram/memory.js";

const turn = (question: string): Turn => ({ question, answer: { citations: [], language: "en" } });

test("a reply continues the exchange it replies to; in private chats the last one counts for a while", () => {
  const memory = new ConversationMemory({ followUpMs: 1_000, chainMs: 10_000 });
  memory.remember(1, 1, [10, 11], undefined, turn("q1"), true, 0);
  memory.remember(1, 1, [12], memory.thread(1, 11, true, 100), turn("q2"), true, 100);
  expect(memory.thread(1, undefined, true, 500)?.turns.map((t) => t.question)).toEqual(["q1", "q2"]);
  expect(memory.thread(1, 10, true, 500)?.turns.map((t) => t.question)).toEqual(["q1"]);
  // After the follow-up window only explicit replies count, until the chain itself expires.
  expect(memory.thread(1, undefined, true, 2_000)).toBeUndefined();
  expect(memory.thread(1, 12, true, 2_000)?.turns).toHaveLength(2);
  expect(memory.thread(1, 12, true, 20_000)).toBeUndefined();
});

test("groups have no implicit follow-ups; /new and /forget drop what they should", () => {
  const memory = new ConversationMemory();
  memory.remember(-5, 7, [1], undefined, turn("group q"), false, 0);
  expect(memory.thread(-5, undefined, false, 1)).toBeUndefined();
  memory.remember(-5, 8, [2], memory.thread(-5, 1, false, 1), turn("reply by 8"), false, 1);
  memory.remember(7, 7, [1], undefined, turn("private q"), true, 0);

  memory.startOver(7);
  expect(memory.thread(7, undefined, true, 1)).toBeUndefined();
  expect(memory.thread(7, 1, true, 1)).toBeDefined();

  // User 7 asked in both exchanges of the group chain: both are forgotten, with their private one.
  memory.forgetUser(7);
  expect(memory.thread(-5, 1, false, 2)).toBeUndefined();
  expect(memory.thread(-5, 2, false, 2)).toBeUndefined();
  expect(memory.thread(7, 1, true, 2)).toBeUndefined();
});

test("memory is bounded: the oldest answers are dropped first", () => {
  const memory = new ConversationMemory({ maxEntries: 3, maxTurns: 2 });
  for (let i = 1; i <= 5; i++) memory.remember(1, 1, [i], memory.thread(1, i - 1, false), turn(`q${i}`), false);
  expect(memory.thread(1, 1, false)).toBeUndefined();
  expect(memory.thread(1, 2, false)).toBeUndefined();
  expect(memory.thread(1, 5, false)?.turns.map((t) => t.question)).toEqual(["q4", "q5"]);
});
