/** Conversation memory (one store for every platform): reply chains, the follow-up window of a place, /new and /forget. */
import { expect, test } from "vitest";
import type { Turn } from "../../src/core/bot.js";
import { ConversationMemory } from "../../src/chat/memory.js";

const turn = (question: string): Turn => ({ question, answer: { citations: [], language: "en" } });

/** A clock the test moves by hand, so expiry needs no waiting. */
function clock() {
  let now = 1_000_000;
  return { perf: { now: () => now }, at: (ms: number) => void (now = 1_000_000 + ms) };
}

const questions = (m: ConversationMemory, where: { replyTo?: string; place?: string }) => m.recall(where).turns.map((t) => t.question);

test("a reply continues the exchange it replies to; in a private place the last one counts for a while", () => {
  const { perf, at } = clock();
  const memory = new ConversationMemory({ placeTtlMs: 1_000, chainTtlMs: 10_000, perf });
  const place = "p:1";
  memory.remember("1", memory.recall({ place }), turn("q1"), { messageIds: ["10", "11"], place });
  at(100);
  memory.remember("1", memory.recall({ replyTo: "11", place }), turn("q2"), { messageIds: ["12"], place });
  at(500);
  expect(questions(memory, { place })).toEqual(["q1", "q2"]);
  expect(questions(memory, { replyTo: "10", place })).toEqual(["q1"]);
  // After the follow-up window only explicit replies count, until the chain itself expires.
  at(2_000);
  expect(questions(memory, { place })).toEqual([]);
  expect(questions(memory, { replyTo: "12", place })).toHaveLength(2);
  at(20_000);
  expect(questions(memory, { replyTo: "12", place })).toEqual([]);
});

test("groups have no implicit follow-ups; /new and /forget drop what they should", () => {
  const memory = new ConversationMemory();
  memory.remember("7", memory.recall({}), turn("group q"), { messageIds: ["g:1"] });
  expect(questions(memory, {})).toEqual([]);
  memory.remember("8", memory.recall({ replyTo: "g:1" }), turn("reply by 8"), { messageIds: ["g:2"] });
  memory.remember("7", memory.recall({ place: "p:7" }), turn("private q"), { messageIds: ["p:1"], place: "p:7" });

  memory.startOver("p:7");
  expect(questions(memory, { place: "p:7" })).toEqual([]);
  expect(questions(memory, { replyTo: "p:1", place: "p:7" })).toEqual(["private q"]);

  // User 7 asked in both exchanges of the group chain: both are forgotten, with their private one.
  memory.forgetUser("7");
  expect(questions(memory, { replyTo: "g:1" })).toEqual([]);
  expect(questions(memory, { replyTo: "g:2" })).toEqual([]);
  expect(questions(memory, { replyTo: "p:1" })).toEqual([]);
});

test("memory is bounded: the least recently used answers are dropped first", () => {
  const memory = new ConversationMemory({ maxEntries: 3, maxTurns: 2 });
  for (let i = 1; i <= 5; i++) memory.remember("1", memory.recall({ replyTo: String(i - 1) }), turn(`q${i}`), { messageIds: [String(i)] });
  expect(questions(memory, { replyTo: "1" })).toEqual([]);
  expect(questions(memory, { replyTo: "2" })).toEqual([]);
  expect(questions(memory, { replyTo: "5" })).toEqual(["q4", "q5"]);
});
