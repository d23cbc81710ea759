/**
 * How a document is named to the reader: each document speaks in its own name — its short title
 * and date in the asker's language ("Report of 2 November 2025, para. 1", "Theo Bản tin ngày
 * 2/11/2025:") — so that with several reports in the corpus the reader can tell which one speaks.
 * Everything comes from the document's entry in `corpus/sources.json` (kept with the index), so a
 * new document needs no code; `citeAs` keeps the seed report's familiar wording.
 */
import type { SourceEntry, Localised } from "../corpus/manifest.js";
import type { Citation, Language } from "../types.js";
import { phrases } from "./i18n.js";

/** Short titles the `corpus add` command writes when none is given, by kind. */
export const DEFAULT_SHORT_TITLES: Record<string, Exclude<Localised, string>> = {
  news: { en: "Report", id: "Laporan", vi: "Bản tin" },
  "press-release": { en: "Press release", id: "Siaran pers", vi: "Thông cáo báo chí" },
};

/** A localised text in one language (English, then the text itself, when it has no such version). */
export function pick(text: Localised, language: Language): string {
  return typeof text === "string" ? text : (text[language] ?? text.en);
}

/** "2 November 2025", "2 November 2025", "2/11/2025" from "2025-11-02". */
export function formatDate(iso: string, language: Language): string {
  const [y, m, d] = iso.split("-").map(Number);
  return phrases(language).date(d, m, y);
}

/** The document's name with its date: "Report of 2 November 2025", "Laporan 2 November 2025". */
export function datedName(entry: Pick<SourceEntry, "shortTitle" | "date">, language: Language): string {
  const name = pick(entry.shortTitle, language);
  return entry.date ? phrases(language).dated(name, formatDate(entry.date, language)) : name;
}

/** Names of the documents of one index version, for intros, labels and the sources list. */
export class DocumentNames {
  private entries = new Map<string, SourceEntry>();

  constructor(entries: SourceEntry[]) {
    for (const e of entries) this.entries.set(e.id, e);
  }

  entry(doc: string): SourceEntry | undefined {
    return this.entries.get(doc);
  }

  /** The line above a quote from this document; undefined for the Convention (the usual intro). */
  intro(doc: string, language: Language): string | undefined {
    const e = this.entries.get(doc);
    if (!e || e.kind === "convention") return undefined;
    return e.citeAs?.intro ? pick(e.citeAs.intro, language) : phrases(language).docIntro(datedName(e, language));
  }

  /** A paragraph's label ("Report of 2 November 2025, para. 1"); undefined keeps the core's label. */
  label(c: Pick<Citation, "doc" | "part" | "paragraph">, language: Language): string | undefined {
    const e = this.entries.get(c.doc);
    if (!e || e.kind === "convention" || c.part !== "news" || !c.paragraph) return undefined;
    if (e.citeAs?.label) return e.citeAs.label.replace("{n}", String(c.paragraph));
    return phrases(language).paragraphLabel(datedName(e, language), c.paragraph);
  }
}
