/**
 * Where a question was asked, as far as conversation memory is concerned: threads and DMs are places
 * whose recent exchanges carry over; ordinary channels are not (there, only reply chains do).
 */
import type { Channel } from "discord.js";

export function placeOf(channelId: string | null, channel: Channel | null, inGuild: boolean): string | undefined {
  if (!channelId) return undefined;
  if (!inGuild) return `dm:${channelId}`;
  return channel?.isThread() ? `thread:${channelId}` : undefined;
}
