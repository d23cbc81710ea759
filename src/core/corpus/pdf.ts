/**
 * PDF text with layout: pdfjs gives positioned text items; we rebuild the printed lines of each
 * page, drop the running header and footer, and set the footnote area apart. Everything that
 * understands the Convention's structure works on these lines, not on the PDF.
 */
import { createRequire } from "node:module";
import path from "node:path";

export interface PdfLine {
  page: number;
  /** Baseline from the bottom of the page, in PDF units. */
  y: number;
  /** Left edge of the line's first item. */
  x: number;
  text: string;
}

export interface PdfText {
  pages: number;
  body: PdfLine[];
  footnotes: PdfLine[];
}

/** Lines above this (from the bottom) are the running header; below `FOOTER_Y`, the footer. */
const HEADER_Y = 725;
const FOOTER_Y = 50;
const FOOTNOTE_RULE = /^_{6,}$/;
/** Gaps and blanks narrower than this (in em) are kerning inside a word (at most ~0.15 em in this PDF). */
const WORD_SPACE_EM = 0.2;

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size (em), to tell a word space from kerning. */
  size: number;
}

export class PdfError extends Error {}

export async function readPdf(data: Uint8Array): Promise<PdfText> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const require = createRequire(import.meta.url);
  const standardFontDataUrl = path.join(path.dirname(require.resolve("pdfjs-dist/package.json")), "standard_fonts") + path.sep;
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: data.slice(), standardFontDataUrl, isEvalSupported: false, verbosity: 0 }).promise;
  } catch (err) {
    throw new PdfError(`not a readable PDF (${(err as Error).message})`);
  }
  const out: PdfText = { pages: doc.numPages, body: [], footnotes: [] };
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!("str" in it) || !it.str) continue;
        const size = Math.hypot(it.transform[0], it.transform[1]) || 1;
        // The PDF pads some justified lines with narrow blank items inside words ("Part" " " "y");
        // a real word space is at least ~0.22 em wide, so thinner blanks are dropped and the gap decides.
        if (!it.str.trim() && it.width < WORD_SPACE_EM * size) continue;
        items.push({ str: it.str, x: it.transform[4], y: it.transform[5], width: it.width, size });
      }
      splitPage(p, toLines(p, items), out);
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return out;
}

/** Group items sharing a baseline (±2 units) into lines, top to bottom, left to right. */
function toLines(page: number, items: Item[]): PdfLine[] {
  const rows: Item[][] = [];
  for (const it of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const row = rows.find((r) => Math.abs(r[0].y - it.y) <= 2);
    if (row) row.push(it);
    else rows.push([it]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    let text = "";
    let end = -Infinity;
    for (const it of row) {
      const gap = it.x - end;
      if (text && gap > WORD_SPACE_EM * it.size && !/\s$/.test(text) && !/^\s/.test(it.str)) text += " ";
      text += it.str;
      end = it.x + it.width;
    }
    return { page, y: Math.round(row[0].y), x: Math.round(row[0].x), text: text.replace(/\s+/g, " ").trim() };
  });
}

/** Drop header/footer and superscript footnote markers; lines under the footnote rule are footnotes. */
function splitPage(page: number, lines: PdfLine[], out: PdfText): void {
  let inFootnote = false;
  for (const line of lines) {
    if (!line.text || line.y >= HEADER_Y || line.y <= FOOTER_Y) continue;
    if (FOOTNOTE_RULE.test(line.text)) {
      inFootnote = true;
      continue;
    }
    if (inFootnote) {
      if (!/^\d{1,2}$/.test(line.text)) out.footnotes.push(line);
      continue;
    }
    // A lone number away from the left margin is a superscript footnote reference.
    if (/^\d{1,2}$/.test(line.text) && line.x > 200) continue;
    out.body.push(line);
  }
}
