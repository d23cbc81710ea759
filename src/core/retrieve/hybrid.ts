/**
 * Hybrid retrieval: BM25 and HNSW vector search over the chunks, fused by reciprocal rank fusion
 * together with the glossary's target articles, then grouped by section (article, note, news
 * report) so one long article cannot crowd out the rest. Direct references ("Article 7") come
 * first. The confidence says how much of the question the best section actually covers.
 */
import type { Chunk } from "../index/chunk.js";
import type { LoadedIndex } from "../index/store.js";
import { fold, isQuestionWord, isStopWord, stem, terms, words } from "../text.js";
import { CONVENTION_DOC, NEWS_DOC, type Language } from "../types.js";
import type { Glossary, GlossaryMatch } from "./glossary.js";
import type { Explainers } from "../corpus/explainers.js";
import { chunksAt, ExplainerIndex } from "./explained.js";
import { LexicalIndex } from "./lexical.js";
import { findReferences, type References } from "./references.js";

export interface ScoredChunk {
  chunk: Chunk;
  score: number;
}

export interface RankedSection {
  /** "convention:art-7", "news-hanoi-signing-2025-10-25:news" */
  key: string;
  doc: string;
  article: number | null;
  score: number;
  chunks: ScoredChunk[];
  /** Named directly in the question. */
  referenced: boolean;
}

export interface Retrieval {
  sections: RankedSection[];
  /** 0..1: share of the question (IDF-weighted) the best section covers; 1 for direct references. */
  confidence: number;
  references: References;
  glossary: GlossaryMatch[];
  /** Content terms of the question and its glossary expansions, for sentence selection. */
  queryTerms: string[];
  /** How telling each query term is (its IDF over the chunks; unknown terms weigh most). */
  termWeights: Record<string, number>;
  /** Chunk id → how well the gist of its paragraph matches the question (0..1, best = 1). */
  gistScores: Record<string, number>;
}

export interface RetrieveOptions {
  k?: number;
  /** Earlier question(s) of the conversation, used only when this one cannot stand alone. */
  context?: string;
  /** The question's language (for the confidence: which glossary words count as known). */
  language?: Language;
  /** A section the conversation is about ("convention:art-41"): kept among the results for a follow-up. */
  prefer?: string;
}

const RRF_K = 60;
const CANDIDATES = 40;
const W = { lexical: 1, vector: 1, glossary: 0.8, explainers: 0.8, explainersOwn: { en: 0.8, id: 1.4, vi: 1.6 } as Record<Language, number> };
/** How much a section's second-best chunk adds: a little, so long articles do not win by length. */
const SECOND_CHUNK = 0.1;
/** A glossary match weighs like a rare word (relative to the largest IDF). */
const GLOSSARY_WEIGHT = 0.9;
/** Covered weight (about half a rare word) below which a question is not considered covered. */
const MIN_EVIDENCE = 3;
/** How many of the best sections the confidence looks at. */
const COVERAGE_SECTIONS = 3;

export class Retriever {
  private lexical: LexicalIndex;
  private byId = new Map<string, Chunk>();
  private sectionTerms = new Map<string, Set<string>>();
  private idf = new Map<string, number>();
  /** Documents each term occurs in: the Convention is English, the news report Indonesian. */
  private termDocs = new Map<string, Set<string>>();
  private maxIdf: number;

  private explained?: ExplainerIndex;

  constructor(private index: LoadedIndex, private glossary: Glossary, explainers?: Explainers) {
    this.lexical = new LexicalIndex(index.chunks);
    if (explainers?.entries.length) this.explained = new ExplainerIndex(explainers.entries, index.chunks);
    this.learnGists(explainers, index.chunks);
    const df = new Map<string, number>();
    for (const c of index.chunks) {
      this.byId.set(c.metadata.id, c);
      const set = new Set(terms(`${c.metadata.articleTitle} ${c.metadata.text}`));
      for (const t of set) {
        df.set(t, (df.get(t) ?? 0) + 1);
        const docs = this.termDocs.get(t) ?? new Set<string>();
        docs.add(c.metadata.doc);
        this.termDocs.set(t, docs);
      }
      const key = sectionKey(c);
      const all = this.sectionTerms.get(key) ?? new Set<string>();
      set.forEach((t) => all.add(t));
      this.sectionTerms.set(key, all);
    }
    const n = index.chunks.length;
    for (const [t, d] of df) this.idf.set(t, Math.log(1 + n / d));
    this.maxIdf = Math.log(1 + n);
  }

