/** The default follow-up window (README: "in private chats the last exchange counts for five minutes"). */
import { expect, test } from "vitest";
import { ConversationMemory } from "../../src/chat/memory.js";

test("by default, the last exchange in a place counts for five minutes, and not after", () => {
  let now = 1_000_000;
  const memory = new ConversationMemory({ perf: { now: () => now } });
  const place = "telegram:42";
  memory.remember("42", memory.recall({ place }), { question: "q1", answer: { citations: [], language: "en" } }, { messageIds: ["m1"], place });
  now += 5 * 60_000 - 1;
  expect(memory.recall({ place }).turns.map((t) => t.question)).toEqual(["q1"]);
  now += 2;
  expect(memory.recall({ place }).turns).toEqual([]);
  // A reply to the answer still continues it.
  expect(memory.recall({ replyTo: "m1", place }).turns.map((t) => t.question)).toEqual(["q1"]);
});
