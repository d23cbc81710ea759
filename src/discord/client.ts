/**
 * The discord.js client as this bot needs it: only the intents it uses (no privileged Message Content:
 * Discord delivers the text of messages that mention the bot and of DMs without it), no pings by
 * default, and the REST base from `DISCORD_API_ROOT` when set (a proxy, or the tests' fake Discord;
 * the gateway URL then comes from that base's `GET /gateway/bot`).
 */
import { Client, GatewayIntentBits, Options, Partials, type RESTOptions } from "discord.js";
import type { Config } from "../config.js";

export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

/** REST options from the config; unset values are left out so discord.js keeps its defaults. */
export function restOptions(config: Config): Partial<RESTOptions> {
  return config.DISCORD_API_ROOT ? { api: config.DISCORD_API_ROOT } : {};
}

export function createClient(config: Config): Client {
  return new Client({
    intents: INTENTS,
    // DM channels are not cached until used: without the Channel partial their messages never arrive.
    partials: [Partials.Channel],
    allowedMentions: { parse: [], repliedUser: false },
    // A question deleted before its answer is sent: answer in the channel instead of failing.
    failIfNotExists: false,
    rest: restOptions(config),
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 25,
      ReactionManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      PresenceManager: 0,
      VoiceStateManager: 0,
    }),
  });
}
