/**
 * The one logger: structured JSON (pino) to stderr, pretty when stderr is a TTY. stdout is left
 * to what commands are asked to print. Tokens are redacted wherever they could appear.
 *
 * It is created when this module is first imported, before any config exists, so it reads `.env`
 * itself (loadDotEnv) to see a LOG_LEVEL set there.
 */
import pino, { type Logger } from "pino";
import { loadDotEnv } from "./env.js";
import { isLogLevel, type LogLevel } from "./log-levels.js";

export type { Logger };

const redact = {
  paths: ["token", "*.token", "config.TELEGRAM_BOT_TOKEN", "config.DISCORD_BOT_TOKEN", "headers.authorization", "*.headers.authorization"],
  censor: "[redacted]",
};

/** LOG_LEVEL from the environment or `.env`; an invalid value means info here, and loadConfig reports it. */
export function configuredLevel(env: NodeJS.ProcessEnv = loadDotEnv()): LogLevel | undefined {
  return isLogLevel(env.LOG_LEVEL) ? env.LOG_LEVEL : undefined;
}

export function createLogger(level: string = configuredLevel() ?? "info"): Logger {
  const pretty = process.stderr.isTTY && !process.env.CI;
  if (pretty) {
    return pino({ level, redact }, pino.transport({ target: "pino-pretty", options: { destination: 2, colorize: true } }));
  }
  return pino({ level, redact }, pino.destination({ dest: 2, sync: true }));
}

/** Remove anything that looks like a bot token from a string before it is logged or shown. */
export function scrubSecrets(text: string, secrets: (string | undefined)[] = []): string {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join("[redacted]");
  // Telegram tokens (123456:ABC...) and Discord tokens (three base64url parts).
  return out
    .replace(/\b\d{6,}:[A-Za-z0-9_-]{30,}\b/g, "[redacted]")
    .replace(/\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}\b/g, "[redacted]");
}

export const log: Logger = createLogger();
