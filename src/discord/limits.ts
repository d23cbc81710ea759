/**
 * Discord's hard limits on what a message may carry. Discord rejects a whole message (400, "Invalid
 * Form Body") when one field is a character too long, so every string we send passes through
 * `truncate` or the shared splitter with the limit of the place it goes.
 */
import { splitText as split } from "../chat/split.js";

export { truncate } from "../chat/split.js";

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

/** Split text into pieces of at most `max` UTF-16 units (the shared splitter, measuring text as it is). */
export function splitText(text: string, max: number): string[] {
  return split(text, { limit: max, escape: (s) => s });
}

/** Put a URL inside markdown link syntax safely: parentheses and spaces would end the link early. */
export function safeUrl(url: string): string {
  return url.replace(/[()\s<>]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0"));
}

/** A markdown link whose label cannot break out of the brackets. */
export function link(label: string, url: string): string {
  return `[${label.replace(/[[\]]/g, "")}](${safeUrl(url)})`;
}
