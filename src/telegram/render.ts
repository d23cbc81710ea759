/**
 * Telegram's markup for what the chat layer and the facade produce: HTML (every user- or
 * corpus-derived string escaped), each block also carried as plain text, which is what is resent
 * when Telegram rejects the markup, so a formatting problem never costs the user their answer.
 * Blocks are packed into messages under Telegram's 4096-character limit (counted on the visible
 * text) by the shared splitter.
 */
import type { Answer, ArticleView, Language, ReindexSummary, SourcesView, StatsSummary } from "../core/bot.js";
import { answerView, quoteLine, type Block as ViewBlock } from "../chat/answer.js";
import { say, sayLines } from "../chat/catalog.js";
import { pack as packPieces, splitText as split, type Measure } from "../chat/split.js";
import { articleGist, articleHeading, chapterLine, readableTime, reindexChanges } from "../chat/views.js";

/** Telegram's limit for one text message, in UTF-16 code units after entity parsing. */
export const MESSAGE_LIMIT = 4096;

/** One unit of content that is never split unless it alone exceeds the limit. */
export interface Block {
  html: string;
  plain: string;
  /** What separates this block from the previous one when both land in the same message. */
  glue?: string;
  /** A heading never ends a message: the text after it starts in the same message. */
  heading?: boolean;
}

/** One message to send, in both forms. */
export interface Rendered {
  html: string;
  plain: string;
}

/** Escape text for Telegram's HTML parse mode (also safe inside a double-quoted attribute). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * What Telegram's limit counts: the text the user sees once the HTML is parsed (UTF-16 units), not
 * the markup. Measuring the escaped HTML would split an answer full of `&<>` into messages a fifth
 * as long as allowed. Splits are made between pieces or in their plain text, never inside a tag.
 */
