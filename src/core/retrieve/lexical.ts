/**
 * Lexical search: BM25 (MiniSearch's BM25+) over the same chunks as the vector index, with the
 * project's term normalisation, so exact legal wording ("subscriber information") is found even
 * when the hashed embedding blurs it.
 */
import MiniSearch from "minisearch";
import type { Chunk } from "../index/chunk.js";
import { fold, isStopWord, stem } from "../text.js";

export interface LexicalHit {
  id: string;
  score: number;
}

export class LexicalIndex {
  private search: MiniSearch<{ id: string; heading: string; text: string }>;

  constructor(chunks: Chunk[]) {
    this.search = new MiniSearch({
      fields: ["heading", "text"],
      storeFields: [],
      tokenize: (text) => fold(text).match(/[a-z0-9]+(?:\/[0-9]+)?/g) ?? [],
      processTerm: (term) => (isStopWord(term) || term.length < 2 ? null : stem(term)),
      searchOptions: { boost: { heading: 1.5 }, combineWith: "OR" },
    });
    this.search.addAll(chunks.map((c) => ({ id: c.metadata.id, heading: c.metadata.articleTitle, text: c.metadata.text })));
  }

  query(text: string, k: number): LexicalHit[] {
    return this.search.search(text).slice(0, k).map((r) => ({ id: String(r.id), score: r.score }));
  }
}
