/**
 * Retention: the store purges expired rows when it opens; a bot that runs for months also needs
 * the purge to happen while it runs, so this repeats it daily. The timer is unref'd: it never
 * keeps a stopping process alive.
 */
import type { Service } from "../service.js";
import type { Store } from "./store.js";

const DAY_MS = 86_400_000;

export function startRetention(store: Pick<Store, "purge">, intervalMs: number = DAY_MS): Service {
  const timer = setInterval(() => store.purge(), intervalMs);
  timer.unref();
  let running = true;
  return {
    name: "retention",
    ready: () => running,
    stop: async () => {
      running = false;
      clearInterval(timer);
    },
  };
}
