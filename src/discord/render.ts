/**
 * Discord's markup for what the chat layer and the facade produce: embeds. Pure functions: no client,
 * no I/O, so every limit in `limits.ts` can be checked on their output. Every user- or corpus-derived
 * string is markdown-escaped (it must read as text, never as formatting) and cut to the limit of the
 * place it goes; links sit inside embeds, where Discord never unfurls them.
 */
import { embedLength, escapeMarkdown, type APIEmbed, type APIEmbedField } from "discord.js";
import { answerView, quoteLine, quoteOf, type AnswerView } from "../chat/answer.js";
import { say, sayLines } from "../chat/catalog.js";
import { pack, splitText, truncate } from "../chat/split.js";
import { articleGist, articleHeading, chapterLine, readableTime, reindexChanges } from "../chat/views.js";
import type { Answer, ArticleView, Citation, Language, ReindexSummary, SourcesView, StatsSummary } from "../core/bot.js";
import { LIMITS, link } from "./limits.js";

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

const measure = (limit: number) => ({ limit, escape });

/**
 * An answer as one or more pages: its blocks as the description (split on paragraph boundaries when
 * long), the cited passages as fields with links to the official text, the index in the last footer.
 */
export function renderAnswer(answer: Answer, opts: { question?: string } = {}): Page[] {
  const lang = answer.language;
  const view = answerView(answer);
  const color = answer.grounded ? COLOR_GROUNDED : COLOR_REFUSAL;
  const chunks = textChunks(view, answer.citations[0]?.url, lang);
  const embeds: APIEmbed[] = (chunks.length ? chunks : ["…"]).map((description) => ({ description, color }));
  if (opts.question?.trim()) {
    // The author line is plain text (no markdown, no mentions): the question shown as asked.
    embeds[0].author = { name: truncate(`${say(lang, "answer-question")}: ${oneLine(opts.question)}`, LIMITS.authorName) };
  }
  const footer = { text: truncate(say(lang, "answer-index", { version: answer.indexVersion }), LIMITS.footerText) };
  const fields = [...citationFields(answer.citations, lang), ...suggestionFields(view)];
  attachFields(embeds, fields, color, footer.text.length);
  embeds[embeds.length - 1].footer = footer;
  return paginate(embeds);
}

/** The body as markdown pieces: the summary labelled in bold, quotes as lines, everything escaped. */
function bodyPieces(view: AnswerView) {
  return view.body.map((b) => {
    const glue = b.tight ? "\n" : undefined;
    if (b.kind === "summary") return { text: `**${escape(b.label)}:** ${escape(b.text)}`, plain: `${b.label}: ${b.text}`, glue };
    const plain = b.kind === "quote" ? quoteLine(b.quote) : b.text;
    return { text: escape(plain), plain, glue };
  });
}

/**
 * The body in description-sized chunks; past `MAX_TEXT_CHUNKS` the text is cut at a paragraph
 * boundary and ends with a link to the first cited source's official text.
 */
function textChunks(view: AnswerView, url: string | undefined, lang: Language): string[] {
  const chunks = pack(bodyPieces(view), measure(TEXT_CHUNK)).map((m) => m.text);
  if (chunks.length <= MAX_TEXT_CHUNKS) return chunks;
  const tail = url ? `\n\n${link(say(lang, "answer-read-full-text"), url)}` : "";
  const kept = chunks.slice(0, MAX_TEXT_CHUNKS);
  const last = splitText(kept[MAX_TEXT_CHUNKS - 1], { limit: TEXT_CHUNK - tail.length - 2, escape: (t) => t })[0];
  kept[MAX_TEXT_CHUNKS - 1] = `${last}\n…${tail}`;
  return kept;
}

