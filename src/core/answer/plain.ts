/**
 * The plain-text rendering of an answer's blocks: what the terminal and `npm run ask` print, what
 * `Answer.text` holds, and the fallback any renderer can show. Platform renderers format the same
 * blocks their own way; this one is the reference order and wording.
 */
import type { AnswerBlock, Citation, Language } from "../types.js";
import { phrases } from "./i18n.js";

/** One quote as a line: “…” — Art. 41(1), 24/7 network (a translation first, the original beneath). */
export function quoteLine(c: Citation, language: Language): string {
  const where = `${c.label}${c.article ? `, ${c.title.replace(/^Article \d+ — /, "")}` : ""}`;
  if (!c.translation) return `“${c.quote}” — ${where}`;
  return `“${c.translation.text}” — ${where} ${phrases(language).translatedMark}\n  ${phrases(language).originalMark(languageName(c.quoteLanguage, language))}: “${c.quote}”`;
}

/** "Indonesian", "bahasa Vietnam": a quote's language as the asker's language names it. */
export function languageName(quoteLanguage: string, language: Language): string {
  return phrases(language).languageNames[quoteLanguage as Language] ?? quoteLanguage;
}

/** Render blocks in order; consecutive quotes stay on adjacent lines, other kinds get a blank line between. */
export function plainText(blocks: AnswerBlock[], citations: Citation[], language: Language): string {
  const lines: string[] = [];
  let previous: AnswerBlock["kind"] | undefined;
  for (const b of blocks) {
    const tight = (previous === "intro" && b.kind === "quote") || (previous === "quote" && b.kind === "quote");
    if (previous && !tight) lines.push("");
    if (b.kind === "summary") lines.push(`${phrases(language).summaryLabel}: ${b.text}`);
    else if (b.kind === "quote") lines.push(quoteLine(citations[b.citation], language));
    else lines.push(b.text);
    previous = b.kind;
  }
  return lines.join("\n").trim();
}
