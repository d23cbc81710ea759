/** `/new`: forget the conversation here, so the next question is not read as a follow-up. */
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import type { DiscordContext } from "../context.js";
import { languageOf, t } from "../i18n.js";
import { placeOf } from "../place.js";

export const data = new SlashCommandBuilder()
  .setName("new")
  .setDescription("Forget our conversation and start fresh")
  .setDescriptionLocalizations({ id: "Lupakan percakapan dan mulai dari awal", vi: "Quên cuộc trò chuyện và bắt đầu lại" });

export async function execute(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  ctx.conversations.forget(interaction.user.id, placeOf(interaction.channelId, interaction.channel, interaction.inGuild()));
  await interaction.reply({ content: t(languageOf(interaction.locale)).newDone, flags: MessageFlags.Ephemeral });
}
