/**
 * The one limit on a question's length, for every surface (Telegram, Discord, the terminal chat,
 * `npm run ask`), with the one message that refuses it. Longer texts are usually pasted documents,
 * not questions. The length is what a reader sees — user-perceived characters (grapheme clusters)
 * — so an emoji or a Vietnamese letter typed with combining marks counts as one, as it looks.
 */
import { say } from "./messages.js";
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

/** The refusal every surface shows for a question over the limit (`ask-too-long` in locales/). */
export function tooLongMessage(language: Language): string {
  // As a string: "1000", not "1,000" (Fluent would group a number's digits differently per language).
  return say(language, "ask-too-long", { max: String(MAX_QUESTION_CHARS) });
}
