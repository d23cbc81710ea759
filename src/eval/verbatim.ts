/**
 * An independent check of quotes: every quote must be verbatim text of the official source, found
 * in the source file itself (the PDF's raw text from pdfjs, or the text file), not in anything the
 * bot built from it (parser, sections, chunks). Whitespace, hyphens at line ends and the running
 * headers between pages are ignored; "…" splits a quote into pieces that must each occur, in order.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Citation } from "../core/bot.js";

/** Text compared without whitespace (the PDF spaces words unevenly), with soft line-end hyphens dropped. */
export function squeeze(text: string): string {
  return text.normalize("NFC").replace(/\u00ad/g, "").replace(/(\p{L})-\s+(?=\p{Ll})/gu, "$1").replace(/\s+/g, "");
}

/** Does `quote` occur in `source` (squeezed), its "…"-separated pieces in order? */
export function occursIn(quote: string, squeezedSource: string): boolean {
  let from = 0;
  // "…" marks an omission; so does an item label right after its lead-in ("may include: (d) …").
  for (const piece of quote.split(/…|(?<=:)\s+(?=\([a-z]{1,4}\)\s)/u).map(squeeze).filter(Boolean)) {
    const at = squeezedSource.indexOf(piece, from);
    if (at < 0) return false;
    from = at + piece.length;
  }
  return true;
}

/** The raw text of a PDF as pdfjs gives it: every text item, page after page. */
export async function pdfRawText(file: string): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const require = createRequire(import.meta.url);
  const standardFontDataUrl = path.join(path.dirname(require.resolve("pdfjs-dist/package.json")), "standard_fonts") + path.sep;
  const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(file)), standardFontDataUrl, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    pages.push(content.items.map((i) => ("str" in i ? i.str : "")).join(" "));
  }
  await doc.destroy();
  return pages.join("\n");
}

/**
 * A checker for the documents in `corpusDir/sources.json`: true when a citation's quote is verbatim
 * text of its document's file (looked for in `alsoIn` first, e.g. CORPUS_SOURCES_DIR, then in the
 * corpus). A quote spanning a page break has the next page's running header inside it in the raw
 * text; that header is removed before comparing. A document whose file is found nowhere fails.
 */
export async function verbatimChecker(corpusDir: string, alsoIn: (string | undefined)[] = []): Promise<(c: Citation) => boolean> {
  const sources = JSON.parse(fs.readFileSync(path.join(corpusDir, "sources.json"), "utf8")) as {
    documents: { id: string; obtain?: { file?: string; format?: string } }[];
  };
  const texts = new Map<string, string>();
  for (const d of sources.documents) {
    const name = d.obtain?.file;
    const file = name && [...alsoIn, corpusDir].filter((dir): dir is string => !!dir).map((dir) => path.join(dir, name)).find((f) => fs.existsSync(f));
    if (!file) continue;
    const raw = d.obtain?.format === "pdf" ? withoutRunningLines(await pdfRawText(file)) : fs.readFileSync(file, "utf8");
    texts.set(d.id, squeeze(raw));
  }
  return (c) => {
    const text = texts.get(c.doc);
    return text !== undefined && occursIn(c.quote, text);
  };
}

/** The running header that opens every page after the first (title, symbol, page "n / 46", job number). */
const RUNNING = [
  /^UnitedNationsConventionagainstCybercrime;StrengtheningInternationalCooperationforCombatingCertainCrimesCommittedbyMeansofInformationandCommunicationsTechnologySystemsandfortheSharingofEvidenceinElectronicFormofSeriousCrimes/,
  /^A\/RES\/79\/243/,
  /^\d{1,2}\/\d{2}/,
  /^24-24621/,
];

/** Each page's text without its running header, squeezed, pages joined. */
function withoutRunningLines(text: string): string {
  return text
    .split("\n")
    .map((page, i) => {
      let rest = squeeze(page);
      if (i === 0) return rest;
      for (let changed = true; changed; ) {
        changed = false;
        for (const r of RUNNING) {
          const m = r.exec(rest);
          if (m) {
            rest = rest.slice(m[0].length);
            changed = true;
          }
        }
      }
      return rest;
    })
    .join("");
}
