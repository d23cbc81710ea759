/**
 * Admin /reindex: progress in one message that becomes the summary; `dry` and `force`; the bot
 * keeps answering — in other chats and in the admin's own — while a rebuild is under way.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Message } from "grammy/types";
import type { ReindexOptions, ReindexSummary } from "../../src/core/bot.js";
import { ADMIN_ID, gate, startTelegramApp, type Running } from "./helpers.js";

let bot: Running;
const summaries: ReindexSummary[] = [];
beforeAll(async () => {
  bot = await startTelegramApp({ ownIndex: true });
  bot.core.on("reindexed", (s) => summaries.push(s));
});
afterAll(() => bot?.stop());

function replies(message: Message) {
  return bot.api.waitFor(() => bot.api.repliesTo(message).length > 0 && bot.api.repliesTo(message), 20_000, `a reply to "${message.text}"`);
}

/** The status message's text once an edit made it match `pattern`. */
function statusText(messageId: number, chatId: number, pattern: RegExp) {
  return bot.api.waitFor(() => {
    const text = bot.api.botMessage(chatId, messageId).text ?? "";
    return pattern.test(text) && text;
  }, 60_000, `the status message to match ${pattern}`);
}

test("/reindex dry reports the diff and writes nothing", async () => {
  const { api, core } = bot;
  const admin = api.user(ADMIN_ID);
  const version = core.indexVersion;
  const [status] = await replies(api.send(admin, api.privateChat(admin), "/reindex dry"));
  expect(status.text).toBe("Checking what a reindex would change…");
  const text = await statusText(status.messageId, admin.id, /Dry run/);
  const summary = summaries.at(-1)!;
  expect(summary.outcome).toBe("dry-run");
  expect(text).toContain(`Documents: ${summary.documents}, articles: ${summary.articles}, chunks: ${summary.chunks}`);
  expect(summary.articles).toBe(68);
  expect(text).toContain(`Version: ${summary.version}`);
  expect(core.indexVersion).toBe(version);
});

test("/reindex force rebuilds while questions keep being answered, then shows the summary", async () => {
  const { api, core } = bot;
  const admin = api.user(ADMIN_ID);
  const adminChat = api.privateChat(admin);
  // Hold the rebuild until the test has seen questions answered meanwhile.
  const held = gate();
  const reindex = core.reindex.bind(core);
  const calls: ReindexOptions[] = [];
  core.reindex = async (options?: ReindexOptions) => {
    calls.push(options ?? {});
    await held.promise;
    return reindex(options);
  };
  try {
    const [status] = await replies(api.send(admin, adminChat, "/reindex force"));
    expect(status.text).toBe("Rebuilding the index (forced)…");

    const user = api.user(6001);
    const [elsewhere] = await replies(api.send(user, api.privateChat(user), "What is the 24/7 network?"));
    expect(elsewhere.text).toContain("Art. 41");
    const [ownChat] = await replies(api.send(admin, adminChat, "Where was the signing ceremony held?"));
    expect(ownChat.keyboard).toBeDefined();
    const [busy] = await replies(api.send(admin, adminChat, "/reindex"));
    expect(busy.text).toMatch(/already running/);
    expect(calls).toEqual([{ dryRun: false, force: true, onProgress: expect.any(Function) }]);

    held.open();
    const text = await statusText(status.messageId, admin.id, /New index built/);
    const summary = summaries.at(-1)!;
    expect(summary.outcome).toBe("built");
    expect(text).toContain(`Documents: ${summary.documents}, articles: 68, chunks: ${summary.chunks}, time: ${summary.seconds.toFixed(1)} s`);
    expect(text).toContain(`Version: ${summary.version}`);
    expect(core.indexVersion).toBe(summary.version);

    const [after] = await replies(api.send(user, api.privateChat(user), "What is the 24/7 network?"));
    expect(after.text).toContain("Art. 41");
  } finally {
    held.open();
    core.reindex = reindex;
  }
});

test("/reindex with an unknown option explains the options", async () => {
  const { api } = bot;
  const admin = api.user(ADMIN_ID);
  const [usage] = await replies(api.send(admin, api.privateChat(admin), "/reindex everything"));
  expect(usage.text).toMatch(/\/reindex dry.*\/reindex force/);
});