function citationFields(citations: Citation[], lang: Language): APIEmbedField[] {
  const unique = [...new Map(citations.map((c) => [`${c.doc}|${c.label}|${c.quote}`, c])).values()];
  const fields = unique.slice(0, MAX_CITATIONS).map((c) => citationField(c, lang));
  if (unique.length > MAX_CITATIONS) {
    const rest = unique.slice(MAX_CITATIONS).map((c) => escape(c.label)).join(", ");
    fields.push({ name: say(lang, "answer-more-sources", { count: unique.length - MAX_CITATIONS }), value: truncate(rest, LIMITS.fieldValue) });
  }
  return fields;
}

/**
 * "Art. 41(1) — 24/7 network" over the quoted passage and a link to the official text. For a quote
 * the answer shows in translation, the field holds the verbatim original, labelled as such.
 */
export function citationField(c: Citation, lang: Language): APIEmbedField {
  const title = c.title.replace(/^Article\s+\d+\s*[—–-]\s*/i, "");
  const name = truncate(title && title !== c.label ? `${c.label} — ${title}` : c.label, LIMITS.fieldName);
  const linkLine = link(say(lang, "official-text"), c.url);
  const translated = quoteOf(c, lang).translated;
  const heading = translated ? `**${escape(translated.originalLabel)}**\n` : "";
  const quote = truncate(`${heading}> ${escape(oneLine(c.quote))}`, LIMITS.fieldValue - linkLine.length - 1);
  return { name, value: `${quote}\n${linkLine}` };
}

