/**
 * Issue 12, fault 13: in a channel where the bot may not embed (the fake refuses embeds there with
 * 50013, as Discord does), a question gets its answer as plain text, within 2,000 characters a
 * message, with the buttons — not "something went wrong". Where it may not even send, nothing is
 * sent and the log says so once for that channel.
 */
import { afterAll, afterEach, beforeAll, expect, test, vi } from "vitest";
import { log } from "../../src/log.js";
import { startDiscordApp, type Running } from "./helpers.js";

let r: Running;
beforeAll(async () => {
  r = await startDiscordApp();
  r.fake.denyEmbeds(r.fake.threadId);
});
afterAll(() => r?.stop());
afterEach(() => vi.restoreAllMocks());

/** Every message the bot created in reply to `id`, once the one with the buttons (the last) is there. */
async function answerTo(id: string): Promise<any[]> {
  await r.fake.waitFor((c) => c.method === "POST" && c.body?.components?.length > 0 && r.fake.repliesTo(id).length > 0);
  const first = r.fake.repliesTo(id)[0];
  return [...r.fake.messages.values()].filter((m) => m.channel_id === first.channel_id && BigInt(m.id) >= BigInt(first.id));
}

test("without Embed Links, the answer comes as text with its citations and buttons", async () => {
  const q = r.fake.post("What does Article 41 require of each State Party?", { where: "thread", mention: true });
  const parts = await answerTo(q.id);
  for (const m of parts) {
    expect(m.embeds).toEqual([]);
    expect(m.content.length).toBeGreaterThan(0);
    expect(m.content.length).toBeLessThanOrEqual(2000);
  }
  const text = parts.map((m) => m.content).join("\n");
  expect(text).toMatch(/Art\. 41\(\d\)/);
  expect(text).not.toMatch(/something went wrong/);
  expect(parts.at(-1).components[0].components).toHaveLength(2);
  expect(parts[0].message_reference.message_id).toBe(q.id);
});

test("without Send Messages, nothing is sent and the log says so once for the channel", async () => {
  const warn = vi.spyOn(log, "warn");
  r.fake.denySending(r.fake.generalId);
  const first = r.fake.post("What is the 24/7 network?", { mention: true });
  const second = r.fake.post("Can proceeds of crime be frozen?", { mention: true });
  // Both questions were tried: the embed, then the same as text, both refused — and no apology after them.
  await r.fake.waitFor((c) => c.method === "POST" && c.body?.message_reference?.message_id === second.id);
  const marker = r.fake.post("Where was the signing ceremony held?", { where: "thread", mention: true });
  await answerTo(marker.id);
  const refused = r.fake.calls.filter((c) => c.method === "POST" && c.path === `/channels/${r.fake.generalId}/messages`);
  // (The two questions are handled concurrently: compare in a fixed order.)
  expect(refused.map((c) => [c.body.message_reference.message_id, c.body.embeds?.length > 0]).sort()).toEqual([
    [first.id, false],
    [first.id, true],
    [second.id, false],
    [second.id, true],
  ]);
  const lines = warn.mock.calls.filter((c) => String(c[1]).includes("may not send messages in this channel"));
  expect(lines).toHaveLength(1);
  expect(lines[0][0]).toMatchObject({ channel: r.fake.generalId });
});
