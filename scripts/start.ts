/**
 * `npm start`: the bot on whatever is configured — Telegram and/or Discord when their tokens are
 * set, the terminal chat otherwise. Builds the index first if there is none. Stops gracefully on
 * SIGINT/SIGTERM (during startup too: a platform still being retried is given up) and at end of
 * piped input in the terminal chat.
 */
import { runsTerminalChat, startApp, type App } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { commandLine, type CommandSpec } from "../src/cli/args.js";
import { runMain } from "../src/cli/main.js";
import { log, scrubSecrets } from "../src/log.js";
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
  // Last line of defence: a promise some handler forgot to await must not end a bot that is answering
  // everyone else. Every surface catches its own failures; this only logs what slipped through.
  process.on("unhandledRejection", (err) => {
    log.error({ err: scrubSecrets((err as Error)?.message ?? String(err), [config.TELEGRAM_BOT_TOKEN, config.DISCORD_BOT_TOKEN]) }, "unhandled rejection (the bot keeps running)");
  });
  const starting = new AbortController();
  let app: App | undefined;
  const stop = async (why: string) => {
    log.info({ why }, "stopping");
    starting.abort();
    await app?.stop();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void stop(signal).then(() => process.exit(0)));
  }
  app = await startApp(config, { signal: starting.signal });
  const ends = app.services.map((s) => s.done).filter(Boolean);
  if (ends.length) {
    await Promise.race(ends);
    await stop("end of input");
  }
});
