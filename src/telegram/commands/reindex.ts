/**
 * `/reindex [dry|force]` (admins): rebuild the index through the facade, which keeps answering
 * from the old index until the new one is swapped in. Progress is shown by editing one message
 * (at most every few seconds, to stay clear of Telegram's flood limits), which finally becomes the
 * summary. The rebuild runs in the background so the admin's own chat keeps getting answers.
 */
import type { Context } from "grammy";
import { adminDetails, type ConventionBot, type ReindexOptions, type ReindexProgress } from "../../core/bot.js";
import { log } from "../../log.js";
import { langOf, userTag } from "../context.js";
import { t, type Strings } from "../i18n.js";
import { escapeHtml, renderReindexSummary } from "../render.js";
import { editRendered, inReplyTo } from "../send.js";
import type { CommandModule } from "./types.js";

/** Minimum time between two progress edits of the status message. */
const EDIT_INTERVAL_MS = 3_000;

type Mode = "dry" | "force" | "normal";

export const reindex: CommandModule = {
  name: "reindex",
  adminOnly: true,
  description: {
    en: "Rebuild the index (admins): /reindex, /reindex dry, /reindex force",
    id: "Bangun ulang indeks (admin): /reindex, /reindex dry, /reindex force",
    vi: "Xây dựng lại chỉ mục (quản trị): /reindex, /reindex dry, /reindex force",
  },
  async execute(ctx, deps) {
    const s = t(langOf(ctx));
    const arg = ctx.match.trim().toLowerCase();
    if (arg !== "" && arg !== "dry" && arg !== "force") return ctx.reply(s.reindexUsage, inReplyTo(ctx.msg.message_id));
    const mode: Mode = arg === "dry" ? "dry" : arg === "force" ? "force" : "normal";
    const options: ReindexOptions = { dryRun: mode === "dry", force: mode === "force" };
    const started = deps.tasks.exclusive("reindex", async () => {
      const sent = await ctx.reply(s.reindexStarted(mode), inReplyTo(ctx.msg.message_id));
      await rebuild(ctx, { chatId: sent.chat.id, messageId: sent.message_id }, options, s, deps.core);
    });
    if (!started) return ctx.reply(s.reindexBusy, inReplyTo(ctx.msg.message_id));
    log.info({ mode, user: userTag(ctx) }, "reindex requested");
  },
};

async function rebuild(
  ctx: Context,
  status: { chatId: number; messageId: number },
  options: ReindexOptions,
  s: Strings,
  core: ConventionBot,
): Promise<void> {
  const edit = (html: string, plain: string) => editRendered(ctx, status.chatId, status.messageId, { html, plain });
  const progress = throttledProgress((p) => {
    const text = s.reindexProgress(s.reindexStage[p.stage], p.done, p.total);
    return edit(escapeHtml(text), text);
  });
  try {
    const summary = await core.reindex({ ...options, onProgress: progress.report });
    await progress.settle();
    const rendered = renderReindexSummary(summary, s);
    await edit(rendered.html, rendered.plain);
    log.info({ outcome: summary.outcome, version: summary.version, seconds: summary.seconds }, "reindex finished");
  } catch (err) {
    await progress.settle();
    log.error({ err: (err as Error).message }, "reindex failed");
    const details = adminDetails(err);
    const text = details ? `${s.reindexFailed}\n${details}` : s.reindexFailed;
    await edit(escapeHtml(text), text);
  }
}

/**
 * Turn a stream of progress reports into occasional edits: at most one edit in flight, at most
 * one every EDIT_INTERVAL_MS; reports in between are dropped (the next edit shows the newer state).
 */
function throttledProgress(show: (p: ReindexProgress) => Promise<void>) {
  let last = Date.now();
  let inFlight: Promise<void> | undefined;
  return {
    report(p: ReindexProgress): void {
      if (inFlight || Date.now() - last < EDIT_INTERVAL_MS) return;
      last = Date.now();
      inFlight = show(p)
        .catch((err: Error) => log.debug({ err: err.message }, "progress edit failed"))
        .finally(() => (inFlight = undefined));
    },
    async settle(): Promise<void> {
      await inFlight;
    },
  };
}
