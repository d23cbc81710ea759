/**
 * Operations for a long-running bot, started by the composition root once the bot exists:
 * metrics from the facade's events, the health endpoint (when HEALTH_PORT is set), hot index
 * reload and the daily retention purge. Each comes back as a Service the app stops on shutdown.
 */
import type { Registry } from "prom-client";
import type { Service } from "../service.js";
import type { Config } from "../config.js";
import type { ConventionBot } from "../core/bot.js";
import { startHealth, type HealthService } from "./health.js";
import { watchIndexPointer } from "./hot-reload.js";
import { BotMetrics } from "./metrics.js";
import { startRetention } from "./retention.js";
import { countStoreDrops } from "./store-metrics.js";
import type { Store } from "./store.js";

export { openStore, type Store } from "./store.js";

/** Loopback unless HEALTH_HOST says otherwise: metrics are not for the whole network by default. */
export const DEFAULT_HEALTH_HOST = "127.0.0.1";

export interface OpsOptions {
  /** The registry an already running health endpoint serves (then `health` is that endpoint). */
  registry?: Registry;
  /** A health endpoint the app started early: not started again, not returned. */
  health?: HealthService;
}

export async function startOps(
  bot: ConventionBot,
  config: Config,
  store: Store,
  getServices: () => readonly Service[],
  options: OpsOptions = {},
): Promise<Service[]> {
  const metrics = new BotMetrics(bot, options.registry);
  const detachStore = countStoreDrops(store, metrics.registry);
  let counting = true;
  const services: Service[] = [
    {
      name: "metrics",
      ready: () => counting,
      stop: async () => {
        counting = false;
        metrics.detach();
        detachStore();
      },
    },
  ];
  if (config.HEALTH_PORT !== undefined && !options.health) {
    try {
      services.push(
        await startHealth({
          port: config.HEALTH_PORT,
          host: config.HEALTH_HOST ?? DEFAULT_HEALTH_HOST,
          registry: metrics.registry,
          probe: { bot: () => bot, services: getServices },
        }),
      );
    } catch (err) {
      metrics.detach();
      detachStore();
      throw err;
    }
  }
  services.push(watchIndexPointer(bot, config.indexDir));
  services.push(startRetention(store));
  return services;
}
