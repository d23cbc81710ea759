/**
 * Turns the facade's results into Discord embeds. Pure functions: no client, no I/O, so every limit in
 * `limits.ts` can be checked on their output. Every user- or corpus-derived string is markdown-escaped
 * (it must read as text, never as formatting) and cut to the limit of the place it goes; links sit inside
 * embeds, where Discord never unfurls them.
 */
import { embedLength, escapeMarkdown, type APIEmbed, type APIEmbedField } from "discord.js";
import type {
  Answer, ArticleView, Citation, Language, ReindexSummary, SourcesView, StatsSummary,
} from "../core/bot.js";
import { t } from "./i18n.js";
import { LIMITS, link, splitText, truncate } from "./limits.js";

/** One Discord message's worth of embeds (at most 10, at most 6,000 characters together). */
export interface Page {
  embeds: APIEmbed[];
}

const COLOR_GROUNDED = 0x2b7bb9;
const COLOR_REFUSAL = 0x99aab5;
const COLOR_ADMIN = 0xe0a526;
/** Text chunks stay a little under the description limit so an author line or footer still fits. */
const TEXT_CHUNK = 4000;
/** More citations than this are summarized as "…and N more" instead of listed. */
const MAX_CITATIONS = 10;
/** A longer answer is cut after this many text chunks (one message each) and links to the full text. */
const MAX_TEXT_CHUNKS = 3;

export function escape(text: string): string {
  return escapeMarkdown(text);
}

/**
 * An answer as one or more pages: the text (split on paragraph boundaries when long), the cited passages
 * as fields with links to the official text, the index version in the last embed's footer.
 */
export function renderAnswer(answer: Answer, opts: { question?: string } = {}): Page[] {
  const s = t(answer.language);
  const color = answer.grounded ? COLOR_GROUNDED : COLOR_REFUSAL;
  const chunks = textChunks(answer, s.readFullText);
  const embeds: APIEmbed[] = (chunks.length ? chunks : ["…"]).map((description) => ({ description, color }));
  if (opts.question?.trim()) {
    // The author line is plain text (no markdown, no mentions): the question shown as asked.
    embeds[0].author = { name: truncate(`${s.asked}: ${oneLine(opts.question)}`, LIMITS.authorName) };
  }
  const footer = { text: truncate(s.index(answer.indexVersion), LIMITS.footerText) };
  const fields = [...citationFields(answer.citations, answer.language), ...suggestionFields(answer)];
  attachFields(embeds, fields, color, footer.text.length);
  embeds[embeds.length - 1].footer = footer;
  return paginate(embeds);
}

/**
 * The escaped answer text in description-sized chunks; past `MAX_TEXT_CHUNKS` the text is cut at a
 * paragraph boundary and ends with a link to the first cited source's official text.
 */
function textChunks(answer: Answer, readFullText: string): string[] {
  const chunks = splitText(escape(answer.text), TEXT_CHUNK);
  if (chunks.length <= MAX_TEXT_CHUNKS) return chunks;
  const url = answer.citations[0]?.url;
  const tail = url ? `\n\n${link(readFullText, url)}` : "";
  const kept = chunks.slice(0, MAX_TEXT_CHUNKS);
  const last = splitText(kept[MAX_TEXT_CHUNKS - 1], TEXT_CHUNK - tail.length - 2)[0];
  kept[MAX_TEXT_CHUNKS - 1] = `${last}\n…${tail}`;
  return kept;
}

function citationFields(citations: Citation[], lang: Language): APIEmbedField[] {
  const s = t(lang);
  const unique = [...new Map(citations.map((c) => [`${c.doc}|${c.label}|${c.quote}`, c])).values()];
  const fields = unique.slice(0, MAX_CITATIONS).map((c) => citationField(c, lang));
  if (unique.length > MAX_CITATIONS) {
    const rest = unique.slice(MAX_CITATIONS).map((c) => escape(c.label)).join(", ");
    fields.push({ name: s.moreSources(unique.length - MAX_CITATIONS), value: truncate(rest, LIMITS.fieldValue) });
  }
  return fields;
}

