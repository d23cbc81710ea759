/**
 * Turning a chunk into a citation a reader can check: a short verbatim quote (the sentences that
 * best match the question), a label ("Art. 41(1)") and a link to the page of the official text.
 */
import type { Chunk } from "../index/chunk.js";
import { terms } from "../text.js";
import type { Citation, Part } from "../types.js";

const MAX_QUOTE = 420;

export function label(c: Chunk["metadata"]): string {
  switch (c.kind) {
    case "article":
      return `Art. ${c.article}${c.paragraph ? `(${c.paragraph})` : ""}`;
    case "note": {
      const m = /note (\d+) \((.*)\)$/.exec(c.articleTitle);
      return m ? `Interpretative note ${m[1]} (${m[2]})` : c.articleTitle;
    }
    case "news":
      return `News report, para. ${c.paragraph}`;
    case "resolution":
      return `Resolution 79/243${c.paragraph ? `, para. ${c.paragraph}` : ""}`;
    default:
      return c.articleTitle;
  }
}

/** Split legal text into sentences and list items ("(a) …;"), keeping each verbatim. */
export function sentences(text: string): string[] {
  const pieces = text.split(/(?<=[.;:])\s+(?=(?:\([a-z]{1,4}\)|\d+\.\s|[A-Z“"]))/).filter((s) => s.trim());
  // A bare paragraph number ("1.") belongs to the sentence it opens.
  return pieces.reduce<string[]>((out, p) => {
    const last = out[out.length - 1];
    if (last !== undefined && /^\d{1,2}\.$/.test(last)) out[out.length - 1] = `${last} ${p}`;
    else out.push(p);
    return out;
  }, []);
}

function shorten(text: string, max = MAX_QUOTE): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return cut.slice(0, cut.lastIndexOf(" ")).replace(/[,;:]$/, "") + " …";
}

/** The sentence(s) of a chunk that best match the query terms, in their original order. */
export function bestQuote(text: string, queryTerms: string[], max = MAX_QUOTE): string {
  // The paragraph number is in the citation's label ("Art. 62(1)"), not repeated in the quote.
  const body = text.replace(/^\d{1,2}\.\s+/, "");
  const list = sentences(body);
  if (list.length <= 1) return shorten(body, max);
  const wanted = new Set(queryTerms);
  const scored = list.map((s, i) => ({ i, s, score: terms(s).filter((t) => wanted.has(t)).length + (i === 0 ? 0.5 : 0) }));
  const best = [...scored].sort((a, b) => b.score - a.score || a.i - b.i)[0];
  const picked = [best];
  // A short best sentence reads better with its neighbour (an item with its lead-in, say).
  const next = scored[best.i + 1] ?? scored[best.i - 1];
  if (best.s.length < 160 && next && best.s.length + next.s.length < max) picked.push(next);
  return shorten(picked.sort((a, b) => a.i - b.i).map((p) => p.s).join(" "), max);
}

/** The citation part of a chunk's section kind (the one footnote reads as a note). */
export function partOf(kind: Chunk["metadata"]["kind"]): Part {
  return kind === "footnote" ? "note" : kind;
}

export function citationOf(chunk: Chunk, quote: string, item: string | null = null): Citation {
  const m = chunk.metadata;
  return {
    doc: m.doc, part: partOf(m.kind), article: m.article, paragraph: m.paragraph, item, title: m.articleTitle, quote,
    quoteLanguage: m.language ?? "en", url: m.url, label: label(m), chunkId: m.id,
  };
}
