/**
 * The Convention's structure, recovered from the PDF's lines: the resolution that adopts it, the
 * preamble, chapters I–IX, articles 1–68 with numbered paragraphs (lettered sub-paragraphs kept
 * inside their paragraph), the annex of interpretative notes and the footnote.
 *
 * Layout facts this relies on (checked against the official PDF, job no. 24-24621):
 * - inside a page, lines of one block are ~12 units apart and blocks ~18;
 * - the first line of an unnumbered paragraph is indented (x ≈ 147), numbered ones are not;
 * - headings are blocks of their own: "Chapter II" + title, "Article 7" + title (one or two lines).
 */
import type { PdfLine, PdfText } from "./pdf.js";

export interface Paragraph {
  /** The printed number ("1." → 1), or null for an unnumbered paragraph. */
  number: number | null;
  /** The paragraph's blocks: its opening text, then each lettered sub-paragraph, in order. */
  blocks: string[];
  page: number;
}

export interface Article {
  number: number;
  title: string;
  chapter: string;
  page: number;
  paragraphs: Paragraph[];
}

export interface Chapter {
  numeral: string;
  title: string;
}

export interface InterpretativeNote {
  number: number;
  /** Articles the note interprets, from its heading ("Articles 23 and 35, …"). */
  interprets: number[];
  heading: string;
  text: string;
  page: number;
}

export interface Convention {
  title: string;
  adopted: string;
  resolution: Paragraph[];
  preamble: Paragraph[];
  chapters: Chapter[];
  articles: Article[];
  notes: InterpretativeNote[];
  footnote: string;
}

interface Block {
  page: number;
  lines: PdfLine[];
  text: string;
}

const BLOCK_GAP = 15;
const ARTICLE_HEADING = /^Article (\d+)\.?$/;
const CHAPTER_HEADING = /^Chapter ([IVX]+)$/;
const NUMBERED = /^(\d+)\.\s/;
const INDENT_X = 140;

/** Join printed lines into text: re-glue words hyphenated at a line end, drop justification artefacts. */
export function joinLines(lines: string[]): string {
  let out = "";
  for (const raw of lines) {
    const line = raw.trim();
    if (!out) out = line;
    else if (/\w ?-$/.test(out)) out = out.replace(/ ?-$/, "-") + line;
    else out += " " + line;
  }
  return out
    .replace(/(\w) -(?=\w)/g, "$1-")
    .replace(/\s+([.,;:)])/g, "$1")
    .replace(/\(\s+/g, "(")
    .replace(/\s+/g, " ")
    .trim();
}

function startsBlock(line: PdfLine, prev: PdfLine | undefined, current: Block | undefined): boolean {
  if (!prev || !current) return true;
  if (line.page === prev.page) return prev.y - line.y > BLOCK_GAP;
  // First line of a new page: continue the previous block unless the line clearly opens a new one.
  if (ARTICLE_HEADING.test(line.text) || CHAPTER_HEADING.test(line.text)) return true;
  if (line.x >= INDENT_X && !/^\((?:[ivx]+)\)/.test(line.text)) return true;
  if (/^\((?:[a-z]|[ivx]+)\)\s/.test(line.text) || NUMBERED.test(line.text)) return /[.;:]$/.test(current.text);
  return false;
}

export function toBlocks(lines: PdfLine[]): Block[] {
  const blocks: Block[] = [];
  let prev: PdfLine | undefined;
  for (const line of lines) {
    const current = blocks[blocks.length - 1];
    if (startsBlock(line, prev, current)) blocks.push({ page: line.page, lines: [line], text: line.text });
    else {
      current.lines.push(line);
      current.text = joinLines(current.lines.map((l) => l.text));
    }
    prev = line;
  }
  return blocks;
}

/** Group body blocks into paragraphs: a numbered block opens one, other blocks extend the current one. */
function paragraphsOf(blocks: Block[], numbered = NUMBERED): Paragraph[] {
  const out: Paragraph[] = [];
  for (const b of blocks) {
    const m = numbered.exec(b.text);
    const current = out[out.length - 1];
    if (m || !current) out.push({ number: m ? Number(m[1]) : null, blocks: [b.text], page: b.page });
    else current.blocks.push(b.text);
  }
  return out;
}

/** Headings are the first line(s) of a block; split "Article 7 / Illegal access / 1. Each…" safely. */
function headingTitle(block: Block): string {
  return joinLines(block.lines.slice(1).map((l) => l.text));
}

export class StructureError extends Error {}

