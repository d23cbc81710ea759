/**
 * Turning the core's plain-text results into Telegram messages.
 *
 * Everything is built as a list of blocks, each carrying the same content twice: as HTML (every
 * user- or corpus-derived string escaped) and as plain text. The HTML is what we send; the plain
 * text is what we resend when Telegram rejects the markup, so a formatting problem never costs the
 * user their answer. Blocks are then packed into messages under Telegram's 4096-character limit,
 * breaking between paragraphs, and only inside one when a single paragraph is itself too long.
 */
import type { Answer, ArticleView, Citation, ReindexSummary, SourcesView, StatsSummary } from "../core/bot.js";
import type { Strings } from "./i18n.js";

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
  const out: Rendered[] = [];
  let current: (Rendered & { heading?: boolean }) | undefined;
  const queue = blocks.flatMap((b) => fit(b, limit));
  for (let block = queue.shift(); block; block = queue.shift()) {
    const glue = block.glue ?? "\n\n";
    const room = current ? limit - current.html.length - glue.length : 0;
    if (current && block.html.length <= room) {
      current.html += glue + block.html;
      current.plain += glue + block.plain;
      current.heading = block.heading;
      continue;
    }
    // After a heading, start the (plain) text here and continue it in the next message.
    const cut = current?.heading && block.html === escapeHtml(block.plain) ? fittingPrefix(block.plain, room) : 0;
    if (current && cut > 0) {
      const head = block.plain.slice(0, cut).trimEnd();
      current.html += glue + escapeHtml(head);
      current.plain += glue + head;
      current.heading = false;
      queue.unshift(textBlock(block.plain.slice(cut).trimStart(), "\n"));
      continue;
    }
    if (current) out.push(current);
    current = { html: block.html, plain: block.plain, heading: block.heading };
  }
  if (current) out.push({ html: current.html, plain: current.plain });
  return out;
}

/** Where to cut `text` so its start fits in `room` (escaped): at a line, else a sentence, else a word; 0 if nowhere. */
function fittingPrefix(text: string, room: number): number {
  let end = 0;
  for (let used = 0; end < text.length; end++) {
    used += escapeHtml(text[end]).length;
    if (used > room) break;
  }
  const window = text.slice(0, end);
  for (const at of [/\n/g, /[.!?;:…](?=\s)/gu, /\s/g]) {
    const last = [...window.matchAll(at)].at(-1);
    if (last?.index) return last.index + last[0].length;
  }
  return 0;
}

/** A block that is too long on its own becomes several plain-text blocks (its markup is dropped). */
function fit(block: Block, limit: number): Block[] {
  if (block.html.length <= limit) return [block];
  return splitText(block.plain, limit).map((piece, i) => textBlock(piece, i === 0 ? block.glue : "\n"));
}

/** Break at lines, then sentences, then words, then characters: the first that makes pieces fit. */
const BREAKS: { at: RegExp; join: string }[] = [
  { at: /\n/, join: "\n" },
  { at: /(?<=[.!?;:…])\s+/u, join: " " },
  { at: /\s+/u, join: " " },
];

