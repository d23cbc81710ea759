/**
 * `/reindex` on every platform: one rebuild at a time (a second request is told one is running), the
 * facade keeps answering from the old index meanwhile, progress is shown by throttled edits of one
 * message, and the end is the summary or a short failure notice — always the last edit.
 */
import { adminDetails } from "../core/bot.js";
import type { Language, ReindexSummary } from "../core/bot.js";
import { say } from "./catalog.js";
import type { Chat } from "./chat.js";
import { ThrottledEditor } from "./progress.js";

export type ReindexMode = "dry" | "force" | "normal";

export interface ReindexReport {
  /** Edit the status message to this text. */
  progress(text: string): Promise<unknown>;
  done(summary: ReindexSummary): Promise<unknown>;
  failed(text: string): Promise<unknown>;
}

/** Start `/reindex` in the background (tracked for a graceful stop); false when one is already running. */
export function startReindex(chat: Chat, mode: ReindexMode, lang: Language, start: () => Promise<ReindexReport>, intervalMs: number): boolean {
  return chat.tasks.exclusive("reindex", async () => rebuild(chat, mode, lang, await start(), intervalMs));
}

async function rebuild(chat: Chat, mode: ReindexMode, lang: Language, report: ReindexReport, intervalMs: number): Promise<void> {
  const editor = new ThrottledEditor(report.progress, { intervalMs, onError: (err) => chat.report("reindex progress edit failed", err) });
  try {
    const summary = await chat.core.reindex({
      dryRun: mode === "dry",
      force: mode === "force",
      // Counts as strings: digits are not grouped ("1234", as the logs show them).
      onProgress: (p) => editor.update(say(lang, "reindex-progress", { stage: p.stage, done: String(p.done), total: String(p.total) })),
    });
    await editor.close();
    chat.log.info({ outcome: summary.outcome, version: summary.version, seconds: summary.seconds }, "reindex finished");
    await report.done(summary);
  } catch (err) {
    await editor.close();
    chat.report("reindex failed", err);
    // What the admin can fix (an invalid source list: one line per problem) is shown; the rest stays in the log.
    const details = adminDetails(err);
    await report.failed(details ? `${say(lang, "reindex-failed")}\n${details}` : say(lang, "reindex-failed"));
  }
}
