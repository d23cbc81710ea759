import type { PdfText } from "./pdf.js";

/**
 * A news report (or press release): plain text, one paragraph a line. Photo captions, the "Sumber:" (source) line
 * and the page's comment counter are not part of the story and are dropped.
 */
export function parseNews(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/\(Foto:[^)]*\)\.?$/.test(l) && !/^Sumber:/i.test(l) && !/^Komentar \(\d+\)$/.test(l));
}

/** The source URL a news text names on its "Sumber:" line, if any. */
export function newsSourceUrl(text: string): string | undefined {
  return /^Sumber:\s*(\S+)/im.exec(text)?.[1];
}

/**
 * A report's PDF as one paragraph a line: printed lines are joined while they follow each other
 * closely; a wider gap than usual, a new page, or a short line ending a sentence starts a new one.
 */
export function pdfText(pdf: PdfText): string {
  const lines = pdf.body;
  const gaps = lines.slice(1).map((l, i) => (l.page === lines[i].page ? lines[i].y - l.y : Infinity)).filter((g) => g > 0 && g < Infinity);
  const usual = gaps.length ? gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 2)] : 0;
  const longest = Math.max(0, ...lines.map((l) => l.text.trim().length));
  const ends = (text: string) => /[.!?:"”]$/.test(text.trim()) && text.trim().length < longest * 0.8;
  const paragraphs: string[][] = [];
  lines.forEach((l, i) => {
    const prev = lines[i - 1];
    const joins = prev && prev.page === l.page && prev.y - l.y > 0 && prev.y - l.y <= usual * 1.3 && !ends(prev.text);
    if (joins) paragraphs[paragraphs.length - 1].push(l.text.trim());
    else paragraphs.push([l.text.trim()]);
  });
  return paragraphs.map((p) => p.join(" ")).join("\n");
}
