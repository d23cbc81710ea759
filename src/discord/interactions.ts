/**
 * Routes an interaction to its handler: slash commands and autocomplete to their command module,
 * 👍/👎 buttons and the reason form to feedback. A handler that throws gets the user a short apology
 * in their language, never the error.
 */
import { MessageFlags, type Interaction, type RepliableInteraction } from "discord.js";
import { languageOf, say } from "../chat/catalog.js";
import { NO_PINGS, logFailure } from "./answering.js";
import { findCommand } from "./commands/index.js";
import type { DiscordContext } from "./context.js";
import { isFeedbackButton, isFeedbackModal, onFeedbackButton, onFeedbackModal } from "./feedback.js";

export async function onInteraction(interaction: Interaction, ctx: DiscordContext): Promise<void> {
  try {
    if (interaction.isChatInputCommand()) {
      await findCommand(interaction.commandName)?.execute(interaction, ctx);
    } else if (interaction.isAutocomplete()) {
      await findCommand(interaction.commandName)?.autocomplete?.(interaction, ctx);
    } else if (interaction.isButton() && isFeedbackButton(interaction.customId)) {
      await onFeedbackButton(interaction, ctx);
    } else if (interaction.isModalSubmit() && isFeedbackModal(interaction.customId)) {
      await onFeedbackModal(interaction, ctx);
    }
  } catch (err) {
    const what = interaction.isCommand() || interaction.isAutocomplete() ? `/${interaction.commandName}` : "component";
    logFailure(ctx.config.DISCORD_BOT_TOKEN, `discord interaction failed (${what})`, err);
    if (interaction.isRepliable()) await apologize(interaction).catch(() => {});
  }
}

async function apologize(interaction: RepliableInteraction): Promise<void> {
  const content = say(languageOf(interaction.locale), "ask-failed");
  if (interaction.deferred || interaction.replied) {
    await interaction.editReply({ content, embeds: [], components: [], allowedMentions: NO_PINGS });
  } else {
    await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
  }
}