/** "Art. 41(1) — 24/7 network" over a quoted line and a link to the official text. */
export function citationField(c: Citation, lang: Language): APIEmbedField {
  const title = c.title.replace(/^Article\s+\d+\s*[—–-]\s*/i, "");
  const name = truncate(title && title !== c.label ? `${c.label} — ${title}` : c.label, LIMITS.fieldName);
  const linkLine = link(t(lang).officialText, c.url);
  const quote = truncate(`> ${escape(oneLine(c.quote))}`, LIMITS.fieldValue - linkLine.length - 1);
  return { name, value: `${quote}\n${linkLine}` };
}

function suggestionFields(answer: Answer): APIEmbedField[] {
  if (answer.grounded || !answer.suggestions?.length) return [];
  const value = answer.suggestions.map((q) => `• ${escape(oneLine(q))}`).join("\n");
  return [{ name: t(answer.language).tryAsking, value: truncate(value, LIMITS.fieldValue) }];
}

/**
 * Put `fields` on the last embed while they fit (count and total size, keeping room for the footer),
 * and on further embeds after it when they do not.
 */
function attachFields(embeds: APIEmbed[], fields: APIEmbedField[], color: number, footerRoom: number): void {
  let target = embeds[embeds.length - 1];
  for (const field of fields) {
    const size = field.name.length + field.value.length;
    const count = target.fields?.length ?? 0;
    if (count >= LIMITS.embedFields || embedLength(target) + size + footerRoom > LIMITS.embedsTotal) {
      target = { color, fields: [] };
      embeds.push(target);
    }
    (target.fields ??= []).push(field);
  }
}

/** Group embeds into messages of at most 10 embeds and 6,000 characters each. */
export function paginate(embeds: APIEmbed[]): Page[] {
  const pages: Page[] = [];
  let current: APIEmbed[] = [];
  let total = 0;
  for (const embed of embeds) {
    const size = embedLength(embed);
    if (current.length && (current.length >= LIMITS.embedsPerMessage || total + size > LIMITS.embedsTotal)) {
      pages.push({ embeds: current });
      current = [];
      total = 0;
    }
    current.push(embed);
    total += size;
  }
  if (current.length) pages.push({ embeds: current });
  return pages;
}

/** "Article 41 — 24/7 network", whether the core's title already carries the number or not. */
export function articleHeading(article: number, title: string): string {
  return /^article\s+\d+/i.test(title) ? title : `Article ${article} — ${title}`;
}

/**
 * An article: its heading linked to the official text, its chapter, then the whole paragraphs that fit;
 * when some do not, a count in the footer and a "read the full text" link.
 */
export function renderArticle(view: ArticleView, lang: Language, indexVersion: string): APIEmbed {
  const s = t(lang);
  const more = `\n\n${link(s.readFullText, view.url)}`;
  const room = LIMITS.embedDescription - more.length;
  const paragraphs = view.paragraphs.map(escape);
  let description = "";
  let shown = 0;
  for (const p of paragraphs) {
    const next = description ? `${description}\n\n${p}` : p;
    if (next.length > room) break;
    description = next;
    shown++;
  }
  if (shown === 0 && paragraphs.length) {
    description = truncate(paragraphs[0], room);
  }
  const complete = shown === paragraphs.length;
  if (!complete) description += more;
  const chapter = /^chapter/i.test(view.chapter) ? view.chapter : `Chapter ${view.chapter}`;
  const footer = [s.index(indexVersion), complete ? "" : s.paragraphsShown(shown, paragraphs.length)].filter(Boolean).join(" · ");
  const embed: APIEmbed = {
    title: truncate(articleHeading(view.article, view.title), LIMITS.embedTitle),
    url: view.url,
    color: COLOR_GROUNDED,
    author: { name: truncate(view.chapterTitle ? `${chapter} — ${view.chapterTitle}` : chapter, LIMITS.authorName) },
    description: description || "…",
    footer: { text: truncate(footer, LIMITS.footerText) },
  };
  if (view.notes.length) {
    const notes = { name: s.notes, value: truncate(view.notes.map((n) => escape(oneLine(n))).join("\n\n"), LIMITS.fieldValue) };
    if (embedLength(embed) + notes.name.length + notes.value.length <= LIMITS.embedsTotal) embed.fields = [notes];
  }
  return embed;
}