export function parseConvention(pdf: PdfText): Convention {
  const blocks = toBlocks(pdf.body);
  const find = (pred: (b: Block) => boolean, from = 0) => {
    const i = blocks.findIndex((b, k) => k >= from && pred(b));
    return i;
  };
  const titleAt = find((b) => /^79\/243\. /.test(b.text));
  const annexAt = find((b) => /^Annex\b/.test(b.text) && /United Nations Convention against Cybercrime/.test(b.text));
  const preambleAt = find((b) => b.text === "Preamble", Math.max(annexAt, 0));
  const firstChapterAt = find((b) => CHAPTER_HEADING.test(b.lines[0].text), Math.max(preambleAt, 0));
  const notesAt = find((b) => /^Annex Interpretative notes/.test(b.text), Math.max(firstChapterAt, 0));
  if ([titleAt, annexAt, preambleAt, firstChapterAt, notesAt].some((i) => i < 0)) {
    throw new StructureError("the text does not have the Convention's layout (resolution, annex, preamble, chapters, notes)");
  }
  const front = blocks.slice(0, titleAt).map((b) => b.text).join(" ");
  const adopted = /Resolution adopted by the General Assembly on (\d{1,2} \w+ \d{4})/.exec(front)?.[1] ?? "";
  const assemblyAt = find((b) => b.text === "The General Assembly,", titleAt);
  const title = blocks.slice(titleAt, assemblyAt).map((b) => b.text).join(" ").replace(/^79\/243\.\s*/, "");
  // The resolution: each block is a paragraph of its own (preambular ones unnumbered).
  const resolution = blocks
    .slice(assemblyAt, annexAt)
    .filter((b) => !/plenary meeting|^\d{1,2} \w+ \d{4}$/.test(b.text))
    .map((b) => ({ number: Number(NUMBERED.exec(b.text)?.[1]) || null, blocks: [b.text], page: b.page }));
  const preamble = paragraphsOf(blocks.slice(preambleAt + 1, firstChapterAt), /^$/).flatMap((p) =>
    p.blocks.map((text) => ({ number: null, blocks: [text], page: p.page })),
  );

  const chapters: Chapter[] = [];
  const articles: Article[] = [];
  let body: Block[] = [];
  let open: Article | undefined;
  const flush = () => {
    if (open) open.paragraphs = paragraphsOf(body);
    open = undefined;
    body = [];
  };
  for (const b of blocks.slice(firstChapterAt, notesAt)) {
    const first = b.lines[0].text;
    const chapter = CHAPTER_HEADING.exec(first);
    const article = ARTICLE_HEADING.exec(first);
    if (chapter) {
      flush();
      chapters.push({ numeral: chapter[1], title: headingTitle(b) });
    } else if (article) {
      flush();
      open = { number: Number(article[1]), title: headingTitle(b), chapter: chapters[chapters.length - 1]?.numeral ?? "", page: b.page, paragraphs: [] };
      articles.push(open);
    } else if (/^IN WITNESS WHEREOF/.test(b.text)) {
      flush();
    } else {
      body.push(b);
    }
  }
  flush();

  return { title, adopted, resolution, preamble, chapters, articles, notes: parseNotes(blocks.slice(notesAt + 1)), footnote: joinLines(pdf.footnotes.map((l) => l.text)) };
}

/** Interpretative notes: headed by the article(s) they interpret, numbered 1..n across the annex. */
function parseNotes(blocks: Block[]): InterpretativeNote[] {
  const notes: InterpretativeNote[] = [];
  let interprets: number[] = [];
  let heading = "";
  for (const b of blocks) {
    if (/^Articles? \d+/.test(b.text) && !NUMBERED.test(b.text)) {
      heading = b.text;
      interprets = [...b.text.replace(/,.*$/, "").matchAll(/\d+/g)].map((m) => Number(m[0]));
      continue;
    }
    const m = NUMBERED.exec(b.text);
    if (m) notes.push({ number: Number(m[1]), interprets, heading, text: b.text, page: b.page });
    else if (notes.length) notes[notes.length - 1].text += " " + b.text;
  }
  return notes;
}

/** Check the recovered structure before anything is indexed. */
export function validateConvention(c: Convention): void {
  const problems: string[] = [];
  if (c.chapters.length !== 9) problems.push(`${c.chapters.length} chapters instead of 9`);
  if (c.articles.length !== 68) problems.push(`${c.articles.length} articles instead of 68`);
  c.articles.forEach((a, i) => {
    if (a.number !== i + 1) problems.push(`article ${a.number} found where article ${i + 1} was expected`);
    if (!a.title) problems.push(`article ${a.number} has no title`);
    if (!a.paragraphs.length || !a.paragraphs.some((p) => p.blocks.join("").length > 20)) problems.push(`article ${a.number} has no text`);
  });
  if (!c.notes.length) problems.push("no interpretative notes");
  if (problems.length) throw new StructureError(`the Convention failed validation: ${problems.slice(0, 5).join("; ")}`);
}
