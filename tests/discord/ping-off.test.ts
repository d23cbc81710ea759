/**
 * Issue 12, fault 16: replies to the bot's answer with the ping turned off arrive without text (no
 * Message Content intent). The bot hints how to be read at most once per user and channel an hour,
 * and never to a reply that mentions someone else (people talking to each other under an answer).
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { startDiscordApp, type Running } from "./helpers.js";

let r: Running;
beforeAll(async () => {
  r = await startDiscordApp();
});
afterAll(() => r?.stop());

const HINT = "I can only read replies that mention me: turn the @ on when you reply, or mention me with your question.";

async function anAnswer(where: "general" | "thread" = "general"): Promise<string> {
  const q = r.fake.post("What is the 24/7 network?", { where, mention: true });
  await r.fake.waitFor((c) => c.method === "POST" && c.body?.message_reference?.message_id === q.id);
  return r.fake.repliesTo(q.id)[0].id;
}

/** A mention after the replies, answered: gateway events start in order and a hint needs no core work, so any hint is sent by then. */
async function settle(where: "general" | "thread" = "general"): Promise<void> {
  const marker = r.fake.post("Where was the signing ceremony held?", { where, mention: true });
  await r.fake.waitFor((c) => c.method === "POST" && c.body?.message_reference?.message_id === marker.id);
}

const hintsTo = (ids: string[]) => ids.flatMap((id) => r.fake.repliesTo(id)).filter((m) => m.content === HINT);

test("three ping-off replies by one user in one channel get one hint", async () => {
  const answer = await anAnswer();
  const bea = r.fake.user("bea");
  const replies = [1, 2, 3].map((n) => r.fake.post(`reply ${n}`, { user: bea, replyTo: answer, ping: false }).id);
  await settle();
  expect(hintsTo(replies)).toHaveLength(1);
  expect(r.fake.repliesTo(replies[0])[0]?.content).toBe(HINT);
});

test("another user, or the same user in another channel, gets their own one hint", async () => {
  const answer = await anAnswer();
  const threadAnswer = await anAnswer("thread");
  const cid = r.fake.user("cid");
  const dee = r.fake.user("dee");
  const general = [r.fake.post("hm", { user: cid, replyTo: answer, ping: false }).id, r.fake.post("ok", { user: dee, replyTo: answer, ping: false }).id];
  const thread = [r.fake.post("and here", { user: cid, where: "thread", replyTo: threadAnswer, ping: false }).id];
  await settle();
  await settle("thread");
  expect(hintsTo(general)).toHaveLength(2);
  expect(hintsTo(thread)).toHaveLength(1);
});

test("a ping-off reply that mentions someone else gets no hint", async () => {
  const answer = await anAnswer();
  const eve = r.fake.user("eve");
  const friend = r.fake.user("friend");
  const talking = r.fake.post(`<@${friend.id}> see this`, { user: eve, replyTo: answer, ping: false, others: [friend] });
  await settle();
  expect(r.fake.repliesTo(talking.id)).toEqual([]);
  // Her first reply to the bot itself still gets the one hint.
  const own = r.fake.post("hmm", { user: eve, replyTo: answer, ping: false });
  await settle();
  expect(hintsTo([own.id])).toHaveLength(1);
});
