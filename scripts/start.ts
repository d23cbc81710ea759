/**
 * `npm start`: the bot on whatever is configured — Telegram and/or Discord when their tokens are
 * set, the terminal chat otherwise. Builds the index first if there is none. Stops gracefully on
 * SIGINT/SIGTERM (and at end of piped input in the terminal chat).
 */
import { runsTerminalChat, startApp, type App } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { commandLine, type CommandSpec } from "../src/cli/args.js";
import { runMain } from "../src/cli/main.js";
import { log } from "../src/log.js";
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
  // Signals are taken from the start: one that arrives while the app starts stops it once it is up.
  let app: App | undefined;
  let early: string | undefined;
  const stop = async (why: string) => {
    log.info({ why }, "stopping");
    await app?.stop();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      if (app) void stop(signal).then(() => process.exit(0));
      else early ??= signal;
    });
  }
  app = await startApp(config);
  log.info({ services: app.services.map((s) => s.name) }, "running");
  if (early) {
    await stop(early);
    process.exit(0);
  }
  const ends = app.services.map((s) => s.done).filter(Boolean);
  if (ends.length) {
    await Promise.race(ends);
    await stop("end of input");
  }
});
