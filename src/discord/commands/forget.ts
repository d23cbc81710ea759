/** `/forget`: delete everything the store keeps about the user (answers they asked, their feedback). */
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { askerOf } from "../answering.js";
import type { DiscordContext } from "../context.js";
import { languageOf, t } from "../i18n.js";

export const data = new SlashCommandBuilder()
  .setName("forget")
  .setDescription("Delete everything stored about you")
  .setDescriptionLocalizations({ id: "Hapus semua data yang tersimpan tentang Anda", vi: "Xoá mọi dữ liệu được lưu về bạn" });

export async function execute(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  const s = t(languageOf(interaction.locale));
  const userId = interaction.user.id;
  ctx.conversations.forget(userId);
  const result = ctx.bot.forget(askerOf(userId, interaction.inGuild()));
  await interaction.reply({ content: s.forgetDone(result.answers, result.feedback), flags: MessageFlags.Ephemeral });
}
