/**
 * Turning a chunk into a citation a reader can check: a verbatim quote (see quote.ts), a label
 * ("Art. 41(1)", "Art. 2(c)") and a link to the page of the official text.
 */
import type { Chunk } from "../index/chunk.js";
import { QUOTE_BUDGET, quoteOf } from "./quote.js";
import type { Citation, Part } from "../types.js";

export function label(c: Chunk["metadata"]): string {
  switch (c.kind) {
    case "article":
      return `Art. ${c.article}${c.paragraph ? `(${c.paragraph})` : ""}${c.item ? `(${c.item})` : ""}`;
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

/** The verbatim quote of a chunk for these query terms, and the item it stands for (see quote.ts). */
export function quoteChunk(chunk: Chunk, queryTerms: string[], max = QUOTE_BUDGET): { quote: string; item: string | null } {
  const q = quoteOf(chunk.metadata, queryTerms, max);
  return { quote: q.text, item: q.item };
}

/** A citation of a chunk with its best quote for the query terms. */
export function cite(chunk: Chunk, queryTerms: string[], max = QUOTE_BUDGET): Citation {
  const { quote, item } = quoteChunk(chunk, queryTerms, max);
  return citationOf(chunk, quote, item);
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
