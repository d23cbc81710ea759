/** Starting the adapter: a token the Bot API rejects fails the start clearly, without showing the token. */
import { afterAll, beforeAll, expect, test } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createBot, type ConventionBot } from "../../src/core/bot.js";
import { startTelegram } from "../../src/telegram/index.js";
import { FakeTelegramApi } from "../fakes/telegram-api.js";
import { testEnv } from "../helpers/env.js";

let api: FakeTelegramApi;
let core: ConventionBot;
beforeAll(async () => {
  api = await FakeTelegramApi.start();
  core = await createBot(loadConfig(testEnv()), { buildIfMissing: false });
});
afterAll(async () => {
  await core?.close();
  await api?.close();
});

const WRONG = "987654321:AAwrongTokenwrongTokenwrongToken_123";

test("a token the Bot API rejects stops the start with a message that does not contain it", async () => {
  const config = loadConfig(testEnv({ env: { TELEGRAM_BOT_TOKEN: WRONG, TELEGRAM_API_ROOT: api.apiRoot } }));
  const error = await startTelegram(core, config).then(() => null, (err: Error) => err);
  expect(error?.message).toMatch(/cannot reach the Bot API.*401/);
  expect(error?.message).not.toContain(WRONG);
  expect(error?.message).not.toContain("wrongToken");
});
