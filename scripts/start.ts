/**
 * `npm start`: the bot on whatever is configured — Telegram and/or Discord when their tokens are
 * set, the terminal chat otherwise. Builds the index first if there is none. Stops gracefully on
 * SIGINT/SIGTERM within STOP_TIMEOUT_SECONDS (a signal during startup gives up a platform still
 * being retried, and stops the app once it is up), and at end of piped input in the terminal chat.
 */
import { runsTerminalChat, startApp, type App } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { commandLine, type CommandSpec } from "../src/cli/args.js";
import { runMain } from "../src/cli/main.js";
import { log, scrubSecrets } from "../src/log.js";
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
  // Last line of defence: a promise some handler forgot to await must not end a bot that is answering
  // everyone else. Every surface catches its own failures; this only logs what slipped through.
  process.on("unhandledRejection", (err) => {
    log.error({ err: scrubSecrets((err as Error)?.message ?? String(err), [config.TELEGRAM_BOT_TOKEN, config.DISCORD_BOT_TOKEN]) }, "unhandled rejection (the bot keeps running)");
  });
  // Signals are taken from the start: one that arrives while the app starts gives up the platforms
  // still being retried, and stops the app once it is up.
  const starting = new AbortController();
  let stop: ((why: string) => void) | undefined;
  let early: string | undefined;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stop) return stop(signal);
      early ??= signal;
      starting.abort();
    });
  }
  let app: App;
  try {
    app = await startApp(config, { signal: starting.signal });
  } catch (err) {
    if (!early) throw err;
    log.info({ why: early }, "stopped during startup");
    process.exit(0);
  }
  stop = boundedStop(app, { timeoutMs: config.STOP_TIMEOUT_SECONDS * 1000 });
  log.info({ services: app.services.map((s) => s.name) }, "started");
  if (early) return stop(early);
  const ends = app.services.map((s) => s.done).filter(Boolean);
  if (ends.length) {
    await Promise.race(ends);
    stop("end of input");
  }
});
