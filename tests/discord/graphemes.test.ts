/**
 * Issue 12, faults 15 and 9 on Discord: a question's length is counted in what a reader sees
 * (600 emoji are 600 characters, not 1,200 or more UTF-16 units), for /ask and mentions alike; and
 * a question of invisible characters only is empty (the usage hint, nothing asked of the core).
 */
import { afterAll, afterEach, beforeAll, expect, test, vi } from "vitest";
import { callbackOf, editedResponse, embedText, startDiscordApp, type Running } from "./helpers.js";

let r: Running;
beforeAll(async () => {
  r = await startDiscordApp();
});
afterAll(() => r?.stop());
afterEach(() => vi.restoreAllMocks());

const EMOJI = "👩‍💻".repeat(600);
const QUESTION = `What is the 24/7 network? ${EMOJI}`;
const TOO_LONG = `What is the 24/7 network? ${"🇻🇳".repeat(1_000)}`;

test("/ask with 600 emoji is answered; over 1,000 characters as seen is refused", async () => {
  expect(QUESTION.length).toBeGreaterThan(3_000);
  const asked = r.fake.command("ask", { question: QUESTION });
  expect(embedText(await editedResponse(r.fake, asked))).toMatch(/Art\. 41/);
  const refused = await callbackOf(r.fake, r.fake.command("ask", { question: TOO_LONG }));
  expect(refused.data.content).toBe("That question is too long: please keep it under 1000 characters.");
});

test("a mention with 600 emoji is answered", async () => {
  const q = r.fake.post(QUESTION, { mention: true });
  await r.fake.waitFor((c) => c.method === "POST" && c.body?.message_reference?.message_id === q.id);
  expect(embedText(r.fake.repliesTo(q.id)[0])).toMatch(/Art\. 41/);
});

test.each(["\u200b", "\u3164\u3164", "\u2800"])("%j alone is empty: the hint, and the core is not asked", async (invisible) => {
  const answer = vi.spyOn(r.app.bot, "answer");
  const viaAsk = await callbackOf(r.fake, r.fake.command("ask", { question: invisible }));
  expect(viaAsk.data.content).toBe("Ask me a question in text: mention me together with your question, or use /ask.");
  const q = r.fake.post(invisible, { mention: true });
  await r.fake.waitFor((c) => c.method === "POST" && c.body?.message_reference?.message_id === q.id);
  expect(r.fake.repliesTo(q.id)[0].content).toMatch(/^Ask me a question in text/);
  expect(answer).not.toHaveBeenCalled();
});
