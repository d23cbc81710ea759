/**
 * What the bot says on its own, read from the Fluent files in `locales/` (one per language, the same
 * ids in each). The core (refusals, framing lines), the chat layer, the terminal and Discord read them
 * through `say`; Telegram reads the same files through @grammyjs/i18n (`ctx.t`), with the same bundle
 * options, so both agree. It lives at the bottom of the layers so that every layer can speak.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import type { Language } from "./types.js";
import { LANGUAGES } from "./types.js";

export type Args = Record<string, FluentVariable>;

/**
 * Placeables are not wrapped in Unicode isolation marks: every message is plain text that a platform
 * formats afterwards, and invisible FSI/PDI characters would end up in copied text and in tests.
 */
export const BUNDLE_OPTIONS = { useIsolating: false } as const;

/** `locales/` at the project root, found from this file whether it runs from `src/` or from `dist/src/`. */
export function localesDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const up of ["../..", "../../.."]) {
    const dir = path.resolve(here, up, "locales");
    if (fs.existsSync(path.join(dir, "en.ftl"))) return dir;
  }
  throw new Error(`locales/ not found above ${here}`);
}

/** The `.ftl` source of one language. */
export function source(lang: Language): string {
  return fs.readFileSync(path.join(localesDir(), `${lang}.ftl`), "utf8");
}

function load(lang: Language): FluentBundle {
  const bundle = new FluentBundle(lang, BUNDLE_OPTIONS);
  const errors = bundle.addResource(new FluentResource(source(lang)));
  if (errors.length) throw new Error(`locales/${lang}.ftl: ${errors.map((e) => e.message).join("; ")}`);
  return bundle;
}

let bundles: Map<Language, FluentBundle> | undefined;

function bundle(lang: Language): FluentBundle {
  bundles ??= new Map(LANGUAGES.map((l) => [l, load(l)]));
  return bundles.get(lang)!;
}

/**
 * The message `id` in `lang`. A missing id is a bug (the catalog test checks every id used in code),
 * so it throws instead of showing the id to a user.
 */
export function say(lang: Language, id: string, args?: Args): string {
  const b = bundle(lang);
  const message = b.getMessage(id);
  if (!message?.value) throw new Error(`no message "${id}" in locales/${lang}.ftl`);
  return b.formatPattern(message.value, args);
}

/** A message with one line per item (example questions, command lists). */
export function sayLines(lang: Language, id: string): string[] {
  return say(lang, id).split("\n").map((l) => l.trim()).filter(Boolean);
}

/** One language's phrasebook, for code that says several things in the same language. */
export type Say = (id: string, args?: Args) => string;

export function phrasebook(lang: Language): Say {
  return (id, args) => say(lang, id, args);
}

/** Map a platform locale ("id", "vi-VN", "en-US", null) to one of ours; English otherwise. */
export function languageOf(locale: string | null | undefined): Language {
  const base = (locale ?? "").toLowerCase().split(/[-_]/)[0];
  return base === "id" || base === "vi" ? base : "en";
}
