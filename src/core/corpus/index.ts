/**
 * The corpus as the index sees it: every document of the source list read, checked and cut into
 * sections (an article, an interpretative note, the preamble, the news report…), each a list of
 * paragraphs. Parsing or validation failures stop here, before anything is written.
 */
import { readManifest, type SourceEntry } from "./manifest.js";
import { obtainSource, sha256, type ObtainOptions } from "./obtain.js";
import { readPdf } from "./pdf.js";
import { parseConvention, validateConvention, type Chapter, type Paragraph } from "./convention.js";
import { parseNews, pdfText } from "./news.js";

export type { Paragraph, Chapter };
export { SourceUnavailableError } from "./obtain.js";
export { StructureError } from "./convention.js";
export { PdfError } from "./pdf.js";

export type SectionKind = "resolution" | "preamble" | "article" | "note" | "footnote" | "news";

export interface Section {
  /** Stable within a document: "art-7", "note-4", "preamble", "news". */
  id: string;
  kind: SectionKind;
  article: number | null;
  title: string;
  chapter: string | null;
  page: number;
  paragraphs: Paragraph[];
  /** For interpretative notes: the articles they interpret. */
  interprets?: number[];
}

export interface CorpusDocument {
  entry: SourceEntry;
  sha256: string;
  sections: Section[];
  chapters: Chapter[];
}

export interface Corpus {
  documents: CorpusDocument[];
}

export async function loadCorpus(opts: ObtainOptions, onStage?: (stage: "read" | "parse", done: number, total: number) => void): Promise<Corpus> {
  const entries = await readManifest(opts.corpusDir);
  const raw = [];
  for (const [i, entry] of entries.entries()) {
    raw.push({ entry, obtained: await obtainSource(entry, opts) });
    onStage?.("read", i + 1, entries.length);
  }
  const documents: CorpusDocument[] = [];
  for (const [i, { entry, obtained }] of raw.entries()) {
    documents.push({ entry, sha256: obtained.sha256, ...(await parseDocument(entry, obtained.bytes)) });
    onStage?.("parse", i + 1, raw.length);
  }
  return { documents };
}

async function parseDocument(entry: SourceEntry, bytes: Uint8Array): Promise<Pick<CorpusDocument, "sections" | "chapters">> {
  if (entry.kind !== "convention") {
    // A report or press release: numbered paragraphs, from plain text or from a PDF's lines.
    const text = entry.obtain.format === "pdf" ? pdfText(await readPdf(bytes)) : new TextDecoder().decode(bytes);
    const paragraphs = parseNews(text).map((text, i) => ({ number: i + 1, blocks: [text], page: 1 }));
    return { chapters: [], sections: [{ id: "news", kind: "news", article: null, title: entry.title, chapter: null, page: 1, paragraphs }] };
  }
  const c = parseConvention(await readPdf(bytes));
  validateConvention(c);
  const chapterOf = (n: number) => c.articles[n - 1]?.chapter ?? null;
  const sections: Section[] = [
    { id: "resolution", kind: "resolution", article: null, title: `General Assembly resolution 79/243 (adopted ${c.adopted})`, chapter: null, page: 1, paragraphs: c.resolution },
    { id: "preamble", kind: "preamble", article: null, title: "Preamble", chapter: null, page: c.preamble[0]?.page ?? 3, paragraphs: c.preamble },
    ...c.articles.map((a): Section => ({ id: `art-${a.number}`, kind: "article", article: a.number, title: a.title, chapter: a.chapter, page: a.page, paragraphs: a.paragraphs })),
    ...c.notes.map((n): Section => ({
      id: `note-${n.number}`,
      kind: "note",
      article: null,
      title: `Interpretative note ${n.number} (${n.heading})`,
      chapter: n.interprets.length ? chapterOf(n.interprets[0]) : null,
      page: n.page,
      paragraphs: [{ number: n.number, blocks: [n.text], page: n.page }],
      interprets: n.interprets,
    })),
  ];
  if (c.footnote) sections.push({ id: "footnote", kind: "footnote", article: null, title: "Footnote", chapter: null, page: 45, paragraphs: [{ number: 1, blocks: [c.footnote], page: 45 }] });
  return { sections, chapters: c.chapters };
}

/** A section's content hash, for the manifest and the diff between index versions. */
export function sectionHash(s: Section): string {
  return sha256(JSON.stringify([s.title, s.chapter, s.paragraphs.map((p) => [p.number, p.blocks])]));
}
