/**
 * `/reindex [dry|force]` (admins): the chat layer's rebuild, shown by editing one message (at most
 * every few seconds, to stay clear of Telegram's flood limits), which finally becomes the summary.
 * The rebuild runs in the background so the admin's own chat keeps getting answers.
 */
import { startReindex, type ReindexMode } from "../../chat/reindex.js";
import { log } from "../../log.js";
import { langOf, userTag } from "../context.js";
import { escapeHtml, renderReindexSummary } from "../render.js";
import { editRendered, inReplyTo } from "../send.js";
import type { CommandModule } from "./types.js";

/** Minimum time between two progress edits of the status message. */
const EDIT_INTERVAL_MS = 3_000;

export const reindex: CommandModule = {
  name: "reindex",
  adminOnly: true,
  description: "command-reindex",
  async execute(ctx, { chat }) {
    const arg = ctx.match.trim().toLowerCase();
    if (arg !== "" && arg !== "dry" && arg !== "force") return ctx.reply(ctx.t("reindex-usage"), inReplyTo(ctx.msg.message_id));
    const mode: ReindexMode = arg === "dry" ? "dry" : arg === "force" ? "force" : "normal";
    const lang = langOf(ctx);
    const started = startReindex(chat, mode, lang, async () => {
      const sent = await ctx.reply(ctx.t("reindex-started", { mode }), inReplyTo(ctx.msg.message_id));
      const edit = (text: string) => editRendered(ctx, sent.chat.id, sent.message_id, { html: escapeHtml(text), plain: text });
      return { progress: edit, failed: edit, done: (summary) => edit(renderReindexSummary(summary, lang)) };
    }, EDIT_INTERVAL_MS);
    if (!started) return ctx.reply(ctx.t("reindex-busy"), inReplyTo(ctx.msg.message_id));
    log.info({ mode, user: userTag(ctx) }, "reindex requested");
  },
};
