/**
 * Deciding whether a baseline chunk "hits" an expected article. The baseline's chunks are cut
 * from the raw page text and carry no article number, so a chunk is matched to articles by
 * shared text: a run of WINDOW letters and digits (case, spaces, punctuation and line-break
 * hyphens ignored) found in both. Two rules are reported:
 * - strict (the one the ratios use): the shared run occurs in that article and in no other, so
 *   boilerplate every criminalisation article repeats ("each State Party shall adopt such
 *   legislative and other measures…") does not make a chunk about Article 7 a hit for Article 8;
 * - lenient: any shared run, boilerplate included (an upper bound for the baseline).
 */
import type { StoredDocument } from "../core/index/store.js";

export const WINDOW = 60;

export function normalise(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

export class ArticleOverlap {
  /** window → the one article it occurs in, or -1 when several share it. */
  private owner = new Map<string, number>();
  private windows = new Map<number, Set<string>>();

  constructor(documents: StoredDocument[]) {
    for (const doc of documents) {
      for (const s of doc.sections) {
        if (s.kind !== "article" || s.article === null) continue;
        const text = normalise([s.title, ...s.paragraphs.flatMap((p) => p.blocks)].join(" "));
        const mine = new Set<string>();
        for (let i = 0; i + WINDOW <= text.length; i++) mine.add(text.slice(i, i + WINDOW));
        for (const w of mine) this.owner.set(w, this.owner.has(w) && this.owner.get(w) !== s.article ? -1 : s.article);
        this.windows.set(s.article, mine);
      }
    }
    if (!this.windows.size) throw new Error("the index holds no articles to compare baseline chunks with");
  }

  /** Whether `chunk` shares text with one of `articles` (strict: text found in that article only). */
  hits(chunk: string, articles: number[], rule: "strict" | "lenient"): boolean {
    const text = normalise(chunk);
    for (let i = 0; i + WINDOW <= text.length; i++) {
      const w = text.slice(i, i + WINDOW);
      if (rule === "strict" ? articles.includes(this.owner.get(w) ?? -1) : articles.some((a) => this.windows.get(a)?.has(w))) return true;
    }
    return false;
  }
}
