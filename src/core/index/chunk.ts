/**
 * Chunking: one chunk per paragraph, never across an article boundary. A long paragraph (several
 * lettered sub-paragraphs, as in articles 40 or 47) is split at its sub-paragraphs, each part keeping
 * the paragraph's opening words so it still reads as what it is. The text that is embedded starts
 * with the article's number and title, which is how people name what they look for.
 */
import { Document } from "@langchain/core/documents";
import type { Corpus, CorpusDocument, Section } from "../corpus/index.js";

/** Bump when the chunking changes: it is part of the index version. */
export const CHUNKER_VERSION = 2;
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

/** Split a paragraph's blocks into parts of at most ~MAX_CHARS, at block boundaries. */
function parts(blocks: string[]): string[] {
  const whole = blocks.join(" ");
  if (whole.length <= MAX_CHARS || blocks.length < 2) return [whole];
  const lead = blocks[0].length < 400 ? blocks[0] : "";
  const out: string[] = [];
  let current = blocks[0];
  for (const b of blocks.slice(1)) {
    if (current.length + b.length + 1 > MAX_CHARS && current !== lead) {
      out.push(current);
      current = lead ? `${lead} … ${b}` : b;
    } else current += " " + b;
  }
  out.push(current);
  return out;
}

export function chunkCorpus(corpus: Corpus): Chunk[] {
  const chunks: Chunk[] = [];
  for (const doc of corpus.documents) {
    for (const s of doc.sections) {
      const head = heading(doc, s);
      const prefix = s.kind === "article" ? `Article ${s.article}. ${s.title}.` : s.kind === "note" ? `${s.title}. Interprets article ${s.interprets?.join(" and ")}.` : `${head}.`;
      s.paragraphs.forEach((p, pi) => {
        parts(p.blocks).forEach((text, part) => {
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
