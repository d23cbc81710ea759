/**
 * Plain-language explainers and unofficial translations (corpus data, versioned with the index):
 * - `corpus/explainers/*.json`: a gist of every article, of the resolution, the preamble and each
 *   interpretative note, and a one-line gist of each paragraph of the longer articles, in English,
 *   Indonesian and Vietnamese, each naming the official places it rests on;
 * - `corpus/translations/<doc>.<lang>.json`: paragraph-aligned unofficial translations of a
 *   document (the Indonesian news report in English and Vietnamese).
 * Answers open with the gist of what they quote, in the asker's language; Indonesian and
 * Vietnamese questions also find paragraphs through the gists. A citation always names the
 * official paragraph, never the explainer.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Citation, Language } from "../types.js";

/** "41", "41(3)", "2(c)", "res", "res:4", "preamble", "note:3", "news:2". */
export const PLACE = /^(\d{1,2}(\(\d{1,2}\))?(\([a-z]{1,4}\))?|res(:\d{1,2})?|preamble|note:\d|news(:\d{1,2})?)$/;

const text = z.string().min(1).max(300);
const entrySchema = z.object({ place: z.string().regex(PLACE), restsOn: z.array(z.string().regex(PLACE)).min(1), en: text, id: text, vi: text });
const fileSchema = z.object({ entries: z.array(entrySchema) });
const translationSchema = z.object({
  doc: z.string(),
  language: z.enum(["en", "id", "vi"]),
  paragraphs: z.array(z.object({ n: z.number().int().min(1), text: z.string().min(1) })),
});

export type ExplainerEntry = z.infer<typeof entrySchema>;

/** The place a citation stands at, as explainers name places. */
export function placeOf(c: Pick<Citation, "part" | "article" | "paragraph" | "item" | "chunkId">): string | null {
  switch (c.part) {
    case "article":
      return `${c.article}${c.paragraph ? `(${c.paragraph})` : ""}${c.item && c.article === 2 ? `(${c.item})` : ""}`;
    case "resolution":
      return c.paragraph ? `res:${c.paragraph}` : "res";
    case "preamble":
      return "preamble";
    case "note": {
      const m = /:note-(\d+):/.exec(c.chunkId);
      return m ? `note:${m[1]}` : null;
    }
    case "news":
      return c.paragraph ? `news:${c.paragraph}` : null;
  }
}

/** Gists by place, and translations by document, language and paragraph. */
export class Explainers {
  private byPlace = new Map<string, ExplainerEntry>();
  private translations = new Map<string, string>();

  private constructor(readonly entries: ExplainerEntry[], translations: z.infer<typeof translationSchema>[]) {
    for (const e of entries) this.byPlace.set(e.place, e);
    for (const t of translations) for (const p of t.paragraphs) this.translations.set(`${t.doc}:${t.language}:${p.n}`, p.text);
  }

  /**
   * Read every `explainers/*.json` and `translations/*.json` under the corpus folder. Throws with
   * the file's name when one is not valid (a broken data file must not ship silently).
   */
  static load(corpusDir: string): Explainers {
    const read = <T>(dir: string, schema: z.ZodType<T>): T[] => {
      const folder = path.join(corpusDir, dir);
      if (!fs.existsSync(folder)) return [];
      return fs
        .readdirSync(folder)
        .filter((f) => f.endsWith(".json"))
        .sort()
        .map((f) => {
          const parsed = schema.safeParse(JSON.parse(fs.readFileSync(path.join(folder, f), "utf8")));
          if (!parsed.success) throw new Error(`${dir}/${f}: ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`);
          return parsed.data;
        });
    };
    return new Explainers(read("explainers", fileSchema).flatMap((f) => f.entries), read("translations", translationSchema));
  }

  /** The gist of exactly this place, in a language. */
  gist(place: string, language: Language): string | undefined {
    return this.byPlace.get(place)?.[language];
  }

  /** The gist that fits a citation best: its paragraph's (or definition's), else its article's. */
  gistFor(c: Citation, language: Language): string | undefined {
    const place = placeOf(c);
    if (!place) return undefined;
    if (c.part === "news") return this.translation(c.doc, language, c.paragraph ?? 0);
    const article = place.replace(/\(.*$/, "");
    return this.gist(place, language) ?? (c.part === "article" && c.paragraph ? this.gist(`${c.article}(${c.paragraph})`, language) : undefined) ?? this.gist(article, language);
  }

  /** An unofficial translation of one paragraph of a document. */
  translation(doc: string, language: Language, paragraph: number): string | undefined {
    return this.translations.get(`${doc}:${language}:${paragraph}`);
  }
}