/** Split plain text into pieces whose escaped length is at most `limit`. */
export function splitText(text: string, limit: number, level = 0): string[] {
  if (escapeHtml(text).length <= limit) return [text];
  const rule = BREAKS[level];
  if (!rule) return cutCharacters(text, limit);
  const pieces: string[] = [];
  let current = "";
  for (const part of text.split(rule.at).filter(Boolean)) {
    for (const piece of splitText(part, limit, level + 1)) {
      const joined = current ? current + rule.join + piece : piece;
      if (escapeHtml(joined).length <= limit) {
        current = joined;
      } else {
        if (current) pieces.push(current);
        current = piece;
      }
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Last resort for a "word" longer than a message: cut between code points. */
function cutCharacters(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const ch of text) {
    if (escapeHtml(current + ch).length > limit) {
      pieces.push(current);
      current = "";
    }
    current += ch;
  }
  if (current) pieces.push(current);
  return pieces;
}

/** The answer's text, any suggested questions, then a compact block of linked sources. */
export function renderAnswer(answer: Answer, s: Strings): Block[] {
  const blocks = paragraphs(answer.text);
  // The core usually writes its suggestions into the text already; add them only when it did not.
  if (answer.suggestions?.length && !answer.suggestions.every((q) => answer.text.includes(q))) {
    const lines = answer.suggestions.map((q) => `• ${q}`);
    blocks.push({
      html: `<i>${escapeHtml(s.seeAlso)}</i>\n${lines.map(escapeHtml).join("\n")}`,
      plain: `${s.seeAlso}\n${lines.join("\n")}`,
    });
  }
  const seen = new Set<string>();
  const sources = answer.citations.filter((c) => !seen.has(c.label) && seen.add(c.label));
  if (sources.length) {
    blocks.push({
      html: `<b>📚 ${escapeHtml(s.sourcesHeading)}</b>\n` +
        sources.map((c) => `• ${link(c.url, c.label)} — ${escapeHtml(shortTitle(c))}`).join("\n"),
      plain: `${s.sourcesHeading}\n` + sources.map((c) => `• ${c.label} — ${shortTitle(c)}${c.url ? ` (${c.url})` : ""}`).join("\n"),
    });
  }
  return blocks;
}

/** "24/7 network" rather than "Article 41 — 24/7 network" next to the label "Art. 41(1)". */
function shortTitle(c: Citation): string {
  return c.article !== null ? c.title.replace(/^\s*article\s+\d+\s*[—–-]\s*/i, "") : c.title;
}

/** "Article 41 — 24/7 network", whether or not the core's title already names the article. */
export function articleHeading(n: number, title: string, s: Strings): string {
  return /^\s*(article|pasal|điều)\s+\d+/i.test(title) ? title : `${s.article} ${n} — ${title}`;
}

/** An article: heading, chapter, each paragraph, its interpretative notes, the official link. */
export function renderArticle(view: ArticleView, s: Strings): Block[] {
  const heading = articleHeading(view.article, view.title, s);
  const chapter = [view.chapter && `${s.chapter} ${view.chapter}`, view.chapterTitle].filter(Boolean).join(" — ");
  const blocks: Block[] = [
    {
      html: `<b>${escapeHtml(heading)}</b>` + (chapter ? `\n<i>${escapeHtml(chapter)}</i>` : ""),
      plain: heading + (chapter ? `\n${chapter}` : ""),
      heading: true,
    },
    ...view.paragraphs.map((p) => textBlock(p)),
  ];
  if (view.notes.length) {
    blocks.push({ html: `<b>${escapeHtml(s.notes)}</b>`, plain: s.notes, heading: true });
    blocks.push(...view.notes.map((n, i) => textBlock(n, i === 0 ? "\n" : undefined)));
  }
  if (view.url) blocks.push({ html: link(view.url, s.officialText), plain: `${s.officialText}: ${view.url}` });
  return blocks;
}

/** The corpus documents and the index version. */
export function renderSources(view: SourcesView, s: Strings): Block[] {
  const lines = view.documents.map((d) => {
    const facts = [d.kind, d.language, d.date, s.sections(d.sections)].filter(Boolean).join(", ");
    return { html: `• ${link(d.url, d.title)} — ${escapeHtml(facts)}`, plain: `• ${d.title} — ${facts}${d.url ? ` (${d.url})` : ""}` };
  });
  const indexLine = s.indexLine(view.indexVersion, readableTime(view.createdAt));
  return [
    {
      html: `<b>${escapeHtml(s.documents)}</b>\n` + lines.map((l) => l.html).join("\n"),
      plain: `${s.documents}\n` + lines.map((l) => l.plain).join("\n"),
    },
    textBlock(indexLine),
  ];
}

/** "2025-11-28 15:27 UTC" from an ISO timestamp (anything else is shown as it is). */
function readableTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** Admin `/reindex` result: outcome, numbers, version, and which articles/documents changed. */
export function renderReindexSummary(r: ReindexSummary, s: Strings): Rendered {
  const outcome = r.outcome === "built" ? s.reindexBuilt : r.outcome === "unchanged" ? s.reindexUnchanged : s.reindexDryRun;
  const lines = [outcome, s.summaryNumbers(r.documents, r.articles, r.chunks, r.seconds.toFixed(1))];
  lines.push(`${s.version}: ${r.version}` + (r.previousVersion && r.previousVersion !== r.version ? ` (${s.previous}: ${r.previousVersion})` : ""));
  const list = (label: string, items: (number | string)[]) => items.length && lines.push(`${label}: ${items.join(", ")}`);
  list(s.added, r.diff.added);
  list(s.changed, r.diff.changed);
  list(s.removed, r.diff.removed);
  list(s.changedDocuments, r.diff.documents);
  if (!r.diff.added.length && !r.diff.changed.length && !r.diff.removed.length && !r.diff.documents.length) {
    lines.push(s.nothingChanged);
  }
  const plain = lines.join("\n");
  return { plain, html: escapeHtml(plain) };
}

/** Admin `/stats`: totals, platforms, most cited articles, the latest gaps (refusals and 👎). */
export function renderStats(st: StatsSummary, s: Strings): Block[] {
  const platforms = Object.entries(st.byPlatform).map(([p, n]) => `${p} ${n}`).join(", ") || s.none;
  const top = st.topArticles.slice(0, 10).map((a) => `${s.article} ${a.article} (${a.count})`).join(", ") || s.none;
  const gaps = st.gaps.slice(0, 10).map((g) => {
    const what = g.reason === "refused" ? s.refused : s.downvoted;
    const text = [g.question, g.note].filter(Boolean).join(" — ");
    return `• ${g.at.slice(0, 16).replace("T", " ")} ${g.platform}/${g.language} ${what}${text ? `: ${text}` : ""}`;
  });
  return [
    ...(st.notice ? [textBlock(`⚠️ ${st.notice}`)] : []),
    {
      html: `<b>${escapeHtml(s.statsHeading(st.days))}</b>\n${escapeHtml(s.statsQuestions(st.totalQuestions, st.refused))}`,
      plain: `${s.statsHeading(st.days)}\n${s.statsQuestions(st.totalQuestions, st.refused)}`,
    },
    textBlock(`${s.statsPlatforms}: ${platforms}\n${s.statsTopArticles}: ${top}`),
    {
      html: `<b>${escapeHtml(s.statsGaps)}</b>\n` + (gaps.length ? gaps.map(escapeHtml).join("\n") : escapeHtml(s.none)),
      plain: `${s.statsGaps}\n` + (gaps.length ? gaps.join("\n") : s.none),
    },
  ];
}