  /** Words of the gists, per section and language: what an Indonesian or Vietnamese question covers. */
  private gistTerms = new Map<string, Set<string>>();
  private gistIdf = new Map<string, number>();

  private learnGists(explainers: Explainers | undefined, chunks: Chunk[]): void {
    if (!explainers) return;
    const df = new Map<string, number>();
    let n = 0;
    for (const e of explainers.entries) {
      const keys = new Set(chunksAt(e.place, chunks).map(sectionKey));
      for (const lang of ["en", "id", "vi"] as const) {
        const set = new Set(terms(e[lang]));
        n++;
        set.forEach((t) => df.set(t, (df.get(t) ?? 0) + 1));
        for (const key of keys) {
          const all = this.gistTerms.get(key) ?? new Set<string>();
          set.forEach((t) => all.add(t));
          this.gistTerms.set(key, all);
        }
      }
    }
    for (const [t, d] of df) this.gistIdf.set(t, Math.log(1 + n / d));
  }

  chunk(id: string): Chunk | undefined {
    return this.byId.get(id);
  }

  async retrieve(question: string, opts: RetrieveOptions = {}): Promise<Retrieval> {
    const references = findReferences(question);
    const glossary = this.glossary.match(question);
    const expansion = glossary.map((m) => m.entry.term).join(" ");
    const text = [question, expansion, opts.context ?? ""].join(" ").trim();

    // Each list contributes its scores relative to its own best hit (a fusion that, unlike plain
    // RRF, keeps "much better" apart from "slightly better"), plus a small rank term.
    const scores = new Map<string, number>();
    const addList = (hits: { id: string; score: number }[], weight: number) => {
      const best = hits[0]?.score || 1;
      hits.forEach(({ id, score }, rank) => scores.set(id, (scores.get(id) ?? 0) + weight * (score / best + 10 / (RRF_K + rank + 1))));
    };
    addList(this.lexical.query(text, CANDIDATES), W.lexical);
    const vector = await this.index.store.similaritySearchVectorWithScore(await this.index.embedder.embeddings.embedQuery(text), CANDIDATES);
    // hnswlib returns cosine distances: lower is closer.
    addList(vector.map(([d, distance]) => ({ id: (d.metadata as Chunk["metadata"]).id, score: Math.max(0, 1 - distance) })), W.vector);
    // Gists in the asker's language point at the official paragraphs they explain.
    // Weighed more for Indonesian and Vietnamese, whose words the official English text lacks.
    const gists = this.explained?.query(text, CANDIDATES, opts.language) ?? [];
    addList(gists, W.explainersOwn[opts.language ?? "en"]);
    const gistBest = gists[0]?.score || 1;
    const gistScores = Object.fromEntries(gists.map((g) => [g.id, g.score / gistBest]));

    const sections = new Map<string, RankedSection>();
    for (const [id, score] of scores) {
      const chunk = this.byId.get(id)!;
      const key = sectionKey(chunk);
      const s = sections.get(key) ?? { key, doc: chunk.metadata.doc, article: chunk.metadata.article, score: 0, chunks: [], referenced: false };
      s.chunks.push({ chunk, score });
      sections.set(key, s);
    }
    // Glossary targets: a ranked list of sections of their own.
    const definitional = asksForDefinition(question);
    glossary.forEach((m, rank) => {
      const keys = m.entry.target.doc === "news" ? [`${NEWS_DOC}:news`] : m.entry.target.articles.map((a) => `${CONVENTION_DOC}:art-${a}`);
      const specific = m.entry.kind === "definition" && definitional ? 1 : this.specificity(m.entry.term);
      const weight = W.glossary * specific * (m.partial ? 0.5 : 1);
      keys.forEach((key, i) => this.boost(sections, key, weight / (1 + 0.5 * (rank + i))));
    });
    for (const s of sections.values()) {
      s.chunks.sort((a, b) => b.score - a.score);
      s.score += (s.chunks[0]?.score ?? 0) + SECOND_CHUNK * (s.chunks[1]?.score ?? 0);
    }
    // Direct references go first, in the order they were named.
    const referencedKeys = [
      ...references.articles.map((r) => `${CONVENTION_DOC}:art-${r.article}`),
      ...(references.notes ? [...this.sectionTerms.keys()].filter((k) => k.includes(":note-")) : []),
    ];
    referencedKeys.forEach((key, i) => {
      const s = this.boost(sections, key, 0);
      s.referenced = true;
      s.score += 100 - i * 0.01;
    });
    if (opts.prefer) {
      const best = Math.max(0, ...[...sections.values()].map((s) => s.score));
      const s = this.boost(sections, opts.prefer, 0);
      s.score = Math.max(s.score, best * 0.8);
    }
    const ranked = [...sections.values()].filter((s) => s.chunks.length).sort((a, b) => b.score - a.score);
    const queryTerms = [...new Set([...terms(question), ...terms(expansion)])];
    const confidence = referencedKeys.length || references.chapters.length ? 1 : this.coverage(question, opts.language ?? "en", glossary, ranked.slice(0, COVERAGE_SECTIONS));
    const termWeights = Object.fromEntries(queryTerms.map((t) => [t, this.idf.get(t) ?? this.maxIdf]));
    return { sections: ranked.slice(0, opts.k ?? 8), confidence, references, glossary, queryTerms, termWeights, gistScores };
  }

