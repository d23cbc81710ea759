/** `/help`: what the bot knows, how to ask, example questions, in the user's language. */
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { NO_PINGS } from "../answering.js";
import type { DiscordContext } from "../context.js";
import { languageOf } from "../i18n.js";
import { renderHelp } from "../render.js";

export const data = new SlashCommandBuilder()
  .setName("help")
  .setDescription("What I know and how to ask")
  .setDescriptionLocalizations({ id: "Apa yang saya ketahui dan cara bertanya", vi: "Tôi biết gì và cách đặt câu hỏi" });

export async function execute(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  const embed = renderHelp(languageOf(interaction.locale), ctx.bot.articleTitles().length);
  await interaction.reply({ embeds: [embed], flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
}
