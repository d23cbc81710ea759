/**
 * The message catalog in `locales/`: the three languages carry the same message ids with the same
 * variables, every id the code asks for exists, and every message is used (no drifting leftovers).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { say, source } from "../../src/chat/catalog.js";
import { LANGUAGES, type Language } from "../../src/core/bot.js";

/** Message id → the variables its value uses (select keys such as `[dry]` are not variables). */
function messages(lang: Language): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string | undefined;
  for (const line of source(lang).split("\n")) {
    if (line.startsWith("#") || !line.trim()) continue;
    const start = /^([a-z][a-z0-9-]*)\s*=/.exec(line);
    if (start) out.set((current = start[1]), []);
    if (!current) continue;
    for (const [, name] of line.matchAll(/\$([a-z][a-z0-9-]*)/g)) if (!out.get(current)!.includes(name)) out.get(current)!.push(name);
  }
  for (const vars of out.values()) vars.sort();
  return out;
}

/** Every source file: the core (its framing phrases), the chat layer, the adapters and the terminal. */
function sources(dir = "src"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return p.endsWith(".ts") ? [p] : [];
  });
}

/** The catalog ids the code names: as `say(lang, "id")`, `ctx.t("id")`, command descriptions, or a literal id. */
function idsInCode(): Map<string, string> {
  const known = [...messages("en").keys()];
  const prefixes = [...new Set(known.map((id) => id.split("-")[0]))];
  const literal = new RegExp(`"((?:${prefixes.join("|")})-[a-z0-9-]+|none)"`, "g");
  const found = new Map<string, string>();
  for (const file of sources()) {
    for (const [, id] of fs.readFileSync(file, "utf8").matchAll(literal)) found.set(id, file);
  }
  return found;
}

describe("the catalog", () => {
  const en = messages("en");

  test.each(LANGUAGES.filter((l) => l !== "en"))("%s has exactly the English ids, each with the same variables", (lang) => {
    expect(Object.fromEntries(messages(lang))).toEqual(Object.fromEntries(en));
  });

  test("every id the code uses exists, and every message is used", () => {
    const used = idsInCode();
    const missing = [...used].filter(([id]) => !en.has(id)).map(([id, file]) => `${id} (${file})`);
    expect(missing).toEqual([]);
    expect([...en.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  test("every message formats in every language without errors or isolation marks", () => {
    for (const lang of LANGUAGES) {
      for (const [id, vars] of messages(lang)) {
        const text = say(lang, id, Object.fromEntries(vars.map((v) => [v, 1])));
        expect(text, `${lang}:${id}`).not.toMatch(/[\u2068\u2069]|\{|\}/);
      }
    }
  });
});