  /**
   * How specific a glossary term is: 1 when its words occur together in a few sections, less when
   * they are everywhere ("electronic data"), where the target articles deserve no special push.
   */
  private specificity(term: string): number {
    let cached = this.specificityCache.get(term);
    if (cached === undefined) {
      const t = terms(term);
      const df = [...this.sectionTerms.values()].filter((have) => t.every((x) => have.has(x))).length;
      cached = Math.min(1, 3 / Math.max(df, 1));
      this.specificityCache.set(term, cached);
    }
    return cached;
  }

  private specificityCache = new Map<string, number>();

  /** Add a score to a section, creating it (with all its chunks) when the searches missed it. */
  private boost(sections: Map<string, RankedSection>, key: string, score: number): RankedSection {
    let s = sections.get(key);
    if (!s) {
      const chunks = this.index.chunks.filter((c) => sectionKey(c) === key).map((chunk) => ({ chunk, score: 0 }));
      s = { key, doc: chunks[0]?.chunk.metadata.doc ?? "", article: chunks[0]?.chunk.metadata.article ?? null, score: 0, chunks, referenced: false };
      sections.set(key, s);
    }
    s.score += score;
    return s;
  }

  /**
   * IDF-weighted share of the question the section covers: each glossary match counts when the
   * section is its target or contains its term; each other content word counts when the section
   * contains it. Words the corpus never uses weigh most, so "capital of Australia" stays uncovered.
   */
  private coverage(question: string, language: Language, glossary: GlossaryMatch[], top: RankedSection[]): number {
    if (!top.length) return 0;
    // The answer may quote the best few sections, so the question counts as covered by their union.
    const have = new Set(top.flatMap((s) => [...(this.sectionTerms.get(s.key) ?? []), ...(language !== "en" ? this.gistTerms.get(s.key) ?? [] : [])]));
    const docs = new Set(top.map((s) => s.doc));
    const articles = new Set(top.map((s) => s.article));
    let total = 0;
    let covered = 0;
    let hits = 0;
    const count = (w: number, hit: boolean) => {
      total += w;
      if (hit) {
        covered += w;
        hits++;
      }
    };
    for (const m of glossary) {
      const t = m.entry.target;
      const hit = t.doc === "news" ? docs.has(NEWS_DOC) : t.articles.some((a) => articles.has(a)) || terms(m.entry.term).every((x) => have.has(x));
      count(GLOSSARY_WEIGHT * this.maxIdf * (m.partial ? 0.6 : 1), hit);
    }
    const consumed = new Set(glossary.flatMap((m) => m.tokens));
    const names = properNouns(question);
    const seen = new Set<string>();
    words(question).forEach((word, i) => {
      const t = stem(word);
      if (consumed.has(i) || isStopWord(word) || isQuestionWord(word) || word.length < 2 || seen.has(t)) return;
      seen.add(t);
      // Vietnamese syllables that happen to spell an English or Indonesian word ("lieu", "ban")
      // are not evidence either way: only the glossary speaks for a Vietnamese question.
      // Vietnamese words are known through the gists written in Vietnamese.
      const idf = language === "vi" && !/\d/.test(word) ? this.gistIdf.get(t) : this.idf.get(t) ?? (language === "id" ? this.gistIdf.get(t) : undefined);
      const sameLanguage = [...(this.termDocs.get(t) ?? [])].some((d) => docs.has(d));
      if (idf !== undefined && (have.has(t) || hasVariant(t, have))) count(idf, true);
      else if (idf !== undefined && sameLanguage) count(idf, false);
      // A word only the other document uses is likely the other language ("held" against the
      // Indonesian report, "daring" against an English article): it cannot be covered lexically.
      else if (idf !== undefined) count(1, false);
      // A word the corpus never uses weighs most ("Australia", "poem"), unless the glossary knows it
      // (an inflected Indonesian form, a synonym used outside its phrase).
      else if (names.has(word)) count(this.maxIdf + 1, false);
      else if (this.glossary.knows(word, language)) count(0.5, false);
      else count(0.5 * (this.maxIdf + 1), hasVariant(t, have));
      if (process.env.DEBUG_COVERAGE) process.stderr.write(`  ${word}:${idf?.toFixed(1) ?? (this.glossary.knows(word, language) ? "g" : "?")}:${have.has(t) || hasVariant(t, have) ? "+" : "-"}`);
    });
    if (process.env.DEBUG_COVERAGE) process.stderr.write(`  | g=${glossary.map((m) => m.entry.term + (m.partial ? "~" : "")).join(",")}\n`);
    // Positive evidence is required too: a share of a one-word question covered by one common
    // word ("Write me a poem" → "in writing") is chance, not an answer.
    const share = total ? covered / total : 0;
    return hits >= 2 || (hits === 1 && glossary.some((m) => !m.partial || covered >= MIN_EVIDENCE)) ? (covered >= MIN_EVIDENCE ? share : share / 2) : Math.min(share, 0.2);
  }
}

