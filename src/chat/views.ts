/**
 * Small pieces of wording shared by every surface's rendering of articles, sources and admin
 * summaries, so an article heading or a date reads the same on Telegram, Discord and the terminal.
 */
import type { ArticleView, Language, ReindexSummary } from "../core/bot.js";
import { say } from "./catalog.js";

/** "Article 41 — 24/7 network", whether or not the core's title already names the article. */
export function articleHeading(n: number, title: string, lang: Language): string {
  return /^\s*(article|pasal|điều)\s+\d+/i.test(title) ? title : say(lang, "article-heading", { number: n, title });
}

/** The article's unofficial plain-language gist in `lang`, with its label, when the corpus has one. */
export function articleGist(view: ArticleView, lang: Language): { label: string; text: string } | undefined {
  const text = view.gist?.[lang];
  return text ? { label: say(lang, "answer-summary"), text } : undefined;
}

/** "Chapter V — International cooperation" (empty when the article has no chapter). */
export function chapterLine(view: ArticleView, lang: Language): string {
  const chapter = view.chapter && (/^chapter/i.test(view.chapter) ? view.chapter : say(lang, "article-chapter", { chapter: view.chapter }));
  return [chapter, view.chapterTitle].filter(Boolean).join(" — ");
}

/** "2025-11-28 15:27 UTC" from an ISO timestamp (anything else is shown as it is). */
export function readableTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** The changes a rebuild found, as "label: items" lines (none when nothing changed). */
export function reindexChanges(r: ReindexSummary, lang: Language, list: (items: (number | string)[]) => string = (xs) => xs.join(", ")): string[] {
  const d = r.diff;
  return (
    [
      ["reindex-added", d.added],
      ["reindex-changed", d.changed],
      ["reindex-removed", d.removed],
      ["reindex-changed-documents", d.documents],
    ] as const
  )
    .filter(([, items]) => items.length)
    .map(([id, items]) => `${say(lang, id)}: ${list(items)}`);
}