export function renderSources(view: SourcesView, lang: Language): APIEmbed {
  const s = t(lang);
  const lines = view.documents.map((d) => {
    const meta = [d.kind, d.language, d.date, s.sections(d.sections)].filter(Boolean).map((x) => escape(String(x))).join(" · ");
    return `**${escape(oneLine(d.title))}**\n${meta}\n${link(s.officialText, d.url)}`;
  });
  return {
    title: s.sourcesTitle,
    color: COLOR_GROUNDED,
    description: truncateLines(lines, LIMITS.embedDescription) || "…",
    footer: { text: truncate(`${s.index(view.indexVersion)} · ${s.builtAt(view.createdAt)}`, LIMITS.footerText) },
  };
}

export function renderHelp(lang: Language, articleCount: number): APIEmbed {
  const s = t(lang);
  return {
    title: s.helpTitle,
    color: COLOR_GROUNDED,
    description: `${s.helpIntro}\n\n${s.helpCommands}\n\n${s.helpMention}`,
    fields: [{ name: s.helpExamples, value: s.examples.map((q) => `• ${q}`).join("\n") }],
    footer: articleCount ? { text: `${s.articles}: ${articleCount}` } : undefined,
  };
}

export function renderReindexSummary(summary: ReindexSummary, lang: Language): APIEmbed {
  const s = t(lang);
  const d = summary.diff;
  const list = (xs: (number | string)[]) => truncate(xs.join(", "), 300);
  const changes = [
    d.added.length ? `${s.added}: ${list(d.added)}` : "",
    d.changed.length ? `${s.changed}: ${list(d.changed)}` : "",
    d.removed.length ? `${s.removed}: ${list(d.removed)}` : "",
    d.documents.length ? `${s.documents}: ${list(d.documents.map((x) => escape(x)))}` : "",
  ].filter(Boolean);
  return {
    title: s.reindexTitle(summary.outcome),
    color: COLOR_ADMIN,
    fields: [
      { name: s.version, value: escape(summary.version), inline: true },
      { name: s.previous, value: escape(summary.previousVersion ?? "—"), inline: true },
      { name: s.seconds, value: summary.seconds.toFixed(1), inline: true },
      { name: s.documents, value: String(summary.documents), inline: true },
      { name: s.articles, value: String(summary.articles), inline: true },
      { name: s.chunks, value: String(summary.chunks), inline: true },
      { name: s.changes, value: truncate(changes.join("\n") || s.noChanges, LIMITS.fieldValue) },
    ],
  };
}

export function renderStats(stats: StatsSummary, lang: Language): APIEmbed {
  const s = t(lang);
  const rate = stats.totalQuestions ? ` (${Math.round((100 * stats.refused) / stats.totalQuestions)}%)` : "";
  const platforms = Object.entries(stats.byPlatform).map(([p, n]) => `${escape(p)}: ${n}`).join("\n");
  const articles = stats.topArticles.map((a) => `Art. ${a.article} × ${a.count}`).join("\n");
  const gaps = stats.gaps.slice(0, 10).map((g) => {
    const what = g.question ? ` — ${truncate(escape(oneLine(g.question)), 120)}` : "";
    return `${g.at.slice(0, 16)} · ${escape(g.platform)} · ${g.language} · ${g.reason}${what}`;
  });
  return {
    title: s.statsTitle(stats.days),
    color: COLOR_ADMIN,
    ...(stats.notice ? { description: truncate(`⚠️ ${escape(stats.notice)}`, LIMITS.embedDescription) } : {}),
    fields: [
      { name: s.questions, value: String(stats.totalQuestions), inline: true },
      { name: s.refused, value: `${stats.refused}${rate}`, inline: true },
      { name: s.byPlatform, value: truncate(platforms || s.none, LIMITS.fieldValue), inline: true },
      { name: s.topArticles, value: truncate(articles || s.none, LIMITS.fieldValue), inline: true },
      { name: s.gaps, value: truncateLines(gaps, LIMITS.fieldValue) || s.none },
    ],
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Join whole lines (blank line between) while they fit in `max`; never cut inside a link. */
function truncateLines(lines: string[], max: number): string {
  let out = "";
  for (const line of lines) {
    const next = out ? `${out}\n\n${line}` : line;
    if (next.length > max) return out || truncate(line, max);
    out = next;
  }
  return out;
}