export function visibleLength(html: string): number {
  return html.replace(/<[^>]*>/g, "").replace(/&(?:amp|lt|gt|quot|#\d+|#x[\da-f]+);/gi, "&").length;
}

const measure = (limit: number): Measure => ({ limit, escape: escapeHtml, length: visibleLength });

/** A block of plain text, escaped for HTML. */
export function textBlock(plain: string, glue?: string): Block {
  return { html: escapeHtml(plain), plain, glue };
}

/** An HTML link, or just the escaped label when there is no usable URL. */
export function link(url: string | undefined, label: string): string {
  return url && /^https?:\/\//.test(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>` : escapeHtml(label);
}

/** Split plain text into paragraph blocks (blank lines separate paragraphs). */
export function paragraphs(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => textBlock(p));
}

/** Pack blocks into as few messages as possible, each under `limit`, never splitting a block that fits. */
export function pack(blocks: Block[], limit = MESSAGE_LIMIT): Rendered[] {
  const pieces = blocks.map((b) => ({ text: b.html, plain: b.plain, glue: b.glue, heading: b.heading }));
  return packPieces(pieces, measure(limit)).map((m) => ({ html: m.text, plain: m.plain }));
}

/** Split plain text into pieces whose escaped length is at most `limit`. */
export function splitText(text: string, limit: number): string[] {
  return split(text, measure(limit));
}

/** One block of an answer's body. */
function bodyBlock(b: ViewBlock): Block {
  if (b.kind === "summary") return { html: `<b>${escapeHtml(b.label)}:</b> ${escapeHtml(b.text)}`, plain: `${b.label}: ${b.text}` };
  if (b.kind !== "quote") return textBlock(b.text);
  const q = b.quote;
  const where = link(q.url, q.label) + (q.title ? `, ${escapeHtml(q.title)}` : "") + (q.translated ? ` ${escapeHtml(q.translated.mark)}` : "");
  const block = { html: `“${escapeHtml(q.text)}” — ${where}`, plain: quoteLine(q) };
  if (!q.translated) return block;
  // The verbatim original, one tap away.
  const original = `${q.translated.originalLabel}: “${q.translated.original}”`;
  return { html: `${block.html}\n<blockquote expandable>${escapeHtml(original)}</blockquote>`, plain: `${block.plain}\n${original}` };
}

/** The answer's blocks (summary, quotes, notes), any suggested questions, then a compact block of linked sources. */
export function renderAnswer(answer: Answer, lang: Language = answer.language): Block[] {
  const view = answerView(answer, lang);
  const blocks: Block[] = view.body.map((b) => ({ ...bodyBlock(b), glue: b.tight ? "\n" : undefined }));
  if (view.suggestions) {
    const lines = view.suggestions.questions.map((q) => `• ${q}`);
    blocks.push({
      html: `<i>${escapeHtml(view.suggestions.heading)}</i>\n${lines.map(escapeHtml).join("\n")}`,
      plain: `${view.suggestions.heading}\n${lines.join("\n")}`,
    });
  }
  if (view.sources.length) {
    const heading = say(lang, "answer-sources");
    blocks.push({
      html: `<b>📚 ${escapeHtml(heading)}</b>\n` + view.sources.map((c) => `• ${link(c.url, c.label)} — ${escapeHtml(c.title)}`).join("\n"),
      plain: `${heading}\n` + view.sources.map((c) => `• ${c.label} — ${c.title}${c.url ? ` (${c.url})` : ""}`).join("\n"),
    });
  }
  return blocks;
}

/** An article: heading, chapter, its unofficial gist in the reader's language, each paragraph, its interpretative notes, the official link. */
export function renderArticle(view: ArticleView, lang: Language): Block[] {
  const heading = articleHeading(view.article, view.title, lang);
  const gist = articleGist(view, lang);
  const chapter = chapterLine(view, lang);
  const notes = say(lang, "article-notes");
  const official = say(lang, "official-text");
  const blocks: Block[] = [
    {
      html: `<b>${escapeHtml(heading)}</b>` + (chapter ? `\n<i>${escapeHtml(chapter)}</i>` : ""),
      plain: heading + (chapter ? `\n${chapter}` : ""),
      heading: true,
    },
    // Part of the heading: the article's own text starts in the same message, right under it.
    ...(gist ? [{ html: `<i>${escapeHtml(gist.label)}:</i> ${escapeHtml(gist.text)}`, plain: `${gist.label}: ${gist.text}`, heading: true }] : []),
    ...view.paragraphs.map((p) => textBlock(p)),
  ];
  if (view.notes.length) {
    blocks.push({ html: `<b>${escapeHtml(notes)}</b>`, plain: notes, heading: true });
    blocks.push(...view.notes.map((n, i) => textBlock(n, i === 0 ? "\n" : undefined)));
  }
  if (view.url) blocks.push({ html: link(view.url, official), plain: `${official}: ${view.url}` });
  return blocks;
}

/** The corpus documents and the index version. */
export function renderSources(view: SourcesView, lang: Language): Block[] {
  const lines = view.documents.map((d) => {
    const facts = [d.kind, d.language, d.date, say(lang, "sources-sections", { count: d.sections })].filter(Boolean).join(", ");
    return { html: `• ${link(d.url, d.title)} — ${escapeHtml(facts)}`, plain: `• ${d.title} — ${facts}${d.url ? ` (${d.url})` : ""}` };
  });
  const title = say(lang, "sources-title");
  return [
    { html: `<b>${escapeHtml(title)}</b>\n` + lines.map((l) => l.html).join("\n"), plain: `${title}\n` + lines.map((l) => l.plain).join("\n") },
    textBlock(say(lang, "sources-index", { version: view.indexVersion, date: readableTime(view.createdAt) })),
  ];
}

/** Admin `/reindex` result: outcome, numbers, version, and which articles/documents changed. */
export function renderReindexSummary(r: ReindexSummary, lang: Language): string {
  const numbers = { documents: r.documents, articles: r.articles, chunks: String(r.chunks), seconds: r.seconds.toFixed(1) };
  const previous = r.previousVersion && r.previousVersion !== r.version ? ` (${say(lang, "reindex-previous")}: ${r.previousVersion})` : "";
  const changes = reindexChanges(r, lang);
  return [
    `${say(lang, "reindex-outcome", { outcome: r.outcome })}.`,
    say(lang, "reindex-numbers", numbers),
    `${say(lang, "reindex-version")}: ${r.version}${previous}`,
    ...(changes.length ? changes : [say(lang, "reindex-no-changes")]),
  ].join("\n");
}

/** Admin `/stats`: totals, platforms, most cited articles, the latest gaps (refusals and 👎). */
export function renderStats(st: StatsSummary, lang: Language): Block[] {
  const none = say(lang, "none");
  const platforms = Object.entries(st.byPlatform).map(([p, n]) => `${p} ${n}`).join(", ") || none;
  const top = st.topArticles.slice(0, 10).map((a) => `${say(lang, "article-label", { number: a.article })} (${a.count})`).join(", ") || none;
  const gaps = st.gaps.slice(0, 10).map((g) => {
    const what = g.reason === "refused" ? say(lang, "stats-refused-mark") : "👎";
    const text = [g.question, g.note].filter(Boolean).join(" — ");
    return `• ${g.at.slice(0, 16).replace("T", " ")} ${g.platform}/${g.language} ${what}${text ? `: ${text}` : ""}`;
  });
  const title = say(lang, "stats-title", { days: st.days });
  const questions = say(lang, "stats-questions-line", { total: st.totalQuestions, refused: st.refused });
  const gapsTitle = say(lang, "stats-gaps");
  return [
    // What the store says about itself (recording stopped, rows lost) comes before the figures it qualifies.
    ...(st.notice ? [textBlock(`⚠️ ${st.notice}`)] : []),
    { html: `<b>${escapeHtml(title)}</b>\n${escapeHtml(questions)}`, plain: `${title}\n${questions}` },
    textBlock(`${say(lang, "stats-by-platform")}: ${platforms}\n${say(lang, "stats-top-articles")}: ${top}`),
    {
      html: `<b>${escapeHtml(gapsTitle)}</b>\n` + escapeHtml(gaps.length ? gaps.join("\n") : none),
      plain: `${gapsTitle}\n` + (gaps.length ? gaps.join("\n") : none),
    },
  ];
}

/** `/help`: what the bot knows, how to ask, examples, commands; `bot` is the @username. */
export function renderHelp(bot: string, lang: Language): Block[] {
  const section = (titleId: string, body: string) => ({
    html: `<b>${escapeHtml(say(lang, titleId))}</b>\n${escapeHtml(body)}`,
    plain: `${say(lang, titleId)}\n${body}`,
  });
  return [
    textBlock(say(lang, "help-intro")),
    section("help-how", say(lang, "help-how-telegram")),
    section("help-examples", sayLines(lang, "help-example-questions").map((q) => `• ${q}`).join("\n")),
    section("help-commands", sayLines(lang, "help-commands-list").join("\n")),
    textBlock(say(lang, "help-inline", { bot })),
  ];
}
