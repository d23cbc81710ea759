/**
 * Issue 12, fault 12: every interaction gets an answer, also when nothing in this version handles
 * it: a slash command Discord still shows after a rename, autocomplete for it, an old message's
 * button, an old form. The user sees a short notice only they can see (for commands: which exist).
 */
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { EPHEMERAL, callbackOf, editedResponse, startDiscordApp, type Running } from "./helpers.js";

let r: Running;
beforeAll(async () => {
  r = await startDiscordApp();
});
afterAll(() => r?.stop());
afterEach(() => expect(r.fake.violations).toEqual([]));

const COMMANDS = "/ask, /article, /sources, /help, /new, /forget, /reindex, /stats";

test.each(["ping", "question", "article-old"])("the stale command /%s is answered with the commands that exist", async (name) => {
  const i = r.fake.command(name, { text: "hello" });
  const cb = await callbackOf(r.fake, i);
  expect(cb.type).toBe(4);
  expect(cb.data.flags & EPHEMERAL).toBe(EPHEMERAL);
  expect(cb.data.content).toBe(`That command is no longer available. The commands are: ${COMMANDS}`);
});

test("autocomplete for a stale command gets an empty list, not silence", async () => {
  const i = r.fake.autocomplete("lookup", "number", "4");
  const cb = await callbackOf(r.fake, i);
  expect(cb).toEqual({ type: 8, data: { choices: [] } });
});

test.each(["legacy:vote:1", "fb:sideways:abc", "fb:", "page:next"])("an old button %j is answered, only to its presser", async (customId) => {
  const asked = r.fake.command("ask", { question: "What is the 24/7 network?" });
  const answer = await editedResponse(r.fake, asked);
  const press = r.fake.press(answer.id, customId, { locale: "id" });
  const cb = await callbackOf(r.fake, press);
  expect(cb.type).toBe(4);
  expect(cb.data.flags & EPHEMERAL).toBe(EPHEMERAL);
  expect(cb.data.content).toBe("Tombol ini sudah tidak berfungsi. Bertanyalah lagi untuk jawaban baru.");
});

test("an old form is answered", async () => {
  const i = r.fake.submitModal("survey:2024", { comment: "nice" });
  const cb = await callbackOf(r.fake, i);
  expect(cb.data.flags & EPHEMERAL).toBe(EPHEMERAL);
  expect(cb.data.content).toBe("This form is no longer available. Ask again to get a new answer.");
});
