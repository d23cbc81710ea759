/**
 * Waiting for the Telegram Bot API before starting the adapter. The adapter's client retries network
 * errors silently with growing waits (grammY's auto-retry, right for sending answers), so at start a
 * plain client asks `getMe` first, under `withRetries`, which logs each failed attempt. Any answer
 * from Telegram, even a refusal, means it is reachable: the adapter then reports a bad token itself.
 */
import { Api, GrammyError } from "grammy";
import type { Config } from "../config.js";
import { withRetries, type RetryInfo } from "./retry.js";

export async function waitForTelegram(config: Config, options: { signal?: AbortSignal; onRetry?: (info: RetryInfo) => void } = {}): Promise<void> {
  const token = config.TELEGRAM_BOT_TOKEN!;
  const api = new Api(token, config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : undefined);
  const answered = (err: unknown) => err instanceof GrammyError && err.error_code < 500 && err.error_code !== 429;
  await withRetries(
    async () => {
      try {
        await api.getMe(options.signal as Parameters<Api["getMe"]>[0]);
      } catch (err) {
        if (!answered(err)) throw err;
      }
    },
    { name: "Telegram", permanent: () => false, onRetry: options.onRetry, signal: options.signal, secrets: [token] },
  );
}
