/**
 * Issue 12, fault 7: an update Telegram delivers twice to the webhook (it missed the 200, or the bot
 * restarted) is answered once, also when both copies arrive at the same time. And the webhook
 * server binds to TELEGRAM_WEBHOOK_HOST.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Update } from "grammy/types";
import { startTelegramApp, type Running } from "./helpers.js";
import { acknowledgements, repliesTo } from "./field.js";

const SECRET = "dup_secret_123";
const PATH = "/hook";

let bot: Running;
beforeAll(async () => {
  bot = await startTelegramApp({
    env: { TELEGRAM_WEBHOOK_URL: `https://bot.example.org${PATH}`, TELEGRAM_WEBHOOK_PORT: "0", TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_WEBHOOK_HOST: "127.0.0.1" },
  });
});
afterAll(() => bot?.stop());

function post(update: Update) {
  const { port } = bot.telegram.webhookAddress()!;
  return fetch(`http://127.0.0.1:${port}${PATH}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
    body: JSON.stringify(update),
  });
}

test("the webhook server listens on TELEGRAM_WEBHOOK_HOST only", () => {
  expect(bot.telegram.webhookAddress()!.address).toBe("127.0.0.1");
});

test("two copies of an update arriving together are answered once", async () => {
  const { api } = bot;
  const user = api.user(17_001);
  const chat = api.privateChat(user);
  const message = api.message(user, chat, "What is the 24/7 network?");
  const update = api.update({ message });
  const statuses = await Promise.all([post(update), post(update), post(update)].map(async (r) => (await r).status));
  expect(statuses).toEqual([200, 200, 200]);
  await repliesTo(api, message);
  await settleWebhook(chat, 17_001);
  expect(api.repliesTo(message)).toHaveLength(1);
});

test("a copy delivered again after the answer was sent is not answered again", async () => {
  const { api } = bot;
  const user = api.user(17_002);
  const chat = api.privateChat(user);
  const message = api.message(user, chat, "Can proceeds of crime be frozen?");
  const update = api.update({ message });
  expect((await post(update)).status).toBe(200);
  await repliesTo(api, message);
  expect((await post(update)).status).toBe(200);
  await settleWebhook(chat, 17_002);
  expect(api.repliesTo(message)).toHaveLength(1);
});

test("a button press delivered twice is acknowledged once", async () => {
  const { api } = bot;
  const user = api.user(17_003);
  const chat = api.privateChat(user);
  const message = api.message(user, chat, "What is the 24/7 network?");
  await post(api.update({ message }));
  const [answer] = await repliesTo(api, message);
  const callback_query = { id: "dup-press-1", from: user, message: api.botMessage(chat.id, answer.messageId), chat_instance: "1", data: "legacy:1" };
  const press = api.update({ callback_query } as never);
  await Promise.all([post(press), post(press)]);
  await settleWebhook(chat, 17_003);
  expect(acknowledgements(api, "dup-press-1")).toHaveLength(1);
});

/** `settle` for webhook mode: post a marker question in the same chat and wait for its answer. */
async function settleWebhook(chat: { id: number; type: string }, userId: number) {
  const { api } = bot;
  const marker = api.message(api.user(userId), chat as never, "Where was the signing ceremony held?");
  await post(api.update({ message: marker }));
  await repliesTo(api, marker);
}

