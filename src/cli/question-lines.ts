/**
 * The lines `npm run ask -- --jsonl FILE` reads: one `{"id": …, "question": "…"}` object per line,
 * optionally with `"history": ["earlier question", …]` (oldest first): the question is then
 * answered as the follow-up of those, exactly as in a chat.
 * A bad line must not stop the run (a long file is usually answered unattended), so it becomes a
 * result of its own saying what is wrong and where; a line without an id is named by its number,
 * so every output line can be matched to its input line.
 */

import { hasVisible } from "../chat/question.js";

export type Id = string | number;
export type QuestionLine = { id: Id; question: string; history: string[] } | { id: Id; error: string };

export function parseQuestionLine(line: string, lineNumber: number): QuestionLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { id: lineNumber, error: `not valid JSON, line ${lineNumber}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { id: lineNumber, error: `not a JSON object, line ${lineNumber}` };
  }
  const { id: rawId, question, history = [] } = value as { id?: unknown; question?: unknown; history?: unknown };
  const id = (typeof rawId === "string" && rawId.trim()) || (typeof rawId === "number" && Number.isFinite(rawId)) ? (rawId as Id) : lineNumber;
  if (question === undefined) return { id, error: `no "question", line ${lineNumber}` };
  // Only invisible characters ("\u200b") is no question either: it would be refused and counted as a refusal.
  if (typeof question !== "string" || !hasVisible(question)) return { id, error: `"question" is not a non-empty string, line ${lineNumber}` };
  if (!Array.isArray(history) || !history.every((h) => typeof h === "string" && h.trim())) return { id, error: `"history" is not a list of questions, line ${lineNumber}` };
  return { id, question, history };
}
