/**
 * Long polling through grammY's runner: updates of different chats are handled concurrently
 * (the per-chat order is kept by `sequentialize` in the middleware). The runner does not confirm
 * the last offset when it stops, so we do, or a restart would answer the last batch again.
 */
import { run } from "@grammyjs/runner";
import { log, scrubSecrets } from "../log.js";
import { ALLOWED_UPDATES, type TelegramBot } from "./bot.js";
import { STOP_GRACE_MS, type Transport } from "./transport.js";

export async function startPolling({ bot, tasks, lastUpdateId }: TelegramBot): Promise<Transport> {
  // A webhook left over from an earlier deployment would make getUpdates fail with 409.
  await bot.api.deleteWebhook();
  const runner = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES }, silent: true } });
  runner.task()?.catch((err: Error) => log.error({ err: scrubSecrets(err.message, [bot.token]) }, "telegram polling stopped"));
  let stopping: Promise<void> | undefined;
  return {
    mode: "polling",
    ready: () => runner.isRunning(),
    stop: () =>
      (stopping ??= (async () => {
        if (runner.isRunning()) await runner.stop();
        if (!(await tasks.drain(STOP_GRACE_MS))) log.warn({ inFlight: tasks.size }, "stopped with answers still in flight");
        const last = lastUpdateId();
        if (last >= 0) {
          await bot.api.getUpdates({ offset: last + 1, limit: 1, timeout: 0 }).catch((err: Error) =>
            log.warn({ err: scrubSecrets(err.message, [bot.token]) }, "could not confirm the last update"),
          );
        }
      })()),
  };
}
