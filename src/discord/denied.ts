/**
 * What a channel's permissions deny the bot, learnt from Discord's refusals: 50013 (Missing
 * Permissions: here, usually Embed Links) and 50001 (Missing Access). When even a plain message is
 * refused, nothing can reach the user there: the bot says so in its log, once per channel (an
 * admin can fix the permissions; a log line per question would only drown that), and moves on.
 */
import { DiscordAPIError, RESTJSONErrorCodes } from "discord.js";
import { LRUCache } from "lru-cache";
import { log } from "../log.js";

export function isMissingPermissions(err: unknown): boolean {
  return err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.MissingPermissions;
}

export function isDenied(err: unknown): boolean {
  return isMissingPermissions(err) || (err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.MissingAccess);
}

const reported = new LRUCache<string, true>({ max: 10_000 });

/** Run `send`; if the channel refuses the bot, log that once for the channel and resolve to undefined. */
export async function unlessDenied<T>(channelId: string, send: () => Promise<T>): Promise<T | undefined> {
  try {
    return await send();
  } catch (err) {
    if (!isDenied(err)) throw err;
    if (!reported.has(channelId)) {
      reported.set(channelId, true);
      log.warn({ platform: "discord", channel: channelId, code: (err as DiscordAPIError).code }, "discord: the bot may not send messages in this channel; check its permissions there");
    }
    return undefined;
  }
}
