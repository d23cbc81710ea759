/**
 * Writing `corpus/sources.json` back the way people write it: the document list expanded, one
 * field a line, small objects (`obtain`, a short title by language) on one line. A command that
 * rewrites the whole file in another layout would make every addition an unreadable diff.
 */
import fs from "node:fs";
import path from "node:path";

/** Objects deeper than an entry stay on one line while the line is at most this long. */
const INLINE_WIDTH = 180;

export function formatSources(list: unknown): string {
  return format(list, "", 0) + "\n";
}

function format(value: unknown, indent: string, depth: number, key = ""): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = indent + "  ";
  if (depth >= 3) {
    const one = inline(value);
    if (indent.length + key.length + one.length <= INLINE_WIDTH) return one;
  }
  if (Array.isArray(value)) {
    if (!value.length) return "[]";
    return `[\n${value.map((v) => inner + format(v, inner, depth + 1)).join(",\n")}\n${indent}]`;
  }
  const fields = Object.entries(value);
  if (!fields.length) return "{}";
  return `{\n${fields.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner, depth + 1, `${JSON.stringify(k)}: `)}`).join(",\n")}\n${indent}}`;
}

/** `{ "a": 1, "b": [2, 3] }` */
function inline(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(inline).join(", ")}]`;
  const fields = Object.entries(value);
  return fields.length ? `{ ${fields.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(", ")} }` : "{}";
}

/** Replace the file in one rename, so a bot reading it never sees half a list. */
export function writeSources(corpusDir: string, list: unknown): void {
  const file = path.join(corpusDir, "sources.json");
  const tmp = path.join(corpusDir, `.sources.json.${process.pid}.tmp`);
  fs.writeFileSync(tmp, formatSources(list));
  fs.renameSync(tmp, file);
}
