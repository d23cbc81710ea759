/**
 * The first response to an interaction, when Discord's answer to it was lost. Discord can record a
 * deferral and still answer 500; discord.js then retries, and the retry is refused with 40060
 * ("Interaction has already been acknowledged"). The interaction *is* deferred then: treating it
 * as such lets the answer be edited in, instead of leaving the user with "is thinking…" for good.
 */
import { DiscordAPIError, RESTJSONErrorCodes, type InteractionDeferReplyOptions, type RepliableInteraction } from "discord.js";

export function isAlreadyAcknowledged(err: unknown): boolean {
  return err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged;
}

/** Defer the reply; a deferral Discord already recorded counts as done. */
export async function defer(interaction: RepliableInteraction, options: InteractionDeferReplyOptions = {}): Promise<void> {
  try {
    await interaction.deferReply(options);
  } catch (err) {
    if (!isAlreadyAcknowledged(err)) throw err;
    interaction.deferred = true;
  }
}
