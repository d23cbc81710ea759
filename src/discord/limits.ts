/**
 * Discord's hard limits on what a message may carry, and the text helpers that keep every reply inside
 * them. Discord rejects a whole message (400, "Invalid Form Body") when one field is a character too long,
 * so every string we send passes through `truncate` or `splitText` with the limit of the place it goes.
 */

export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Sum of every embed's title, description, field names and values, footer and author in one message. */
  embedsTotal: 6000,
  embedsPerMessage: 10,
  autocompleteChoices: 25,
  choiceName: 100,
  customId: 100,
  modalTitle: 45,
  textInputLabel: 45,
} as const;

const ELLIPSIS = "…";

/** Cut `text` to at most `max` UTF-16 units, ending with "…" when cut, never inside a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  return cutAt(text, max - ELLIPSIS.length).trimEnd() + ELLIPSIS;
}

/** The first `n` UTF-16 units of `text`, one fewer when the cut would split a surrogate pair. */
function cutAt(text: string, n: number): string {
  const code = text.charCodeAt(n - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}

/** Boundaries to split long text at, best first: paragraphs, lines, sentences, words. */
const BREAKS = ["\n\n", "\n", ". ", " "];

/**
 * Split `text` into pieces of at most `max` units, preferring paragraph, then line, sentence and word
 * boundaries; a single word longer than `max` is cut hard. Joining the pieces gives back the text
 * except for the whitespace at the cuts.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = bestCut(rest, max);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

function bestCut(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  for (const brk of BREAKS) {
    const at = window.lastIndexOf(brk, max - (brk === ". " ? 1 : 0));
    // Only accept a boundary past a quarter of the window, so pieces do not become tiny.
    if (at > max / 4) return brk === ". " ? at + 1 : at;
  }
  return cutAt(text, max).length;
}

/** Put a URL inside markdown link syntax safely: parentheses and spaces would end the link early. */
export function safeUrl(url: string): string {
  return url.replace(/[()\s<>]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0"));
}

/** A markdown link whose label cannot break out of the brackets. */
export function link(label: string, url: string): string {
  return `[${label.replace(/[[\]]/g, "")}](${safeUrl(url)})`;
}
