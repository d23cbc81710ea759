/**
 * `npm start`: the bot on whatever is configured — Telegram and/or Discord when their tokens are
 * set, the terminal chat otherwise. Builds the index first if there is none. Stops gracefully on
 * SIGINT/SIGTERM (and at end of piped input in the terminal chat).
 */
import { startApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { runMain } from "../src/cli/main.js";
import { log } from "../src/log.js";

runMain(async () => {
  const app = await startApp(loadConfig());
  const stop = async (why: string) => {
    log.info({ why }, "stopping");
    await app.stop();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void stop(signal).then(() => process.exit(0)));
  }
  const ends = app.services.map((s) => s.done).filter(Boolean);
  if (ends.length) {
    await Promise.race(ends);
    await stop("end of input");
  }
});
