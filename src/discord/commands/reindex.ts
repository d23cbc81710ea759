/**
 * `/reindex [mode:dry|force]` (admins): rebuild the index through the facade, showing progress by
 * editing the reply, then the summary. Questions keep being answered from the old index meanwhile: the
 * rebuild runs in this handler only, and the facade swaps the new index in when it is ready.
 */
import {
  MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction,
} from "discord.js";
import { adminDetails } from "../../core/bot.js";
import { NO_PINGS, logFailure } from "../answering.js";
import { isAdmin, logRefusal } from "../admin.js";
import type { DiscordContext } from "../context.js";
import { languageOf, t } from "../i18n.js";
import { ThrottledEditor } from "../progress.js";
import { renderReindexSummary } from "../render.js";

export const data = new SlashCommandBuilder()
  .setName("reindex")
  .setDescription("Rebuild the index from the sources (admins)")
  .setDescriptionLocalizations({ id: "Bangun ulang indeks dari sumber (admin)", vi: "Xây dựng lại chỉ mục từ nguồn (quản trị)" })
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addStringOption((o) =>
    o
      .setName("mode")
      .setDescription("dry: show what would change; force: rebuild even if nothing changed")
      .addChoices({ name: "dry", value: "dry" }, { name: "force", value: "force" }),
  );

/** Progress edits at most this often: Discord rate-limits edits, and nobody reads faster. */
const PROGRESS_INTERVAL_MS = 1500;

export async function execute(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  const s = t(languageOf(interaction.locale));
  if (!isAdmin(interaction, ctx.config)) {
    logRefusal(interaction);
    await interaction.reply({ content: s.notAdmin, flags: MessageFlags.Ephemeral });
    return;
  }
  if (ctx.reindexing.running) {
    await interaction.reply({ content: s.reindexBusy, flags: MessageFlags.Ephemeral });
    return;
  }
  ctx.reindexing.running = true;
  try {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await interaction.editReply({ content: s.reindexStarted });
    const mode = interaction.options.getString("mode");
    const progress = new ThrottledEditor((content) => interaction.editReply({ content, allowedMentions: NO_PINGS }), {
      intervalMs: PROGRESS_INTERVAL_MS,
      onError: (err) => logFailure(ctx, "discord /reindex progress edit failed", err),
    });
    try {
      const summary = await ctx.bot.reindex({
        dryRun: mode === "dry",
        force: mode === "force",
        onProgress: (p) => progress.update(s.reindexProgress(p.stage, p.done, p.total)),
      });
      await progress.close();
      await interaction.editReply({ content: "", embeds: [renderReindexSummary(summary, languageOf(interaction.locale))], allowedMentions: NO_PINGS });
    } catch (err) {
      await progress.close();
      logFailure(ctx, "discord /reindex failed", err);
      const details = adminDetails(err);
      await interaction.editReply({ content: details ? `${s.reindexFailed}\n${details}`.slice(0, 1900) : s.reindexFailed, allowedMentions: NO_PINGS });
    }
  } finally {
    ctx.reindexing.running = false;
  }
}
