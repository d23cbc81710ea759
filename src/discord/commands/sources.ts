/** `/sources`: the documents the answers come from, with links, and the index version and date. */
import { SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { languageOf } from "../../chat/catalog.js";
import { NO_PINGS } from "../answering.js";
import type { DiscordContext } from "../context.js";
import { renderSources } from "../render.js";
import { described } from "./localized.js";

export const data = described(new SlashCommandBuilder().setName("sources"), "command-sources");

export async function execute(interaction: ChatInputCommandInteraction, { chat }: DiscordContext): Promise<void> {
  await interaction.reply({ embeds: [renderSources(chat.core.sources(languageOf(interaction.locale)), languageOf(interaction.locale))], allowedMentions: NO_PINGS });
}
