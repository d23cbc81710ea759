/**
 * `/reindex [mode:dry|force]` (admins): the chat layer's rebuild, shown by editing the (ephemeral)
 * reply, which finally becomes the summary. Questions keep being answered from the old index meanwhile.
 */
import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import { languageOf, say } from "../../chat/catalog.js";
import { startReindex, type ReindexMode } from "../../chat/reindex.js";
import { defer } from "../acknowledged.js";
import { NO_PINGS } from "../answering.js";
import { admitted } from "../admin.js";
import type { DiscordContext } from "../context.js";
import { renderReindexSummary } from "../render.js";
import { described } from "./localized.js";

export const data = described(new SlashCommandBuilder().setName("reindex"), "command-reindex")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addStringOption((o) => described(o.setName("mode"), "command-reindex-mode").addChoices({ name: "dry", value: "dry" }, { name: "force", value: "force" }));

/** Progress edits at most this often: Discord rate-limits edits, and nobody reads faster. */
const PROGRESS_INTERVAL_MS = 1500;

export async function execute(interaction: ChatInputCommandInteraction, { chat, config }: DiscordContext): Promise<void> {
  const lang = languageOf(interaction.locale);
  if (!(await admitted(interaction, config))) return;
  const mode = (interaction.options.getString("mode") ?? "normal") as ReindexMode;
  const edit = (content: string) => interaction.editReply({ content, allowedMentions: NO_PINGS });
  const started = startReindex(chat, mode, lang, async () => {
    await defer(interaction, { flags: MessageFlags.Ephemeral });
    // The mode is in the command the admin sees; the status says what is happening.
    await edit(say(lang, "reindex-started", { mode: "normal" }));
    return { progress: edit, failed: edit, done: (summary) => interaction.editReply({ content: "", embeds: [renderReindexSummary(summary, lang)], allowedMentions: NO_PINGS }) };
  }, PROGRESS_INTERVAL_MS);
  if (!started) await interaction.reply({ content: say(lang, "reindex-busy"), flags: MessageFlags.Ephemeral });
}
