/**
 * Webhook mode (TELEGRAM_WEBHOOK_URL): the bot registers its webhook with the secret, accepts
 * POSTs carrying that secret only, acknowledges each update without waiting for the answer (so
 * Telegram never times out and redelivers it), and answers it exactly once.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Message, Update } from "grammy/types";
import type { AnswerOptions } from "../../src/core/bot.js";
import { gate, startTelegramApp, type Running } from "./helpers.js";

const SECRET = "s3cret_Token-123";
const URL_PATH = "/telegram/hook";

let bot: Running;
beforeAll(async () => {
  bot = await startTelegramApp({
    env: { TELEGRAM_WEBHOOK_URL: `https://bot.example.org${URL_PATH}`, TELEGRAM_WEBHOOK_PORT: "0", TELEGRAM_WEBHOOK_SECRET: SECRET },
  });
});
afterAll(() => bot?.stop());

function post(update: Update | string, secret?: string, path = URL_PATH) {
  const { port } = bot.telegram.webhookAddress()!;
  return fetch(`http://127.0.0.1:${port}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
    body: typeof update === "string" ? update : JSON.stringify(update),
  });
}

function replies(message: Message) {
  return bot.api.waitFor(() => bot.api.repliesTo(message).length > 0 && bot.api.repliesTo(message), 20_000, `a reply to "${message.text}"`);
}

test("the webhook is registered with the secret, and no polling happens", () => {
  expect(bot.api.webhook).toEqual({ url: `https://bot.example.org${URL_PATH}`, secret_token: SECRET, allowed_updates: ["message", "callback_query", "inline_query"] });
  expect(bot.api.callsOf("getUpdates")).toHaveLength(0);
  expect(bot.api.callsOf("deleteWebhook")).toHaveLength(0);
  expect(bot.telegram.ready()).toBe(true);
});

test("a POST without the secret, or with a wrong one, is refused and never answered", async () => {
  const { api } = bot;
  const user = api.user(7001);
  const chat = api.privateChat(user);
  const unsigned = api.message(user, chat, "What is the 24/7 network?");
  expect((await post(api.update({ message: unsigned }))).status).toBe(401);
  const forged = api.message(user, chat, "Where was the signing ceremony held?");
  expect((await post(api.update({ message: forged }), "not-the-secret")).status).toBe(401);

  const signed = api.message(user, chat, "Can proceeds of crime be frozen?");
  expect((await post(api.update({ message: signed }), SECRET)).status).toBe(200);
  const [reply, ...more] = await replies(signed);
  expect(more).toHaveLength(0);
  expect(reply.text).toContain("Art. 31");
  expect(api.repliesTo(unsigned)).toHaveLength(0);
  expect(api.repliesTo(forged)).toHaveLength(0);
});

test("the update is acknowledged before it is answered, and answered exactly once", async () => {
  const { api, core } = bot;
  const held = gate();
  const answer = core.answer.bind(core);
  core.answer = async (question: string, options?: AnswerOptions) => {
    await held.promise;
    return answer(question, options);
  };
  try {
    const user = api.user(7002);
    const asked = api.message(user, api.privateChat(user), "What is the 24/7 network?");
    // The answer is held, yet Telegram gets its 200 now.
    const res = await post(api.update({ message: asked }), SECRET);
    expect(res.status).toBe(200);
    expect(api.repliesTo(asked)).toHaveLength(0);
    held.open();
    const [reply, ...more] = await replies(asked);
    expect(more).toHaveLength(0);
    expect(reply.text).toContain("Art. 41");
  } finally {
    held.open();
    core.answer = answer;
  }
});

test("other paths, other methods and broken bodies are turned away", async () => {
  const { port } = bot.telegram.webhookAddress()!;
  expect((await fetch(`http://127.0.0.1:${port}${URL_PATH}`)).status).toBe(404);
  expect((await post(bot.api.update({ message: bot.api.message(bot.api.user(7003), bot.api.privateChat(bot.api.user(7003)), "hi") }), SECRET, "/other")).status).toBe(404);
  expect((await post("{not json", SECRET)).status).toBe(400);
});

test("stopping closes the server and leaves the webhook registered", async () => {
  const { port } = bot.telegram.webhookAddress()!;
  await bot.telegram.stop();
  expect(bot.api.webhook?.url).toBe(`https://bot.example.org${URL_PATH}`);
  await expect(fetch(`http://127.0.0.1:${port}${URL_PATH}`, { method: "POST" })).rejects.toThrow();
});