function suggestionFields(view: AnswerView): APIEmbedField[] {
  if (view.grounded || !view.suggestions) return [];
  const value = view.suggestions.questions.map((q) => `• ${escape(oneLine(q))}`).join("\n");
  return [{ name: view.suggestions.heading, value: truncate(value, LIMITS.fieldValue) }];
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

/**
 * An article: its heading linked to the official text, its chapter, then the whole paragraphs that fit;
 * when some do not, a count in the footer and a "read the full text" link.
 */
export function renderArticle(view: ArticleView, lang: Language, indexVersion: string): APIEmbed {
  const more = `\n\n${link(say(lang, "answer-read-full-text"), view.url)}`;
  const gist = articleGist(view, lang);
  // The gist opens the description, in the reader's language; the official paragraphs follow.
  const opening = gist ? `*${escape(gist.label)}:* ${escape(gist.text)}\n\n` : "";
  const room = LIMITS.embedDescription - more.length - opening.length;
  const paragraphs = view.paragraphs.map(escape);
  let description = "";
  let shown = 0;
  for (const p of paragraphs) {
    const next = description ? `${description}\n\n${p}` : p;
    if (next.length > room) break;
    description = next;
    shown++;
  }
  if (shown === 0 && paragraphs.length) description = truncate(paragraphs[0], room);
  const complete = shown === paragraphs.length;
  if (!complete) description += more;
  description = opening + description;
  const index = say(lang, "answer-index", { version: indexVersion });
  const footer = complete ? index : `${index} · ${say(lang, "article-paragraphs-shown", { shown, total: paragraphs.length })}`;
  const embed: APIEmbed = {
    title: truncate(articleHeading(view.article, view.title, lang), LIMITS.embedTitle),
    url: view.url,
    color: COLOR_GROUNDED,
    author: { name: truncate(chapterLine(view, lang), LIMITS.authorName) },
    description: description || "…",
    footer: { text: truncate(footer, LIMITS.footerText) },
  };
  if (view.notes.length) {
    const notes = { name: say(lang, "article-notes"), value: truncate(view.notes.map((n) => escape(oneLine(n))).join("\n\n"), LIMITS.fieldValue) };
    if (embedLength(embed) + notes.name.length + notes.value.length <= LIMITS.embedsTotal) embed.fields = [notes];
  }
  return embed;
}

export function renderSources(view: SourcesView, lang: Language): APIEmbed {
  const lines = view.documents.map((d) => {
    const meta = [d.kind, d.language, d.date, say(lang, "sources-sections", { count: d.sections })].filter(Boolean).map((x) => escape(String(x))).join(" · ");
    return `**${escape(oneLine(d.title))}**\n${meta}\n${link(say(lang, "official-text"), d.url)}`;
  });
  return {
    title: say(lang, "sources-title"),
    color: COLOR_GROUNDED,
    description: truncateLines(lines, LIMITS.embedDescription) || "…",
    footer: { text: truncate(say(lang, "sources-index", { version: view.indexVersion, date: readableTime(view.createdAt) }), LIMITS.footerText) },
  };
}

export function renderHelp(lang: Language, articleCount: number): APIEmbed {
  const section = (titleId: string, body: string) => `**${say(lang, titleId)}**\n${body}`;
  return {
    title: say(lang, "help-title"),
    color: COLOR_GROUNDED,
    description: [say(lang, "help-intro"), section("help-how", say(lang, "help-how-discord")), section("help-commands", sayLines(lang, "help-commands-list").join("\n"))].join("\n\n"),
    fields: [{ name: say(lang, "help-examples"), value: sayLines(lang, "help-example-questions").map((q) => `• ${q}`).join("\n") }],
    footer: articleCount ? { text: `${say(lang, "reindex-articles")}: ${articleCount}` } : undefined,
  };
}

export function renderReindexSummary(summary: ReindexSummary, lang: Language): APIEmbed {
  const changes = reindexChanges(summary, lang, (xs) => truncate(xs.map((x) => escape(String(x))).join(", "), 300));
  const field = (id: string, value: string, inline = true) => ({ name: say(lang, id), value, inline });
  return {
    title: say(lang, "reindex-outcome", { outcome: summary.outcome }),
    color: COLOR_ADMIN,
    fields: [
      field("reindex-version", escape(summary.version)),
      field("reindex-previous", escape(summary.previousVersion ?? "—")),
      field("reindex-seconds", summary.seconds.toFixed(1)),
      field("reindex-documents", String(summary.documents)),
      field("reindex-articles", String(summary.articles)),
      field("reindex-chunks", String(summary.chunks)),
      field("reindex-changes", truncate(changes.join("\n") || say(lang, "reindex-no-changes"), LIMITS.fieldValue), false),
    ],
  };
}

export function renderStats(stats: StatsSummary, lang: Language): APIEmbed {
  const none = say(lang, "none");
  const rate = stats.totalQuestions ? ` (${Math.round((100 * stats.refused) / stats.totalQuestions)}%)` : "";
  const platforms = Object.entries(stats.byPlatform).map(([p, n]) => `${escape(p)}: ${n}`).join("\n");
  const articles = stats.topArticles.map((a) => `${say(lang, "article-label", { number: a.article })} × ${a.count}`).join("\n");
  const gaps = stats.gaps.slice(0, 10).map((g) => {
    const what = g.question ? ` — ${truncate(escape(oneLine(g.question)), 120)}` : "";
    const reason = g.reason === "refused" ? say(lang, "stats-refused-mark") : "👎";
    return `${g.at.slice(0, 16)} · ${escape(g.platform)} · ${g.language} · ${reason}${what}`;
  });
  return {
    title: say(lang, "stats-title", { days: stats.days }),
    color: COLOR_ADMIN,
    ...(stats.notice ? { description: truncate(`⚠️ ${escape(stats.notice)}`, LIMITS.embedDescription) } : {}),
    fields: [
      { name: say(lang, "stats-questions"), value: String(stats.totalQuestions), inline: true },
      { name: say(lang, "stats-refused"), value: `${stats.refused}${rate}`, inline: true },
      { name: say(lang, "stats-by-platform"), value: truncate(platforms || none, LIMITS.fieldValue), inline: true },
      { name: say(lang, "stats-top-articles"), value: truncate(articles || none, LIMITS.fieldValue), inline: true },
      { name: say(lang, "stats-gaps"), value: truncateLines(gaps, LIMITS.fieldValue) || none },
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
