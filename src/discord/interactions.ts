/**
 * Routes an interaction to its handler: slash commands and autocomplete to their command module,
 * 👍/👎 buttons and the reason form to feedback. Every interaction is answered: one that matches
 * nothing this version knows (a command Discord still shows after a rename, an old message's
 * button, an old form) gets a short notice only its user sees, so nobody is left with "The
 * application did not respond". A handler that throws gets the user a short apology in their
 * language, never the error.
 */
import { MessageFlags, type Interaction, type RepliableInteraction } from "discord.js";
import { languageOf, say } from "../chat/catalog.js";
import { NO_PINGS, logFailure } from "./answering.js";
import { commands, findCommand } from "./commands/index.js";
import type { DiscordContext } from "./context.js";
import { isFeedbackButton, isFeedbackModal, onFeedbackButton, onFeedbackModal } from "./feedback.js";

export async function onInteraction(interaction: Interaction, ctx: DiscordContext): Promise<void> {
  try {
    if (!(await route(interaction, ctx))) await answerStale(interaction);
  } catch (err) {
    const what = interaction.isCommand() || interaction.isAutocomplete() ? `/${interaction.commandName}` : "component";
    logFailure(ctx.config.DISCORD_BOT_TOKEN, `discord interaction failed (${what})`, err);
    if (interaction.isRepliable()) await apologize(interaction).catch(() => {});
  }
}

/** Hand the interaction to its handler; false when no handler of this version takes it. */
async function route(interaction: Interaction, ctx: DiscordContext): Promise<boolean> {
  if (interaction.isChatInputCommand()) {
    const command = findCommand(interaction.commandName);
    await command?.execute(interaction, ctx);
    return command !== undefined;
  }
  if (interaction.isAutocomplete()) {
    const complete = findCommand(interaction.commandName)?.autocomplete;
    await complete?.(interaction, ctx);
    return complete !== undefined;
  }
  if (interaction.isButton() && isFeedbackButton(interaction.customId)) {
    await onFeedbackButton(interaction, ctx);
    return true;
  }
  if (interaction.isModalSubmit() && isFeedbackModal(interaction.customId)) {
    await onFeedbackModal(interaction, ctx);
    return true;
  }
  return false;
}

/** The answer to an interaction nothing handles: no choices for autocomplete, a short notice otherwise. */
async function answerStale(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) return void (await interaction.respond([]));
  if (!interaction.isRepliable()) return;
  const lang = languageOf(interaction.locale);
  const content = interaction.isCommand()
    ? say(lang, "command-stale", { commands: commands.map((c) => `/${c.data.name}`).join(", ") })
    : say(lang, interaction.isModalSubmit() ? "form-stale" : "button-stale");
  await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
}

async function apologize(interaction: RepliableInteraction): Promise<void> {
  const content = say(languageOf(interaction.locale), "ask-failed");
  if (interaction.deferred || interaction.replied) {
    await interaction.editReply({ content, embeds: [], components: [], allowedMentions: NO_PINGS });
  } else {
    await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
  }
}
