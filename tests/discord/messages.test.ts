/**
 * Questions as messages, end to end: mentions, replies to the bot, DMs and threads, with the context
 * they carry, and the messages the bot must not read. The fake withholds message content the way Discord
 * does for a bot without the Message Content intent, so these tests also show the bot does not need it.
 */
import { afterAll, afterEach, beforeAll, expect, test, vi } from "vitest";
import type { AnswerOptions } from "../../src/core/bot.js";
import { EPHEMERAL, callbackOf, embedText, expectNoPings, startDiscordApp, type Running } from "./helpers.js";

let r: Running;
beforeAll(async () => {
  r = await startDiscordApp();
});
afterAll(async () => {
  await r?.stop();
});
afterEach(() => {
  expect(r.fake.violations).toEqual([]);
  expectNoPings(r.fake);
  vi.restoreAllMocks();
});

/** Wait for the bot's first reply to the message `id` (POST /channels/:id/messages with a reference). */
async function replyTo(id: string): Promise<any> {
  await r.fake.waitFor((c) => c.method === "POST" && c.body?.message_reference?.message_id === id);
  return r.fake.repliesTo(id)[0];
}

/** The questions the facade was asked during the test, with their options. */
function spyQuestions(): [string, AnswerOptions | undefined][] {
  return vi.spyOn(r.app.bot, "answer").mock.calls as [string, AnswerOptions | undefined][];
}

test("a mention is answered in reply, with citations, pinging nobody", async () => {
  const alice = r.fake.user("alice");
  const question = r.fake.post("What does Article 41 require of each State Party?", { user: alice, mention: true });
  const reply = await replyTo(question.id);
  expect(reply.channel_id).toBe(r.fake.generalId);
  expect(embedText(reply)).toMatch(/Art\. 41\(\d\)/);
  expect(reply.embeds.at(-1).footer.text).toBe(`Index ${r.app.bot.indexVersion}`);
  expect(reply.allowed_mentions).toEqual({ parse: [], replied_user: false });
  expect(reply.components[0].components).toHaveLength(2);
  // The typing indicator came first.
  const typing = r.fake.calls.findIndex((c) => c.path === `/channels/${r.fake.generalId}/typing`);
  const sent = r.fake.calls.findIndex((c) => c.body?.message_reference?.message_id === question.id);
  expect(typing).toBeGreaterThanOrEqual(0);
  expect(typing).toBeLessThan(sent);
});

test("a message without a mention is not read; the next mention is", async () => {
  const questions = spyQuestions();
  const plain = r.fake.post("What does Article 41 require?");
  const mention = r.fake.post("What is Article 2 about?", { mention: true });
  await replyTo(mention.id);
  // Gateway events are handled in order, so the plain message was handled (and dropped) first.
  expect(r.fake.repliesTo(plain.id)).toEqual([]);
  expect(questions.map((q) => q[0])).toEqual(["What is Article 2 about?"]);
});

test("@everyone in a mentioned question pings nobody", async () => {
  const question = r.fake.post("@everyone @here what is article 2 about?", { mention: true, everyone: true });
  const reply = await replyTo(question.id);
  expect(reply.allowed_mentions).toEqual({ parse: [], replied_user: false });
  expect(reply.content).toBe("");
});

test("a reply to the bot's answer is a follow-up in that exchange's context", async () => {
  const questions = spyQuestions();
  const first = r.fake.post("What does Article 41 require?", { mention: true });
  const answer = await replyTo(first.id);
  const followUp = r.fake.post("and paragraph 2?", { replyTo: answer.id });
  const reply = await replyTo(followUp.id);
  expect(questions[1][0]).toBe("and paragraph 2?");
  expect(questions[1][1]?.history?.map((t) => t.question)).toEqual(["What does Article 41 require?"]);
  expect(embedText(reply)).toContain("Art. 41(2)");
});

test("a reply to the bot with the ping turned off arrives without text: the bot says how to be read", async () => {
  const first = r.fake.post("What does Article 41 require?", { mention: true });
  const answer = await replyTo(first.id);
  const silent = r.fake.post("and paragraph 3?", { replyTo: answer.id, ping: false });
  const reply = await replyTo(silent.id);
  expect(reply.content).toBe("I can only read replies that mention me: turn the @ on when you reply, or mention me with your question.");
});

test("in a DM every message is a question, and the last exchange is its context", async () => {
  const bob = r.fake.user("bob");
  const questions = spyQuestions();
  const first = r.fake.post("What does Article 41 require?", { user: bob, where: "dm" });
  const reply = await replyTo(first.id);
  expect(reply.channel_id).toBe(r.fake.channelId("dm", bob));
  expect(embedText(reply)).toContain("Art. 41");
  expect(questions[0][1]?.asker).toEqual({ platform: "discord", chatKind: "private", userId: bob.id });
  const second = r.fake.post("and paragraph 2?", { user: bob, where: "dm" });
  expect(embedText(await replyTo(second.id))).toContain("Art. 41(2)");
  expect(questions[1][1]?.history?.map((t) => t.question)).toEqual(["What does Article 41 require?"]);
});

test("in a thread, later mentions keep the context until /new forgets it", async () => {
  const carol = r.fake.user("carol");
  const questions = spyQuestions();
  const first = r.fake.post("What does Article 41 require?", { user: carol, where: "thread", mention: true });
  await replyTo(first.id);
  const second = r.fake.post("and paragraph 2?", { user: carol, where: "thread", mention: true });
  expect(embedText(await replyTo(second.id))).toContain("Art. 41(2)");
  expect(questions[1][1]?.history?.map((t) => t.question)).toEqual(["What does Article 41 require?"]);

  const reset = r.fake.command("new", {}, { user: carol, where: "thread" });
  const { data } = await callbackOf(r.fake, reset);
  expect(data.flags).toBe(EPHEMERAL);
  const third = r.fake.post("and paragraph 2?", { user: carol, where: "thread", mention: true });
  await replyTo(third.id);
  expect(questions[2][1]?.history).toEqual([]);
});

test("a question over 1,000 characters is refused without asking the core", async () => {
  const questions = spyQuestions();
  const long = r.fake.post(`What does Article 41 require? ${"Please explain in detail. ".repeat(45)}`, { mention: true });
  const reply = await replyTo(long.id);
  expect(reply.content).toBe("That question is too long: please keep it under 1000 characters.");
  expect(questions).toEqual([]);
});

test("a bare mention gets a hint, in the server's language", async () => {
  r.fake.guildLocale = "id";
  try {
    // The guild locale is read from the cached guild: update it the way Discord does.
    r.fake.dispatch("GUILD_UPDATE", { id: r.fake.guildId, name: "Test server", preferred_locale: "id", roles: [], emojis: [], features: [] });
    const bare = r.fake.post("", { mention: true });
    const reply = await replyTo(bare.id);
    expect(reply.content).toBe("Ajukan pertanyaan dalam bentuk teks: sebut saya beserta pertanyaan Anda, atau gunakan /ask.");
  } finally {
    r.fake.guildLocale = "en-US";
    r.fake.dispatch("GUILD_UPDATE", { id: r.fake.guildId, name: "Test server", preferred_locale: "en-US", roles: [], emojis: [], features: [] });
  }
});
