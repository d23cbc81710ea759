/**
 * What a message asks, decided the same way on every surface before anything costly happens:
 * nothing (empty, or only invisible characters such as "\u200b"), too much (longer than a question
 * is, counted in the characters a reader sees), or a question for the core.
 */

/** Longer questions are refused politely (they are usually pasted documents, not questions). */
export const MAX_QUESTION_CHARACTERS = 1000;

export type Verdict = { kind: "empty" } | { kind: "too-long"; max: number } | { kind: "question"; text: string };

/** A letter, digit, punctuation mark or symbol: something a reader can see. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** User-perceived characters: "🇻🇳", "é" written as e + accent, and "👩‍💻" each count once. */
export function perceivedLength(text: string): number {
  let n = 0;
  for (const _ of graphemes.segment(text)) n++;
  return n;
}

export function judge(text: string, max = MAX_QUESTION_CHARACTERS): Verdict {
  const trimmed = text.trim();
  if (!VISIBLE.test(trimmed)) return { kind: "empty" };
  if (perceivedLength(trimmed) > max) return { kind: "too-long", max };
  return { kind: "question", text: trimmed };
}
