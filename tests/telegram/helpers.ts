/**
 * Starts the Telegram bot against a fresh fake Bot API: by default the way `npm start` does
 * (`startApp(loadConfig(env))`, with the prebuilt test index and a fresh DATA_DIR), or — for tests
 * that need a facade built with particular options — `createBot` + `startTelegram` directly.
 */
import fs from "node:fs";
import { startApp, type App } from "../../src/app.js";
import { loadConfig, type Config } from "../../src/config.js";
import { createBot, type ConventionBot, type CreateBotOptions } from "../../src/core/bot.js";
import { startTelegram, type TelegramService } from "../../src/telegram/index.js";
import { FakeTelegramApi } from "../fakes/telegram-api.js";
import { testEnv } from "../helpers/env.js";

export const ADMIN_ID = 4242;

export interface Running {
  api: FakeTelegramApi;
  core: ConventionBot;
  telegram: TelegramService;
  config: Config;
  app?: App;
  stop(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  ownIndex?: boolean;
  /** Build the facade with these options and start only the Telegram adapter (not the whole app). */
  facade?: CreateBotOptions;
  /** Talk to this fake Bot API (left running on stop) instead of a fresh one. */
  api?: FakeTelegramApi;
}

export async function startTelegramApp(opts: StartOptions = {}): Promise<Running> {
  const ownApi = !opts.api;
  const api = opts.api ?? (await FakeTelegramApi.start());
  const env = testEnv({
    ownIndex: opts.ownIndex,
    env: { TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, TELEGRAM_ADMIN_IDS: String(ADMIN_ID), ...opts.env },
  });
  const config = loadConfig(env);
  try {
    if (opts.facade) {
      const core = await createBot(config, { buildIfMissing: false, ...opts.facade });
      const telegram = await startTelegram(core, config);
      return finish({ api, core, telegram, config }, ownApi, async () => {
        await telegram.stop();
        await core.close();
      });
    }
    const app = await startApp(config, { terminal: false });
    const telegram = app.services.find((s) => s.name === "telegram") as TelegramService;
    return finish({ api, core: app.bot, telegram, config, app }, ownApi, () => app.stop());
  } catch (err) {
    if (ownApi) await api.close();
    throw err;
  }
}

function finish(running: Omit<Running, "stop">, ownApi: boolean, stopBot: () => Promise<void>): Running {
  let stopping: Promise<void> | undefined;
  return {
    ...running,
    stop: () =>
      (stopping ??= (async () => {
        await stopBot();
        if (ownApi) await running.api.close();
        fs.rmSync(running.config.dataDir, { recursive: true, force: true });
      })()),
  };
}

/** A promise with its resolver, to hold a facade call until the test lets it go. */
export function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}
