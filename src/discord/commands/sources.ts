/** `/sources`: the documents the answers come from, with links, and the index version and date. */
import { SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { NO_PINGS } from "../answering.js";
import type { DiscordContext } from "../context.js";
import { languageOf } from "../i18n.js";
import { renderSources } from "../render.js";

export const data = new SlashCommandBuilder()
  .setName("sources")
  .setDescription("The documents I answer from, and the index version")
  .setDescriptionLocalizations({ id: "Dokumen sumber jawaban dan versi indeks", vi: "Các tài liệu nguồn và phiên bản chỉ mục" });

export async function execute(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await interaction.reply({ embeds: [renderSources(ctx.bot.sources(languageOf(interaction.locale)), languageOf(interaction.locale))], allowedMentions: NO_PINGS });
}
