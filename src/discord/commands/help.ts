/** `/help`: what the bot knows, how to ask, example questions, in the user's language. */
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { languageOf } from "../../chat/catalog.js";
import { NO_PINGS } from "../answering.js";
import type { DiscordContext } from "../context.js";
import { renderHelp } from "../render.js";
import { described } from "./localized.js";

export const data = described(new SlashCommandBuilder().setName("help"), "command-help");

export async function execute(interaction: ChatInputCommandInteraction, { chat }: DiscordContext): Promise<void> {
  const embed = renderHelp(languageOf(interaction.locale), chat.core.articleTitles().length);
  await interaction.reply({ embeds: [embed], flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
}