/** "What is X?", "what does X mean", "apa itu X", "X là gì": a question for a definition (Article 2). */
function asksForDefinition(question: string): boolean {
  const q = fold(question);
  return /\b(what (is|are) (an? |the )?|what does .* mean|meaning of|definition|defined?|define)\b|\bapa (itu|yang dimaksud)|\bpengertian\b|\bdefinisi\b|\bla gi\b|\bnghia la\b|\bdinh nghia\b|\bkhai niem\b/.test(q);
}

/** Capitalised words not opening the sentence ("Budapest", "Amerika Serikat", "EU"), folded. */
function properNouns(question: string): Set<string> {
  const out = new Set<string>();
  for (const m of question.matchAll(/(?<![.?!]\s|^)\b\p{Lu}[\p{L}\p{N}]*/gu)) words(m[0]).forEach((w) => out.add(w));
  return out;
}

/** Another form of the same word in the set ("forg" ~ "forgeri", "appli" ~ "applic"): stems disagree on some suffixes. */
function hasVariant(t: string, have: Set<string>): boolean {
  if (t.length < 4 || /\d/.test(t)) return false;
  for (const u of have) {
    let k = 0;
    while (k < t.length && k < u.length && t[k] === u[k]) k++;
    if (k >= 4 && k >= Math.min(t.length, u.length) - 1) return true;
  }
  return false;
}

export function sectionKey(c: Chunk): string {
  return `${c.metadata.doc}:${c.metadata.section}`;
}
