/**
 * Search over the explainers' gists (English, Indonesian, Vietnamese), each hit standing for the
 * official chunks of the place it explains: an Indonesian or Vietnamese question finds the
 * paragraph in its own words, and the answer still quotes and cites the official text.
 */
import MiniSearch from "minisearch";
import type { ExplainerEntry } from "../corpus/explainers.js";
import type { Chunk } from "../index/chunk.js";
import { fold, isStopWord, stem } from "../text.js";
import { LANGUAGES, type Language } from "../types.js";
import type { LexicalHit } from "./lexical.js";

/** The chunks a place names: "41(3)" the paragraph, "41" the article, "2(c)" a definition, "res:4", "note:2"… */
export function chunksAt(place: string, chunks: Chunk[]): Chunk[] {
  let m: RegExpExecArray | null;
  const k = (c: Chunk) => c.metadata;
  if ((m = /^res(?::(\d+))?$/.exec(place))) return chunks.filter((c) => k(c).kind === "resolution" && (!m![1] || k(c).paragraph === Number(m![1])));
  if (place === "preamble") return chunks.filter((c) => k(c).kind === "preamble");
  if ((m = /^note:(\d)$/.exec(place))) return chunks.filter((c) => k(c).id.includes(`:note-${m![1]}:`));
  if ((m = /^news:(\d+)$/.exec(place))) return chunks.filter((c) => k(c).kind === "news" && k(c).paragraph === Number(m![1]));
  m = /^(\d+)(?:\((\d+)\))?(?:\(([a-z]+)\))?$/.exec(place);
  if (!m) return [];
  const [article, paragraph, item] = [Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ?? null];
  return chunks.filter((c) => k(c).kind === "article" && k(c).article === article && (paragraph === null || k(c).paragraph === paragraph) && (item === null || k(c).item === item));
}

/**
 * Words and adjacent word pairs ("tich", "thu", "tich_thu"): Vietnamese writes one syllable per
 * word, so "tịch thu" (confiscation) is only recognisable as a pair; pairs help Indonesian
 * phrases ("data lalu lintas") and English ones alike.
 */
function pairs(text: string): string[] {
  const ws = (fold(text).match(/[a-z0-9]+(?:\/[0-9]+)?/g) ?? []).filter((w) => !isStopWord(w));
  return [...ws, ...ws.slice(1).map((w, i) => `${ws[i]}_${w}`)];
}

export class ExplainerIndex {
  /** One index per language: a question is matched against its own language's gists and the English ones. */
  private searches = new Map<Language, MiniSearch<{ id: string; text: string }>>();
  /** Gist id → ids of the chunks it stands for, and whether it is one paragraph's (not a whole article's). */
  private targets = new Map<string, { ids: string[]; precise: boolean }>();

  constructor(entries: ExplainerEntry[], chunks: Chunk[]) {
    const docs = new Map<Language, { id: string; text: string }[]>(LANGUAGES.map((l) => [l, []]));
    entries.forEach((e, i) => {
      const ids = chunksAt(e.place, chunks).map((c) => c.metadata.id);
      if (!ids.length) return;
      for (const lang of LANGUAGES) {
        const id = `${i}:${lang}`;
        this.targets.set(id, { ids, precise: ids.length === 1 || /\(|:/.test(e.place) });
        docs.get(lang)!.push({ id, text: e[lang] });
      }
    });
    for (const [lang, list] of docs) {
      const search = new MiniSearch<{ id: string; text: string }>({
        fields: ["text"],
        storeFields: [],
        tokenize: pairs,
        processTerm: (term) => (term.includes("_") ? term : isStopWord(term) || term.length < 2 ? null : stem(term)),
        searchOptions: { combineWith: "OR", boostTerm: (term: string) => (term.includes("_") ? 2 : 1) } as never,
      });
      search.addAll(list);
      this.searches.set(lang, search);
    }
  }

  /**
   * Chunk ids with the score of the best gist that stands for them, best first. A whole
   * article's gist counts half for each of its paragraphs: it says the article fits, not which
   * paragraph does. The question's language's gists and the English ones are searched (an
   * Indonesian or Vietnamese question carries the glossary's English terms too).
   */
  query(text: string, k: number, language: Language = "en"): LexicalHit[] {
    const best = new Map<string, number>();
    const results = [...new Set<Language>([language, "en"])].flatMap((l) => this.searches.get(l)!.search(text)).sort((a, b) => b.score - a.score);
    for (const r of results.slice(0, k)) {
      const target = this.targets.get(String(r.id));
      if (!target) continue;
      const score = target.precise ? r.score : r.score / 2;
      for (const id of target.ids) if (!best.has(id) || best.get(id)! < score) best.set(id, score);
    }
    return [...best].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
  }
}
