/** `/stats` (admins): the usage summary of the last 7 days, as the `npm run report` command shows it. */
import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { NO_PINGS } from "../answering.js";
import { isAdmin, logRefusal } from "../admin.js";
import type { DiscordContext } from "../context.js";
import { languageOf, t } from "../i18n.js";
import { renderStats } from "../render.js";

const DAYS = 7;

export const data = new SlashCommandBuilder()
  .setName("stats")
  .setDescription("Usage and coverage gaps of the last 7 days (admins)")
  .setDescriptionLocalizations({ id: "Penggunaan dan celah cakupan 7 hari terakhir (admin)", vi: "Sử dụng và lỗ hổng nội dung 7 ngày qua (quản trị)" })
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);

export async function execute(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  const lang = languageOf(interaction.locale);
  if (!isAdmin(interaction, ctx.config)) {
    logRefusal(interaction);
    await interaction.reply({ content: t(lang).notAdmin, flags: MessageFlags.Ephemeral });
    return;
  }
  const stats = ctx.bot.stats(DAYS);
  await interaction.reply(
    stats
      ? { embeds: [renderStats(stats, lang)], flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS }
      : { content: t(lang).statsUnavailable, flags: MessageFlags.Ephemeral },
  );
}
