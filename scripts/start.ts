/**
 * `npm start`: the bot on whatever is configured — Telegram and/or Discord when their tokens are
 * set, the terminal chat otherwise. Builds the index first if there is none. Stops gracefully on
 * SIGINT/SIGTERM (and at end of piped input in the terminal chat), within STOP_TIMEOUT_SECONDS.
 */
import { runsTerminalChat, startApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { commandLine, type CommandSpec } from "../src/cli/args.js";
import { runMain } from "../src/cli/main.js";
import { log } from "../src/log.js";
import { boundedStop } from "../src/shutdown.js";
import { chatLogLevel } from "../src/terminal/logs.js";

const START: CommandSpec = {
  usage: ["npm start", "printf 'What is illegal access?\\n' | npm start"],
  summary:
    "Run the bot: Telegram and/or Discord when TELEGRAM_BOT_TOKEN / DISCORD_BOT_TOKEN are set, otherwise a chat in this terminal (piped input is answered line by line). Builds the index first if there is none. Settings come from the environment or .env (see .env.example).",
  options: {},
};

runMain(async () => {
  commandLine(START);
  const config = loadConfig();
  if (runsTerminalChat(config)) log.level = chatLogLevel(config.LOG_LEVEL, Boolean(process.stderr.isTTY));
  const app = await startApp(config);
  const stop = boundedStop(app, { timeoutMs: config.STOP_TIMEOUT_SECONDS * 1000 });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stop(signal));
  log.info({ services: app.services.map((s) => s.name) }, "started");
  const ends = app.services.map((s) => s.done).filter(Boolean);
  if (ends.length) {
    await Promise.race(ends);
    stop("end of input");
  }
});
