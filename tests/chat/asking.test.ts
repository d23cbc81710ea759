/**
 * The chat layer's question path with a stand-in core: what a message asks (trimmed, the limit
 * exact), what the core is given, the one reply, and the exchange remembered under the asker (so
 * /forget can drop it).
 */
import { expect, test } from "vitest";
import { ask, type Surface } from "../../src/chat/asking.js";
import { Chat } from "../../src/chat/chat.js";
import { judge, MAX_QUESTION_CHARACTERS } from "../../src/chat/question.js";
import type { Answer, ConventionBot } from "../../src/core/bot.js";

test("judge: trims, accepts exactly the limit, refuses one character more, and sees nothing in invisible text", () => {
  expect(judge("  What is illegal access?\n")).toEqual({ kind: "question", text: "What is illegal access?" });
  expect(judge("é".repeat(MAX_QUESTION_CHARACTERS))).toEqual({ kind: "question", text: "é".repeat(MAX_QUESTION_CHARACTERS) });
  expect(judge("a".repeat(MAX_QUESTION_CHARACTERS + 1))).toEqual({ kind: "too-long", max: MAX_QUESTION_CHARACTERS });
  expect(judge(" \u200b ")).toEqual({ kind: "empty" });
});

function standIn() {
  const asked: string[] = [];
  const core = {
    answer: async (question: string): Promise<Answer> => {
      asked.push(question);
      return { id: "a1", language: "en", grounded: true, summary: null, blocks: [], text: `answer to ${question}`, citations: [], indexVersion: "v", ms: 1 };
    },
  } as unknown as ConventionBot;
  return { core, asked };
}

function surface(userId: string, sent: string[], notices: string[]): Surface {
  return {
    asker: { platform: "terminal", chatKind: "private", userId },
    locale: "en",
    where: { place: `p:${userId}` },
    notice: async (text) => void notices.push(text),
    send: async (answer) => {
      sent.push(answer.text);
      return [`m:${userId}`];
    },
  };
}

test("the trimmed question reaches the core once; the answer is sent once and remembered under the asker", async () => {
  const { core, asked } = standIn();
  const chat = new Chat(core, { perMinute: 0 });
  const sent: string[] = [];
  const notices: string[] = [];
  await ask(chat, "  What is the 24/7 network?  ", surface("u1", sent, notices));
  expect(asked).toEqual(["What is the 24/7 network?"]);
  expect(sent).toEqual(["answer to What is the 24/7 network?"]);
  expect(notices).toEqual([]);
  expect(chat.memory.recall({ place: "p:u1" }).turns.map((t) => t.question)).toEqual(["What is the 24/7 network?"]);
  // /forget by someone else keeps it; by the asker drops it.
  chat.memory.forgetUser("u2");
  expect(chat.memory.recall({ replyTo: "m:u1" }).turns).toHaveLength(1);
  chat.memory.forgetUser("u1");
  expect(chat.memory.recall({ replyTo: "m:u1" }).turns).toEqual([]);
});

test("a failing core gets the failure notice, reported once", async () => {
  const reports: string[] = [];
  const core = { answer: async () => Promise.reject(new Error("boom")) } as unknown as ConventionBot;
  const chat = new Chat(core, { perMinute: 0, report: (what) => reports.push(what) });
  const sent: string[] = [];
  const notices: string[] = [];
  await ask(chat, "What is illegal access?", surface("u3", sent, notices));
  expect(sent).toEqual([]);
  expect(notices).toHaveLength(1);
  expect(reports).toEqual(["answering failed"]);
});
