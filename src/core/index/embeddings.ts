/**
 * The embedded default embedder: deterministic, local, no model download. Each text becomes a
 * hashed bag of word unigrams, word bigrams and character n-grams of its content words, weighted by
 * an IDF fitted on the corpus (and saved with the index), then L2-normalised for cosine search.
 * Character n-grams let "forging" meet "forgery" and Vietnamese without diacritics meet the folded
 * text; IDF keeps frequent legal boilerplate ("each State Party shall…") from dominating.
 */
import { Embeddings } from "@langchain/core/embeddings";
import { terms, words } from "../text.js";

export interface HashedEmbedderState {
  id: "hashed-ngram";
  params: { dim: number; charN: [number, number]; version: number };
  /** IDF per hash bucket, fitted on the corpus's chunks. */
  idf: number[];
}

const DEFAULT_PARAMS: HashedEmbedderState["params"] = { dim: 2048, charN: [3, 5], version: 1 };

/** FNV-1a, 32 bit: fast and stable across runs and platforms. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class HashedNgramEmbeddings extends Embeddings {
  readonly params: HashedEmbedderState["params"];
  private idf: Float32Array;

  constructor(state?: Partial<HashedEmbedderState>) {
    super({});
    this.params = { ...DEFAULT_PARAMS, ...state?.params };
    this.idf = state?.idf ? Float32Array.from(state.idf) : new Float32Array(this.params.dim).fill(1);
  }

  /** Identity recorded in the index manifest; an index refuses queries from another embedder. */
  get id(): string {
    return `hashed-ngram:d${this.params.dim}:c${this.params.charN.join("-")}:v${this.params.version}`;
  }

  /** Weighted features of a text (feature → count). */
  private features(text: string): Map<number, number> {
    const out = new Map<number, number>();
    const add = (f: string, w: number) => {
      const b = hash(f) % this.params.dim;
      out.set(b, (out.get(b) ?? 0) + w);
    };
    const content = terms(text);
    content.forEach((t, i) => {
      add(`w:${t}`, 1);
      if (i > 0) add(`b:${content[i - 1]}_${t}`, 0.7);
    });
    const [lo, hi] = this.params.charN;
    for (const w of words(text)) {
      if (w.length < 4) continue;
      const padded = `<${w}>`;
      for (let n = lo; n <= hi; n++) for (let i = 0; i + n <= padded.length; i++) add(`c:${padded.slice(i, i + n)}`, 0.25);
    }
    return out;
  }

  /** Fit the IDF on the corpus's texts (called by the ingestion, before embedding). */
  fit(texts: string[]): void {
    const df = new Float32Array(this.params.dim);
    for (const t of texts) for (const b of this.features(t).keys()) df[b]++;
    const n = texts.length;
    this.idf = df.map((d) => Math.log(1 + (n + 1) / (d + 1)));
  }

  state(): HashedEmbedderState {
    return { id: "hashed-ngram", params: this.params, idf: Array.from(this.idf, (x) => Math.round(x * 1e5) / 1e5) };
  }

  embedSync(text: string): number[] {
    const v = new Float32Array(this.params.dim);
    for (const [b, tf] of this.features(text)) v[b] = Math.log1p(tf) * this.idf[b];
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    return Array.from(v, (x) => x / norm);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embedSync(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embedSync(text);
  }
}
