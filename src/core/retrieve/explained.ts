/**
 * Search over the explainers' gists (English, Indonesian, Vietnamese), each hit standing for the
 * official chunks of the place it explains: an Indonesian or Vietnamese question finds the
 * paragraph in its own words, and the answer still quotes and cites the official text.
 */
import MiniSearch from "minisearch";
import type { ExplainerEntry } from "../corpus/explainers.js";
import type { Chunk } from "../index/chunk.js";
import { fold, isStopWord, stem } from "../text.js";
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

export class ExplainerIndex {
  private search: MiniSearch<{ id: string; text: string }>;
  /** Gist id → ids of the chunks it stands for. */
  private targets = new Map<string, string[]>();

  constructor(entries: ExplainerEntry[], chunks: Chunk[]) {
    this.search = new MiniSearch({
      fields: ["text"],
      storeFields: [],
      tokenize: (text) => fold(text).match(/[a-z0-9]+(?:\/[0-9]+)?/g) ?? [],
      processTerm: (term) => (isStopWord(term) || term.length < 2 ? null : stem(term)),
      searchOptions: { combineWith: "OR" },
    });
    const docs: { id: string; text: string }[] = [];
    entries.forEach((e, i) => {
      const ids = chunksAt(e.place, chunks).map((c) => c.metadata.id);
      if (!ids.length) return;
      for (const lang of ["en", "id", "vi"] as const) {
        const id = `${i}:${lang}`;
        this.targets.set(id, ids);
        docs.push({ id, text: e[lang] });
      }
    });
    this.search.addAll(docs);
  }

  /** Chunk ids with the score of the best gist that stands for them, best first. */
  query(text: string, k: number): LexicalHit[] {
    const best = new Map<string, number>();
    for (const r of this.search.search(text).slice(0, k)) {
      for (const id of this.targets.get(String(r.id)) ?? []) if (!best.has(id) || best.get(id)! < r.score) best.set(id, r.score);
    }
    return [...best].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
  }
}
