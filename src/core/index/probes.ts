/**
 * Probe questions: the last check before a version is served. Files can be intact and consistent and
 * the index still useless (vectors written by a broken build, an embedder that no longer matches
 * them), and only asking shows it. The probes are fixed questions whose answer is not in doubt, run
 * against the vector index alone (the lexical index is rebuilt from the docstore at every load), plus
 * checks that need no embedder: every stored vector is a unit vector (cosine space), and a sample
 * of them find themselves through the graph.
 */
import type { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import type { ChunkMetadata } from "./chunk.js";
import type { IndexManifest } from "./store.js";

interface Probe {
  question: string;
  /** The Convention's article that must be among the hits… */
  article?: number;
  /** …or the document (checked only when the version has it). */
  doc?: string;
}

export const PROBES: readonly Probe[] = [
  { question: "24/7 network point of contact", article: 41 },
  { question: "extradition of offenders", article: 37 },
  { question: "confiscation and seizure of proceeds of crime", article: 31 },
  { question: "penandatanganan konvensi di Hanoi", doc: "news-hanoi-signing-2025-10-25" },
];
const HITS = 5;
/** Stored vectors (spread over the index) that must find themselves: the graph reaches them. */
const SELF_CHECKS = 8;

/**
 * Run the probes; returns why the index failed them, or null. Text probes need the embedder, so
 * they run only with the local one (a remote embedder's outage must not make a version look damaged).
 */
export async function failedProbe(store: HNSWLib, manifest: IndexManifest, localEmbedder: boolean): Promise<string | null> {
  // Cosine space stores unit vectors: a zeroed or garbled one shows in its norm.
  const labels = store.index.getIdsList();
  for (const label of labels) {
    const norm = Math.hypot(...store.index.getPoint(label));
    if (!(Math.abs(norm - 1) < 1e-3)) return `stored vector ${label} is not a unit vector (norm ${Number.isFinite(norm) ? norm.toFixed(3) : norm})`;
  }
  const sorted = [...labels].sort((a, b) => a - b);
  for (let i = 0; i < SELF_CHECKS && sorted.length; i++) {
    const label = sorted[Math.floor((i * (sorted.length - 1)) / Math.max(1, SELF_CHECKS - 1))];
    const found = store.index.searchKnn(store.index.getPoint(label), 1);
    if (!(found.distances[0] < 1e-3)) return `stored vector ${label} does not find itself`;
  }
  if (!localEmbedder) return null;
  const docs = new Set(manifest.documents.map((d) => d.id));
  for (const probe of PROBES) {
    if (probe.doc && !docs.has(probe.doc)) continue;
    const hits = (await store.similaritySearch(probe.question, HITS)).map((d) => d.metadata as ChunkMetadata);
    const ok = probe.article !== undefined ? hits.some((h) => h.article === probe.article) : hits.some((h) => h.doc === probe.doc);
    if (!ok) return `probe question "${probe.question}" did not retrieve ${probe.article !== undefined ? `Article ${probe.article}` : probe.doc}`;
  }
  return null;
}
