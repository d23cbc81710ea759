/**
 * Who may run admin commands (`/reindex`, `/stats`): members with Manage Server where the command is
 * used, or user ids listed in `DISCORD_ADMIN_IDS` (anywhere, DMs included). The command's default member
 * permissions already hide it from others; this check runs again because server admins can override those.
 */
import { MessageFlags, PermissionFlagsBits, type ChatInputCommandInteraction } from "discord.js";
import { languageOf, say } from "../chat/catalog.js";
import type { Config } from "../config.js";
import { log } from "../log.js";

export function isAdmin(interaction: ChatInputCommandInteraction, config: Config): boolean {
  if (config.DISCORD_ADMIN_IDS.includes(interaction.user.id)) return true;
  return interaction.inGuild() && (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false);
}

/**
 * True when the user may run this admin command; otherwise refuse politely and log the attempt (the
 * command and the server, never the user's id).
 */
export async function admitted(interaction: ChatInputCommandInteraction, config: Config): Promise<boolean> {
  if (isAdmin(interaction, config)) return true;
  log.warn({ platform: "discord", command: interaction.commandName, guild: interaction.guildId ?? "dm" }, "admin command refused");
  await interaction.reply({ content: say(languageOf(interaction.locale), "admin-only-server"), flags: MessageFlags.Ephemeral });
  return false;
}
