/**
 * Composition root: what `npm start` runs. The order is what an orchestrator sees:
 *
 * 1. the health endpoint (when HEALTH_PORT is set), so `/healthz` answers from the first second and
 *    `/readyz` says what startup is doing;
 * 2. the operations store and the index — CURRENT's version, or an intact older one when it is
 *    damaged (rebuilt in the background), or a fresh build (waiting for another process's build);
 * 3. each platform whose token is set, connecting in parallel and retrying while unreachable;
 * 4. operations (metrics, hot reload, retention), and the terminal chat when no platform is set.
 *
 * This is the only module that knows every adapter; adapters never import one another.
 */
import { Registry } from "prom-client";
import type { Config } from "./config.js";
import { createBot, type ConventionBot } from "./core/bot.js";
import { log, scrubSecrets } from "./log.js";
import type { HealthService } from "./ops/health.js";
import type { Store } from "./ops/store.js";
import type { Service } from "./service.js";
import { StartupPhases } from "./startup/phases.js";
import { repairInBackground } from "./startup/repair.js";
import { connectingReason, withRetries, type RetryInfo } from "./startup/retry.js";

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

export interface StartOptions {
  /** Open the terminal chat when no platform token is set (default true). */
  terminal?: boolean;
  /** Abort a start that is still connecting (SIGINT/SIGTERM during startup). */
  signal?: AbortSignal;
}

/** Discord errors retrying cannot fix: a rejected token or intents. Anything else (network, 5xx) is retried. */
const DISCORD_PERMANENT = /invalid token|TokenInvalid|\b401\b|\b403\b|Unauthorized|disallowed intents|\b4004\b|\b4014\b/i;

export async function startApp(config: Config, opts: StartOptions = {}): Promise<App> {
  const phases = new StartupPhases();
  const registry = new Registry();
  const services: Service[] = [];
  const aborted = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, aborted.signal]) : aborted.signal;
  let bot: ConventionBot | undefined;
  let store: Store | undefined;
  let health: HealthService | undefined;

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
      aborted.abort();
      // All at once: one service that never stops must not keep the others from stopping.
      await Promise.all([...services].reverse().map((s) => part(s.name, () => s.stop())));
      await part("index", () => bot?.close());
      await part("store", () => store?.close());
    })());

  try {
    if (config.HEALTH_PORT !== undefined) {
      const { startHealth } = await import("./ops/health.js");
      const { DEFAULT_HEALTH_HOST } = await import("./ops/index.js");
      health = await startHealth({
        port: config.HEALTH_PORT,
        host: config.HEALTH_HOST ?? DEFAULT_HEALTH_HOST,
        registry,
        probe: { bot: () => bot, services: () => services, starting: () => phases.current() },
      });
      services.push(health);
    }
    phases.set("index", "loading index");
    const { openStore } = await import("./ops/store.js");
    store = openStore(config);
    bot = await createBot(config, { recorder: store, onPhase: (phase) => phases.set("index", phase) });
    phases.done("index");
    repairInBackground(bot);

    const core = bot;
    const connecting: Promise<void>[] = [];
    if (config.TELEGRAM_BOT_TOKEN) {
      connecting.push(
        connect("telegram", "Telegram", async (onRetry) => {
          const { waitForTelegram } = await import("./startup/telegram.js");
          await waitForTelegram(config, { signal, onRetry });
          const { startTelegram } = await import("./telegram/index.js");
          return startTelegram(core, config);
        }),
      );
    }
    if (config.DISCORD_BOT_TOKEN) {
      connecting.push(
        connect("discord", "Discord", async (onRetry) => {
          const { startDiscord } = await import("./discord/index.js");
          return withRetries(() => startDiscord(core, config), {
            name: "Discord",
            permanent: (err) => DISCORD_PERMANENT.test((err as Error)?.message ?? ""),
            onRetry,
            signal,
            secrets: [config.DISCORD_BOT_TOKEN],
          });
        }),
      );
    }
    await Promise.all(connecting);

    const { startOps } = await import("./ops/index.js");
    services.push(...(await startOps(bot, config, store, () => services, { registry, health })));
    if (runsTerminalChat(config) && opts.terminal !== false) {
      const { startTerminal } = await import("./terminal/index.js");
      services.push(await startTerminal(bot, config));
    }
  } catch (err) {
    // Whatever started is stopped, so a failed start ends the process instead of leaving a server up.
    await stop();
    throw err;
  }
  return { bot, services, stop, stopping: () => [...pending] };

  /** Start one platform with its readiness reason kept current; its service joins the list once connected. */
  async function connect(step: string, name: string, start: (onRetry: (info: RetryInfo) => void) => Promise<Service>): Promise<void> {
    phases.set(step, connectingReason(name));
    try {
      const service = await start((info) => phases.set(step, connectingReason(name, info)));
      if (stopping) await service.stop();
      else services.push(service);
      phases.done(step);
    } catch (err) {
      aborted.abort(); // the other platforms stop retrying: the start has failed
      throw new Error(scrubSecrets((err as Error).message, [config.TELEGRAM_BOT_TOKEN, config.DISCORD_BOT_TOKEN]));
    }
  }
}
