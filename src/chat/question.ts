/**
 * What a message asks, decided the same way on every surface before anything costly happens:
 * nothing (empty, or only invisible characters such as "\u200b"), too much (longer than a question
 * is, counted in the characters a reader sees), or a question for the core.
 */

import { graphemeCount, MAX_QUESTION_CHARS } from "../core/bot.js";

/** The core's one limit (user-perceived characters): longer questions are refused politely. */
export const MAX_QUESTION_CHARACTERS = MAX_QUESTION_CHARS;

export type Verdict = { kind: "empty" } | { kind: "too-long"; max: number } | { kind: "question"; text: string };

/**
 * A letter, digit, punctuation mark or symbol that a reader can see. Unicode's default-ignorable
 * characters are left out: zero-width spaces and joiners, and the Hangul fillers, which are letters
 * by category but render as nothing; so is the blank Braille pattern, a symbol that draws nothing.
 */
const VISIBLE = /(?![\p{Default_Ignorable_Code_Point}\u2800])[\p{L}\p{N}\p{P}\p{S}]/u;

/** Whether `text` has anything a reader can see (for checks before the chat layer, e.g. `npm run ask`). */
export const hasVisible = (text: string): boolean => VISIBLE.test(text);

/** User-perceived characters: "🇻🇳", "é" written as e + accent, and "👩‍💻" each count once. */
export const perceivedLength = (text: string): number => graphemeCount(text);

export function judge(text: string, max = MAX_QUESTION_CHARACTERS): Verdict {
  const trimmed = text.trim();
  if (!VISIBLE.test(trimmed)) return { kind: "empty" };
  if (perceivedLength(trimmed) > max) return { kind: "too-long", max };
  return { kind: "question", text: trimmed };
}
