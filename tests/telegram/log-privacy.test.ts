/**
 * "Tokens, raw user ids and question text are never logged", on the paths that log the most:
 * Telegram refusing a call (400, 403), rate limiting it (429), failing (5xx), the network failing,
 * and a webhook POST with a wrong secret or a broken body. Logs are captured at `trace`; each case
 * first checks that the failure was logged at all (so the check has something to look at).
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from "vitest";
import type { Message } from "grammy/types";
import { FakeTelegramApi } from "../fakes/telegram-api.js";
import { captureLogs, type CapturedLogs } from "../helpers/logs.js";
import { startTelegramApp, type Running } from "./helpers.js";

// Ids long enough that no timestamp or pid in a log line contains them by chance.
const USER_ID = 730_019_457;
const GROUP_ID = -1_009_384_716_253;
const TOKEN = "987654321:LOGCHECK-token_abcdefghijklmnopqrstu";
const SECRET = "webhook-Secret_0987654321";

let api: FakeTelegramApi;
let bot: Running;
let logs: CapturedLogs;

beforeAll(async () => {
  api = await FakeTelegramApi.start({ token: TOKEN });
  bot = await startTelegramApp({ api, env: { RATE_LIMIT_PER_MIN: "0" } });
});
afterAll(async () => {
  await bot?.stop();
  await api?.close();
});
beforeEach(() => {
  logs = captureLogs();
});
afterEach(() => logs.restore());

/** Nothing private in any line logged so far. */
function expectNothingPrivate(question: string, extra: (string | number)[] = []) {
  const text = logs.lines().join("\n");
  for (const secret of [TOKEN, TOKEN.split(":")[1], String(USER_ID), String(GROUP_ID), String(-GROUP_ID), question, ...extra.map(String)]) {
    expect(text, `the logs contain ${JSON.stringify(secret)}`).not.toContain(secret);
  }
}

function askInGroup(question: string): Message {
  const user = api.user(USER_ID, { first_name: "Private Person" });
  return api.send(user, api.group(GROUP_ID), `/ask ${question}`);
}

const logged = (what: RegExp) => logs.waitFor(what);

test("400 and 403 from Telegram: logged with the method and Telegram's description only", async () => {
  const question = "Which offences cover unlawful interception of my private messages?";
  api.failNext("sendMessage", { error_code: 400, description: "Bad Request: message thread not found" });
  api.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot was kicked from the group chat" });
  const asked = askInGroup(question);
  await logged(/telegram update failed/);
  expect(logs.records(/telegram api call failed/).map((r) => r.code)).toEqual([400, 403]);
  expect(api.repliesTo(asked)).toHaveLength(0);
  expectNothingPrivate(question);
});

test("429 with retry_after, then a 502: retried, answered, and nothing private logged", async () => {
  const question = "Does the Convention let my neighbours freeze proceeds of crime?";
  api.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
  api.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" });
  const asked = askInGroup(question);
  await api.waitFor(() => api.repliesTo(asked).length > 0, 30_000, "the answer after the retries");
  expect(logs.records(/telegram api call failed/).map((r) => r.code)).toEqual([429, 502]);
  expectNothingPrivate(question);
});

test("a network error: retried, answered, and the URL with the token is not logged", async () => {
  const question = "Can my illegal access case be extradited quickly?";
  api.dropNext("sendMessage");
  const asked = askInGroup(question);
  await api.waitFor(() => api.repliesTo(asked).length > 0, 30_000, "the answer after the network error");
  const failures = logs.records(/telegram api call failed/);
  expect(failures).toHaveLength(1);
  expect(String(failures[0].err)).toMatch(/sendMessage/);
  expectNothingPrivate(question, [api.apiRoot + "/bot"]);
});

test("webhook: a wrong secret and a broken body are turned away without logging the update", async () => {
  const hooked = await startTelegramApp({
    api,
    env: { TELEGRAM_WEBHOOK_URL: "https://bot.example.org/hook", TELEGRAM_WEBHOOK_PORT: "0", TELEGRAM_WEBHOOK_SECRET: SECRET },
  });
  try {
    const question = "Is my neighbour's password sniffing an offence?";
    const user = api.user(USER_ID);
    const update = api.update({ message: api.message(user, api.group(GROUP_ID), `/ask ${question}`) });
    const post = (body: string, secret: string) =>
      fetch(`http://127.0.0.1:${hooked.telegram.webhookAddress()!.port}/hook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
        body,
      });
    expect((await post(JSON.stringify(update), "wrong-secret")).status).toBe(401);
    // A body cut short: the secret is right, the JSON is not.
    expect((await post(JSON.stringify(update).slice(0, -3), SECRET)).status).toBe(400);
    await logged(/rejected a webhook request/);
    expect(api.sent(GROUP_ID).filter((m) => m.text.includes("neighbour"))).toHaveLength(0);
    expectNothingPrivate(question, [SECRET, "wrong-secret"]);
  } finally {
    await hooked.stop();
  }
});
