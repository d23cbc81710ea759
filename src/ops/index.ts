/**
 * Operations for a long-running bot, started by the composition root once the bot exists:
 * metrics from the facade's events, the health endpoint (when HEALTH_PORT is set), hot index
 * reload and the daily retention purge. Each comes back as a Service the app stops on shutdown.
 */
import type { Service } from "../service.js";
import type { Config } from "../config.js";
import type { ConventionBot } from "../core/bot.js";
import { startHealth } from "./health.js";
import { watchIndexPointer } from "./hot-reload.js";
import { BotMetrics } from "./metrics.js";
import { startRetention } from "./retention.js";
import type { Store } from "./store.js";

export { openStore, type Store } from "./store.js";

/** Loopback unless HEALTH_HOST says otherwise: metrics are not for the whole network by default. */
export const DEFAULT_HEALTH_HOST = "127.0.0.1";

export async function startOps(
  bot: ConventionBot,
  config: Config,
  store: Store,
  getServices: () => readonly Service[],
): Promise<Service[]> {
  const metrics = new BotMetrics(bot);
  let counting = true;
  const services: Service[] = [
    {
      name: "metrics",
      ready: () => counting,
      stop: async () => {
        counting = false;
        metrics.detach();
      },
    },
  ];
  if (config.HEALTH_PORT !== undefined) {
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
      throw err;
    }
  }
  services.push(watchIndexPointer(bot, config.indexDir));
  services.push(startRetention(store));
  return services;
}
