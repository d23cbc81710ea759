/**
 * The Telegram adapter: `startTelegram` connects the facade to Telegram by long polling, or by
 * webhook when TELEGRAM_WEBHOOK_URL is set, and returns a `Service` the app can stop gracefully.
 */
import type { AddressInfo } from "node:net";
import type { Service } from "../service.js";
import type { Config } from "../config.js";
import type { ConventionBot } from "../core/bot.js";
import { log, scrubSecrets } from "../log.js";
import { createTelegramBot, type TelegramOptions } from "./bot.js";
import { publishCommands } from "./commands/index.js";
import { startPolling } from "./polling.js";
import type { Transport } from "./transport.js";
import { startWebhook } from "./webhook.js";

export interface TelegramService extends Service {
  /** Where the webhook server listens (webhook mode only). */
  webhookAddress(): AddressInfo | undefined;
}

export async function startTelegram(core: ConventionBot, config: Config, opts: TelegramOptions = {}): Promise<TelegramService> {
  const telegram = createTelegramBot(core, config, opts);
  const { bot } = telegram;
  try {
    await bot.init();
  } catch (err) {
    // The token is part of every API URL: make sure it never reaches a log or an error message.
    throw new Error(`Telegram: cannot reach the Bot API (${scrubSecrets((err as Error).message, [bot.token])})`);
  }
  await publishCommands(bot.api, config);
  const url = config.TELEGRAM_WEBHOOK_URL;
  const transport: Transport & { address?: () => AddressInfo } = url
    ? await startWebhook(telegram, config, url)
    : await startPolling(telegram);
  log.info({ mode: transport.mode, username: bot.botInfo.username }, "telegram bot started");
  return {
    name: "telegram",
    ready: () => transport.ready(),
    stop: () => transport.stop(),
    webhookAddress: () => transport.address?.(),
  };
}
