/**
 * The one limit on a question's length, for every surface (Telegram, Discord, the terminal chat,
 * `npm run ask`), with the one message that refuses it. Longer texts are usually pasted documents,
 * not questions. The length is what a reader sees — user-perceived characters (grapheme clusters)
 * — so an emoji or a Vietnamese letter typed with combining marks counts as one, as it looks.
 */
import type { Language } from "./types.js";

export const MAX_QUESTION_CHARS = 1000;

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** User-perceived characters in `text`, counting no further than `upTo` (a pasted book stays cheap). */
export function graphemeCount(text: string, upTo = Infinity): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) if (++n >= upTo) break;
  return n;
}

/** Whether the question (without surrounding whitespace) is over the limit. */
export function questionTooLong(question: string): boolean {
  return graphemeCount(question.trim(), MAX_QUESTION_CHARS + 1) > MAX_QUESTION_CHARS;
}

const LOCALES: Record<Language, string> = { en: "en-GB", id: "id-ID", vi: "vi-VN" };

/** The refusal every surface shows for a question over the limit. */
export function tooLongMessage(language: Language): string {
  const max = MAX_QUESTION_CHARS.toLocaleString(LOCALES[language]);
  return {
    en: `That question is too long for me (more than ${max} characters). Could you ask it in fewer words?`,
    id: `Pertanyaan itu terlalu panjang (lebih dari ${max} karakter). Bisakah Anda menyingkatnya?`,
    vi: `Câu hỏi quá dài (hơn ${max} ký tự). Bạn có thể hỏi ngắn gọn hơn không?`,
  }[language];
}
