/**
 * Direct references in a question: "Article 7", "art. 7(2)", "Pasal 7 ayat 2", "khoản 2 Điều 7",
 * "Chapter II" / "Bab II" / "Chương II", "interpretative notes". They resolve to those sections
 * before any search. Works on folded text, so "Dieu 7" and "Điều 7" are the same.
 */
import { fold } from "../text.js";

export interface References {
  articles: { article: number; paragraph: number | null }[];
  chapters: string[];
  notes: boolean;
}

const ARTICLE_WORD = String.raw`(?:articles?|arts?\.?|pasal|dieu)`;
const PARA_WORD = String.raw`(?:paragraphs?|paras?\.?|ayat|khoan)`;
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];

export function findReferences(question: string): References {
  const text = fold(question);
  const refs: References = { articles: [], chapters: [], notes: false };
  const add = (a: number, p: number | null) => {
    const known = refs.articles.some((r) => r.article === a && (r.paragraph === p || p === null));
    if (a >= 1 && a <= 68 && !known) refs.articles.push({ article: a, paragraph: p });
  };
  // "paragraph 2 of article 7", "ayat 2 pasal 7", "khoan 2 dieu 7"
  for (const m of text.matchAll(new RegExp(String.raw`\b${PARA_WORD}\s*(\d{1,2})\s*(?:of\s+|dari\s+|cua\s+)?${ARTICLE_WORD}\s*(\d{1,2})\b`, "g"))) add(Number(m[2]), Number(m[1]));
  // "article 7", "art. 7(2)", "pasal 7 ayat 2", "articles 7 and 8"
  for (const m of text.matchAll(new RegExp(String.raw`\b${ARTICLE_WORD}\s*(\d{1,2})(?:\s*\(\s*(\d{1,2})\s*\)|\s*,?\s*${PARA_WORD}\s*(\d{1,2}))?(?:\s*(?:and|dan|va|,|&)\s*(\d{1,2})\b)?`, "g"))) {
    add(Number(m[1]), m[2] || m[3] ? Number(m[2] ?? m[3]) : null);
    if (m[4]) add(Number(m[4]), null);
  }
  for (const m of text.matchAll(/\b(?:chapter|bab|chuong)\s+([ivx]{1,4}|[1-9])\b/g)) {
    const numeral = /\d/.test(m[1]) ? ROMAN[Number(m[1]) - 1] : m[1].toUpperCase();
    if (ROMAN.includes(numeral) && !refs.chapters.includes(numeral)) refs.chapters.push(numeral);
  }
  refs.notes = /\binterpretat\w* notes?\b|\bcatatan (?:interpretatif|penafsiran)\b|\bghi chu giai thich\b/.test(text);
  return refs;
}

/** A paragraph named without its article ("and paragraph 2?", "ayat 3?"): a follow-up to the last answer. */
export function bareParagraph(question: string): number | null {
  const text = fold(question);
  if (new RegExp(String.raw`\b${ARTICLE_WORD}\s*\d`).test(text)) return null;
  const m = new RegExp(String.raw`\b${PARA_WORD}\s*(\d{1,2})\b`).exec(text);
  return m ? Number(m[1]) : null;
}
