/**
 * Composition root: what `npm start` runs. Loads the index (building it when missing), plugs in the
 * operations store, then starts each platform whose token is set, or the terminal chat when none is.
 * This is the only module that knows every adapter; adapters never import one another.
 */
import type { Config } from "./config.js";
import { createBot, type ConventionBot } from "./core/bot.js";
import { log } from "./log.js";
import type { Service } from "./service.js";

export type { Service };

export interface App {
  bot: ConventionBot;
  services: Service[];
  stop(): Promise<void>;
  /** What a stop under way is still waiting for (service names, "index", "store"). */
  stopping(): string[];
}

/** With no platform token, `npm start` is the terminal chat. */
export function runsTerminalChat(config: Config): boolean {
  return !config.TELEGRAM_BOT_TOKEN && !config.DISCORD_BOT_TOKEN;
}

export async function startApp(config: Config, opts: { terminal?: boolean } = {}): Promise<App> {
  const { openStore } = await import("./ops/store.js");
  const store = openStore(config);
  const bot = await createBot(config, { recorder: store });
  const services: Service[] = [];
  if (config.TELEGRAM_BOT_TOKEN) {
    const { startTelegram } = await import("./telegram/index.js");
    services.push(await startTelegram(bot, config));
  }
  if (config.DISCORD_BOT_TOKEN) {
    const { startDiscord } = await import("./discord/index.js");
    services.push(await startDiscord(bot, config));
  }
  const { startOps } = await import("./ops/index.js");
  services.push(...(await startOps(bot, config, store, () => services)));
  if (runsTerminalChat(config) && opts.terminal !== false) {
    const { startTerminal } = await import("./terminal/index.js");
    services.push(await startTerminal(bot, config));
  }
  let stopping: Promise<void> | undefined;
  const pending = new Set<string>();
  /** Run one part of the stop, named while it runs. */
  const part = async (name: string, work: () => unknown) => {
    pending.add(name);
    try {
      await work();
    } catch (err) {
      log.warn({ service: name, err: (err as Error).message }, "service did not stop cleanly");
    } finally {
      pending.delete(name);
    }
  };
  const stop = () =>
    (stopping ??= (async () => {
      // All at once: one service that never stops must not keep the others from stopping.
      await Promise.all([...services].reverse().map((s) => part(s.name, () => s.stop())));
      await part("index", () => bot.close());
      await part("store", () => store.close());
    })());
  return { bot, services, stop, stopping: () => [...pending] };
}
