/** `/stats` (admins): the usage summary of the last 7 days, as the `npm run report` command shows it. */
import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { languageOf, say } from "../../chat/catalog.js";
import { NO_PINGS } from "../answering.js";
import { admitted } from "../admin.js";
import type { DiscordContext } from "../context.js";
import { renderStats } from "../render.js";
import { described } from "./localized.js";

const DAYS = 7;

export const data = described(new SlashCommandBuilder().setName("stats"), "command-stats").setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);

export async function execute(interaction: ChatInputCommandInteraction, { chat, config }: DiscordContext): Promise<void> {
  const lang = languageOf(interaction.locale);
  if (!(await admitted(interaction, config))) return;
  const stats = chat.core.stats(DAYS);
  await interaction.reply(
    stats
      ? { embeds: [renderStats(stats, lang)], flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS }
      : { content: say(lang, "stats-unavailable"), flags: MessageFlags.Ephemeral },
  );
}
