/**
 * An answer as platform-neutral blocks, read from the core's structured `Answer.blocks` (never from
 * its plain `text`): the unofficial summary first and labelled as such, then the framing lines and
 * quotes in the core's order (a translated quote shows the translation, marked, with the verbatim
 * original attached), then the notes; after them the suggestions and the distinct sources. Each
 * platform only turns these into its own markup.
 */
import type { Answer, Citation, Language } from "../core/bot.js";
import { say } from "./catalog.js";

export interface Quote {
  /** What the reader sees first: the verbatim quote, or its translation into their language. */
  text: string;
  /** "Art. 41(1)" */
  label: string;
  /** "24/7 network" for an article (without "Article 41 —", which the label names); empty otherwise. */
  title: string;
  url: string;
  /** For a translated quote: its mark, and the verbatim original with its label. */
  translated?: { mark: string; originalLabel: string; original: string };
}

export type Block =
  | { kind: "summary"; label: string; text: string }
  | { kind: "intro" | "note" | "text"; text: string }
  | { kind: "quote"; quote: Quote };

export interface Source {
  label: string;
  title: string;
  url: string;
}

export interface AnswerView {
  language: Language;
  grounded: boolean;
  /** The body in reading order; `tight` marks a block that follows the previous one on the next line. */
  body: (Block & { tight: boolean })[];
  /** Suggested questions, when the core has not already written them into the body. */
  suggestions?: { heading: string; questions: string[] };
  /** Distinct sources (by label), in citation order. */
  sources: Source[];
}

/** "24/7 network" rather than "Article 41 — 24/7 network" next to the label "Art. 41(1)". */
export function shortTitle(c: Pick<Citation, "article" | "title">): string {
  return c.article !== null ? c.title.replace(/^\s*article\s+\d+\s*[—–-]\s*/i, "") : c.title;
}

export function quoteOf(c: Citation, lang: Language): Quote {
  const quote: Quote = { text: c.quote, label: c.label, title: c.article !== null ? shortTitle(c) : "", url: c.url };
  if (!c.translation) return quote;
  const originalLabel = say(lang, "answer-original", { language: c.quoteLanguage });
  return { ...quote, text: c.translation.text, translated: { mark: say(lang, "answer-translated"), originalLabel, original: c.quote } };
}

/** `lang`: the language of the labels (default: the answer's). */
export function answerView(answer: Answer, lang: Language = answer.language): AnswerView {
  const body: AnswerView["body"] = [];
  let previous: Block["kind"] | undefined;
  const push = (b: Block) => {
    const tight = (previous === "intro" || previous === "quote") && b.kind === "quote";
    body.push({ ...b, tight });
    previous = b.kind;
  };
  // A long summary (a model's answer) is split into paragraphs like any text; the label opens the first.
  const pushSummary = (text: string) =>
    paragraphsOf(text).forEach((p, i) => push(i === 0 ? { kind: "summary", label: say(lang, "answer-summary"), text: p } : { kind: "text", text: p }));
  if (answer.summary) pushSummary(answer.summary);
  for (const b of answer.blocks) {
    if (b.kind === "quote") {
      const c = answer.citations[b.citation];
      if (c) push({ kind: "quote", quote: quoteOf(c, lang) });
    } else if (b.kind === "summary") {
      if (!answer.summary) pushSummary(b.text);
    } else {
      // Paragraphs are the unit a message is never split inside (when it fits).
      for (const text of paragraphsOf(b.text)) push({ kind: b.kind, text });
    }
  }
  const written = body.map((b) => ("text" in b ? b.text : "")).join("\n");
  const missing = answer.suggestions?.length && !answer.suggestions.every((q) => written.includes(q));
  const seen = new Set<string>();
  const sources = answer.citations
    .filter((c) => !seen.has(c.label) && seen.add(c.label))
    .map((c) => ({ label: c.label, title: shortTitle(c), url: c.url }));
  return {
    language: answer.language,
    grounded: answer.grounded,
    body,
    ...(missing ? { suggestions: { heading: say(lang, "answer-try-asking"), questions: answer.suggestions! } } : {}),
    sources,
  };
}

/** Blank-line separated paragraphs, trimmed. */
function paragraphsOf(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

/** A quote as one plain line, the way `Answer.text` writes it: “…” — Art. 41(1), 24/7 network. */
export function quoteLine(q: Quote): string {
  const where = q.title ? `${q.label}, ${q.title}` : q.label;
  return `“${q.text}” — ${where}${q.translated ? ` ${q.translated.mark}` : ""}`;
}
