/**
 * Hot index reload: when INDEX_DIR/CURRENT changes (an admin ran `npm run ingest` on the host, or a
 * `/reindex` finished), ask the facade to load the version it names. The facade swaps it in
 * between questions once it passes verification, or refuses it and keeps serving the old one;
 * either way the bot never restarts.
 *
 * Polling rather than `fs.watch`: it sees a pointer replaced by rename (how writers update it
 * atomically), works on network and container volumes, and costs one stat a second. The poll is our
 * own rather than `fs.watchFile`, whose first stat is taken asynchronously: a pointer changed in
 * between became its baseline and was never reported. Ours takes the baseline when the watch starts.
 */
import fs from "node:fs";
import path from "node:path";
import type { Service } from "../service.js";
import type { ConventionBot } from "../core/bot.js";
import { IndexDamagedError } from "../core/index/verify.js";
import { log } from "../log.js";

export const POINTER_FILE = "CURRENT";

export interface HotReloadOptions {
  /** Polling interval; default 1 s. */
  intervalMs?: number;
}

export function watchIndexPointer(bot: ConventionBot, indexDir: string, options: HotReloadOptions = {}): Service {
  const pointer = path.join(indexDir, POINTER_FILE);
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  const reload = async (): Promise<void> => {
    const before = bot.indexVersion;
    try {
      if (await bot.reload()) log.info({ from: before, to: bot.indexVersion }, "index reloaded");
    } catch (err) {
      // One line naming the version, the file and the reason; the old version keeps serving.
      const serving = bot.indexVersion;
      if (err instanceof IndexDamagedError) {
        log.error({ version: err.version, file: err.file, reason: err.reason, serving }, `index version ${err.version} refused (${err.file}: ${err.reason}); still serving ${serving}`);
      } else {
        log.error({ err: (err as Error).message, serving }, `new index version failed to load; still serving ${serving}`);
      }
    }
  };

  // Changes that arrive while a reload runs are folded into one more reload after it.
  const trigger = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await reload();
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
  };

  const stamp = (st: fs.Stats | undefined): string => (st ? `${st.ino}:${st.mtimeMs}:${st.size}` : "missing");
  let last = stamp(fs.statSync(pointer, { throwIfNoEntry: false }));
  const poll = setInterval(() => {
    fs.stat(pointer, (err, st) => {
      if (stopped) return;
      const now = stamp(err ? undefined : st);
      if (now === last) return;
      last = now;
      trigger();
    });
  }, options.intervalMs ?? 1000);
  poll.unref();
  return {
    name: "hot-reload",
    ready: () => !stopped,
    stop: async () => {
      stopped = true;
      clearInterval(poll);
      await running;
    },
  };
}
