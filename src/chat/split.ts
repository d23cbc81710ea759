/**
 * The one splitter: content is built as pieces (a paragraph, a heading, a list) that are packed into
 * as few messages as possible under a platform's limit, breaking between pieces, and inside one only
 * when it alone is too long — at a line, else a sentence, else a word, else between user-perceived
 * characters. Each platform passes its limit and how it measures: Telegram counts the visible text
 * (the HTML once parsed), Discord the escaped markdown as sent.
 */

/** One unit of content that is never split unless it alone exceeds the limit. */
export interface Piece {
  /** The piece as the platform sends it (HTML, markdown, plain text). */
  text: string;
  /** The same content without markup: what a too-long piece is split from, and a fallback to send. */
  plain: string;
  /** What separates this piece from the previous one when both land in the same message. */
  glue?: string;
  /** A heading never ends a message: the text after it starts in the same message. */
  heading?: boolean;
}

/** One message to send, in both forms. */
export interface Packed {
  text: string;
  plain: string;
}

export interface Measure {
  /** The most a message may hold, as `length` counts it. */
  limit: number;
  /** Plain text as the platform sends it (its escaping). */
  escape(plain: string): string;
  /** How the platform counts a message's length (Telegram and Discord: UTF-16 code units). */
  length?(text: string): number;
}

const units = (text: string) => text.length;

/** A piece of plain text, escaped for the platform. */
export function plainPiece(plain: string, m: Measure, glue?: string): Piece {
  return { text: m.escape(plain), plain, glue };
}

/** Pack pieces into as few messages as possible, each under the limit, never splitting a piece that fits. */
export function pack(pieces: Piece[], m: Measure): Packed[] {
  const length = m.length ?? units;
  const out: Packed[] = [];
  let current: (Packed & { heading?: boolean }) | undefined;
  const queue = pieces.flatMap((p) => fit(p, m));
  for (let piece = queue.shift(); piece; piece = queue.shift()) {
    const glue = piece.glue ?? "\n\n";
    const room = current ? m.limit - length(current.text) - length(glue) : 0;
    if (current && length(piece.text) <= room) {
      current.text += glue + piece.text;
      current.plain += glue + piece.plain;
      current.heading = piece.heading;
      continue;
    }
    // After a heading, start the (plain) text here and continue it in the next message.
    const cut = current?.heading && piece.text === m.escape(piece.plain) ? fittingPrefix(piece.plain, room, m) : 0;
    if (current && cut > 0) {
      const head = piece.plain.slice(0, cut).trimEnd();
      current.text += glue + m.escape(head);
      current.plain += glue + head;
      current.heading = false;
      queue.unshift(plainPiece(piece.plain.slice(cut).trimStart(), m, "\n"));
      continue;
    }
    if (current) out.push(current);
    current = { text: piece.text, plain: piece.plain, heading: piece.heading };
  }
  if (current) out.push({ text: current.text, plain: current.plain });
  return out;
}

/** Where to cut `text` so its start fits in `room` (escaped): at a line, else a sentence, else a word; 0 if nowhere. */
function fittingPrefix(text: string, room: number, m: Measure): number {
  const length = m.length ?? units;
  let end = 0;
  for (let used = 0; end < text.length; end++) {
    used += length(m.escape(text[end]));
    if (used > room) break;
  }
  const window = text.slice(0, end);
  for (const at of [/\n/g, /[.!?;:…](?=\s)/gu, /\s/g]) {
    const last = [...window.matchAll(at)].at(-1);
    if (last?.index) return last.index + last[0].length;
  }
  return 0;
}

/** A piece that is too long on its own becomes several plain pieces (its markup is dropped). */
function fit(piece: Piece, m: Measure): Piece[] {
  if ((m.length ?? units)(piece.text) <= m.limit) return [piece];
  return splitText(piece.plain, m).map((part, i) => plainPiece(part, m, i === 0 ? piece.glue : "\n"));
}

/** Break at lines, then sentences, then words, then characters: the first that makes pieces fit. */
const BREAKS: { at: RegExp; join: string }[] = [
  { at: /\n/, join: "\n" },
  { at: /(?<=[.!?;:…])\s+/u, join: " " },
  { at: /\s+/u, join: " " },
];

/** Split plain text into pieces whose escaped length is at most the limit. */
export function splitText(text: string, m: Measure, level = 0): string[] {
  const length = m.length ?? units;
  const fits = (s: string) => length(m.escape(s)) <= m.limit;
  if (fits(text)) return [text];
  const rule = BREAKS[level];
  if (!rule) return cutCharacters(text, fits);
  const pieces: string[] = [];
  let current = "";
  for (const part of text.split(rule.at).filter(Boolean)) {
    for (const piece of splitText(part, m, level + 1)) {
      const joined = current ? current + rule.join + piece : piece;
      if (fits(joined)) {
        current = joined;
      } else {
        if (current) pieces.push(current);
        current = piece;
      }
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Last resort for a "word" longer than a message: cut between user-perceived characters. */
function cutCharacters(text: string, fits: (s: string) => boolean): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const { segment } of graphemes.segment(text)) {
    if (current && !fits(current + segment)) {
      pieces.push(current);
      current = "";
    }
    current += segment;
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Cut `text` to at most `max` code units, ending with "…" when cut, never inside a character. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return "";
  let out = "";
  for (const { segment } of graphemes.segment(text)) {
    if (out.length + segment.length > max - 1) break;
    out += segment;
  }
  return out.trimEnd() + "…";
}
