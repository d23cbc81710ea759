/**
 * The Discord adapter: connects a discord.js client to the gateway and hands interactions and
 * messages to their handlers. `startDiscord` resolves once the client is ready; `stop()` stops taking
 * new events, lets the ones in flight finish (bounded), then disconnects.
 */
import { once } from "node:events";
import { Events } from "discord.js";
import { Chat } from "../chat/chat.js";
import type { Config } from "../config.js";
import type { ConventionBot } from "../core/bot.js";
import { log, scrubSecrets } from "../log.js";
import type { Service } from "../service.js";
import { logFailure } from "./answering.js";
import { createClient } from "./client.js";
import type { DiscordContext } from "./context.js";
import { onInteraction } from "./interactions.js";
import { onMessage } from "./messages.js";

export { commandDefinitions, deployCommands } from "./deploy.js";

/** How long `stop()` waits for answers in flight before disconnecting anyway. */
const STOP_GRACE_MS = 10_000;

export async function startDiscord(bot: ConventionBot, config: Config): Promise<Service> {
  const token = config.DISCORD_BOT_TOKEN;
  if (!token) throw new Error("DISCORD_BOT_TOKEN is not set");
  const chat = new Chat(bot, { perMinute: config.RATE_LIMIT_PER_MIN, report: (what, err) => logFailure(token, `discord: ${what}`, err) });
  const ctx: DiscordContext = { chat, config };
  const client = createClient(config);
  let accepting = true;

  /** Run a handler, keep it until it settles, and never let its failure escape as an unhandled rejection. */
  const track = (work: Promise<void>) => void chat.tasks.track(work).catch((err) => logFailure(token, "discord handler failed", err));
  client.on(Events.InteractionCreate, (interaction) => {
    if (accepting) track(onInteraction(interaction, ctx));
  });
  client.on(Events.MessageCreate, (message) => {
    if (accepting) track(onMessage(message, ctx));
  });
  client.on(Events.Error, (err) => logFailure(token, "discord client error", err));
  client.on(Events.Warn, (message) => log.warn({ platform: "discord" }, scrubSecrets(message, [token])));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ platform: "discord", shard, code: event.code }, "discord gateway disconnected"));
  client.on(Events.ShardReconnecting, (shard) => log.info({ platform: "discord", shard }, "discord gateway reconnecting"));
  client.on(Events.ShardResume, (shard) => log.info({ platform: "discord", shard }, "discord gateway resumed"));

  const ready = once(client, Events.ClientReady);
  try {
    await client.login(token);
    await ready;
  } catch (err) {
    await client.destroy().catch(() => {});
    throw new Error(`Discord login failed: ${scrubSecrets((err as Error).message ?? String(err), [token])}`);
  }
  log.info({ platform: "discord", bot: client.user?.username, guilds: client.guilds.cache.size }, "discord bot ready");

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      accepting = false;
      if (!(await chat.tasks.drain(STOP_GRACE_MS))) log.warn({ platform: "discord", inFlight: chat.tasks.size }, "stopped with answers still in flight");
      await client.destroy();
      log.info({ platform: "discord" }, "discord bot stopped");
    })());

  return { name: "discord", ready: () => !stopping && client.isReady(), stop };
}
