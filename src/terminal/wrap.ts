/**
 * Word-wrapping for the terminal chat, with wrap-ansi: lines break between words, never inside a
 * word or a URL (a URL longer than the line stays whole, so it remains clickable and copyable).
 * An indented or numbered line ("  [1] Art. 7 — …", "• …") keeps its continuation lines under its
 * text rather than at the margin.
 */
import wrapAnsi from "wrap-ansi";

/** Below this, hanging indents would leave too little room; wrap at the margin instead. */
const MIN_TEXT_WIDTH = 20;
const HANGING = /^(\s*(?:\[\d+\]\s+|[•*-]\s+|\d+\.\s+)?)(.*)$/;

/** `text` wrapped to `columns`; unchanged when there is no width (output not a terminal). */
export function wrapToWidth(text: string, columns: number | undefined): string {
  if (!columns || columns <= 0) return text;
  return text
    .split("\n")
    .map((line) => {
      const [, lead, rest] = HANGING.exec(line)!;
      const room = columns - lead.length;
      if (room < MIN_TEXT_WIDTH) return wrapAnsi(line, columns, { hard: false });
      return lead + wrapAnsi(rest, room, { hard: false }).split("\n").join("\n" + " ".repeat(lead.length));
    })
    .join("\n");
}
