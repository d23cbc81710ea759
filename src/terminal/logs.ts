/**
 * Log lines and the terminal chat: both would write to the same terminal, and a log line lands in
 * the middle of an answer or on the prompt line. So while the chat shares a terminal with stderr,
 * logs are off unless LOG_LEVEL (environment or `.env`) asks for them; with stderr redirected
 * (`npm start 2>bot.log`) or piped, they keep the usual default, info.
 */
import type { LogLevel } from "../log-levels.js";

export function chatLogLevel(configured: LogLevel | undefined, stderrIsTerminal: boolean): LogLevel {
  return configured ?? (stderrIsTerminal ? "silent" : "info");
}
