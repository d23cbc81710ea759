/**
 * Issue 12, fault 14: Discord records the deferral of an /ask but its answer is lost (500); discord.js
 * retries and gets 40060 "already acknowledged". The interaction is deferred all the same: the answer
 * is edited in, so the user is not left with "is thinking…".
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { editedResponse, embedText, startDiscordApp, type Running } from "./helpers.js";

let r: Running;
beforeAll(async () => {
  r = await startDiscordApp();
});
afterAll(() => r?.stop());

test.each([false, true])("a deferral answered with 500 (private: %s) still gets its answer edited in", async (ephemeral) => {
  r.fake.failAfterHandling((method, path) => method === "POST" && path.endsWith("/callback"), 500, { message: "Internal Server Error", code: 0 });
  const i = r.fake.command("ask", { question: "What is the 24/7 network?", private: ephemeral });
  const answer = await editedResponse(r.fake, i);
  expect(embedText(answer)).toMatch(/Art\. 41/);
  const callbacks = r.fake.responsesTo(i).filter((c) => c.path.endsWith("/callback"));
  expect(callbacks.length).toBe(2);
  expect(r.fake.responsesTo(i).some((c) => c.method === "PATCH" && JSON.stringify(c.body).includes("something went wrong"))).toBe(false);
  // The only protocol complaint is discord.js's own retry of the lost deferral.
  expect(r.fake.violations.splice(0)).toEqual([`interaction ${i.id} answered twice`]);
});
