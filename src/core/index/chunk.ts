/**
 * Chunking: one chunk per paragraph, never across an article boundary. A long paragraph (several
 * lettered sub-paragraphs, as in articles 40 or 47) is split at its sub-paragraphs, each part keeping
 * the paragraph's opening words so it still reads as what it is. The text that is embedded starts
 * with the article's number and title, which is how people name what they look for.
 */
import { Document } from "@langchain/core/documents";
import type { Corpus, CorpusDocument, Section } from "../corpus/index.js";

/** Bump when the chunking changes: it is part of the index version. */
export const CHUNKER_VERSION = 5;
const MAX_CHARS = 1100;

export interface ChunkMetadata {
  id: string;
  doc: string;
  /** The source document's language ("en" for the Convention, "id" for the seed news report). */
  language: string;
  kind: Section["kind"];
  section: string;
  chapter: string | null;
  article: number | null;
  articleTitle: string;
  paragraph: number | null;
  part: number;
  /** An Article 2 definition's letter ("c"): each definition is a unit of its own. */
  item?: string | null;
  /** The chunk's blocks in order: a paragraph's opening text, then its sub-paragraphs ("(a) …"). */
  blocks?: string[];
  page: number;
  url: string;
  /** The chunk's own text (the page content minus the heading prefix). */
  text: string;
}

export type Chunk = Document<ChunkMetadata>;

export function heading(doc: CorpusDocument, s: Section): string {
  if (s.kind === "article") return `Article ${s.article} — ${s.title}`;
  if (s.kind === "news") return doc.entry.title;
  return s.title;
}

export function sectionUrl(doc: CorpusDocument, page: number): string {
  return doc.entry.kind === "convention" ? `${doc.entry.url}#page=${page}` : doc.entry.url;
}

interface Part {
  text: string;
  blocks: string[];
  item: string | null;
}

const ITEM = /^\(([a-z])\)\s/;

/** Split a paragraph's blocks into parts of at most ~MAX_CHARS, at block boundaries. */
function parts(blocks: string[]): Part[] {
  const whole = blocks.join(" ");
  if (whole.length <= MAX_CHARS || blocks.length < 2) return [{ text: whole, blocks, item: null }];
  // Continued parts keep the lead-in among their blocks (an item is never quoted without it); a
  // short lead-in is also repeated in the embedded text, so the part still reads as what it is.
  const lead = blocks[0];
  const short = lead.length < 400;
  const out: Part[] = [];
  let current = [blocks[0]];
  const length = (bs: string[]) => bs.join(" ").length;
  for (const b of blocks.slice(1)) {
    if (length(current) + b.length + 1 > MAX_CHARS && !(current.length === 1 && current[0] === lead)) {
      out.push({ text: current.join(" "), blocks: current, item: null });
      current = lead ? [lead, b] : [b];
    } else current.push(b);
  }
  out.push({ text: current.join(" "), blocks: current, item: null });
  // A continued part reads "lead … (f) …" so that its text still shows it is not the beginning.
  return out.map((p, i) => (i > 0 && p.blocks[0] === lead ? { ...p, text: short ? `${lead} … ${p.blocks.slice(1).join(" ")}` : p.blocks.slice(1).join(" ") } : p));
}

/**
 * Article 2's definitions, one part each: "(c) “Traffic data” shall mean …" with its own
 * sub-paragraphs ("(i) …"). A definition stands alone, so the shared lead-in is left out.
 */
function definitions(blocks: string[]): Part[] {
  const out: Part[] = [];
  for (const b of blocks) {
    const m = ITEM.exec(b);
    const last = out[out.length - 1];
    // "(i)" after a definition that ends in "…:" is its first sub-item, not definition (i).
    const sub = m && last && /^\((i|ii|iii|iv|v)\)\s/.test(b) && /:$/.test(last.blocks[0].trim());
    if (m && !sub) out.push({ text: b, blocks: [b], item: m[1] });
    else if (out.length) {
      const last = out[out.length - 1];
      last.blocks.push(b);
      last.text += " " + b;
    }
  }
  return out.length ? out : parts(blocks);
}

export function chunkCorpus(corpus: Corpus): Chunk[] {
  const chunks: Chunk[] = [];
  for (const doc of corpus.documents) {
    for (const s of doc.sections) {
      const head = heading(doc, s);
      const prefix = s.kind === "article" ? `Article ${s.article}. ${s.title}.` : s.kind === "note" ? `${s.title}. Interprets article ${s.interprets?.join(" and ")}.` : `${head}.`;
      s.paragraphs.forEach((p, pi) => {
        const pieces = s.kind === "article" && s.article === 2 ? definitions(p.blocks) : parts(p.blocks);
        pieces.forEach(({ text, blocks, item }, part) => {
          const metadata: ChunkMetadata = {
            id: `${doc.entry.id}:${s.id}:${p.number ?? `u${pi + 1}`}:${part}`,
            doc: doc.entry.id,
            language: doc.entry.language,
            kind: s.kind,
            section: s.id,
            chapter: s.chapter,
            article: s.article,
            articleTitle: head,
            paragraph: s.kind === "article" || s.kind === "news" || s.kind === "resolution" ? p.number : null,
            part,
            item,
            blocks,
            page: s.kind === "article" ? s.page : p.page,
            url: sectionUrl(doc, s.kind === "article" ? s.page : p.page),
            text,
          };
          chunks.push(new Document({ pageContent: `${prefix}\n${text}`, metadata }));
        });
      });
    }
  }
  return chunks;
}
