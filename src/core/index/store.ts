/**
 * The on-disk index: `INDEX_DIR/<version>/` holds LangChain's HNSWLib store, the embedder's state,
 * the parsed sections (for article views) and `manifest.json`; `INDEX_DIR/CURRENT` names the version
 * being served and only ever changes by an atomic rename, so readers never see a half-built index.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import type { Chapter, Paragraph, SectionKind } from "../corpus/index.js";
import type { SourceEntry } from "../corpus/manifest.js";
import type { Chunk } from "./chunk.js";
import { createEmbedder, EmbedderMismatchError, type Embedder, type EmbedderInfo } from "./embedder.js";
import type { HashedEmbedderState } from "./embeddings.js";

export interface ManifestSection {
  kind: SectionKind;
  id: string;
  article?: number;
  title: string;
  chapter?: string | null;
  paragraphs?: number;
  interprets?: number[];
  sha256: string;
}

export interface IndexManifest {
  version: string;
  createdAt: string;
  embedder: EmbedderInfo;
  chunks: number;
  documents: { id: string; title: string; language: string; kind: string; url: string; date?: string; sha256: string; sections: ManifestSection[] }[];
}

/** What `sections.json` keeps: the parsed structure, to show whole articles. */
export interface StoredDocument {
  entry: SourceEntry;
  chapters: Chapter[];
  sections: { id: string; kind: SectionKind; article: number | null; title: string; chapter: string | null; page: number; paragraphs: Paragraph[]; interprets?: number[] }[];
}

export interface LoadedIndex {
  dir: string;
  manifest: IndexManifest;
  store: HNSWLib;
  embedder: Embedder;
  chunks: Chunk[];
  documents: StoredDocument[];
}

export const CURRENT = "CURRENT";
const HNSW_EF = 128;

export class IndexMissingError extends Error {}

export async function readCurrent(indexDir: string): Promise<string | null> {
  try {
    const v = (await fs.readFile(path.join(indexDir, CURRENT), "utf8")).trim();
    return /^[0-9a-f]{6,64}$/.test(v) ? v : null;
  } catch {
    return null;
  }
}

/** Point CURRENT at a version: write a temp file, then rename over (atomic on POSIX). */
export async function setCurrent(indexDir: string, version: string): Promise<void> {
  const tmp = path.join(indexDir, `.${CURRENT}.${process.pid}.tmp`);
  await fs.writeFile(tmp, version + "\n");
  await fs.rename(tmp, path.join(indexDir, CURRENT));
}

export async function readManifestOf(dir: string): Promise<IndexManifest> {
  return JSON.parse(await fs.readFile(path.join(dir, "manifest.json"), "utf8"));
}

/** Load a version (default: CURRENT) for querying with the configured embedder. */
export async function loadIndex(indexDir: string, embeddingsSetting: string, version?: string): Promise<LoadedIndex> {
  const v = version ?? (await readCurrent(indexDir));
  if (!v) throw new IndexMissingError("There is no index yet: run `npm run ingest` first.");
  const dir = path.join(indexDir, v);
  const manifest = await readManifestOf(dir);
  const state = embeddingsSetting === "local" ? (JSON.parse(await fs.readFile(path.join(dir, "embedder.json"), "utf8")) as HashedEmbedderState) : undefined;
  const embedder = await createEmbedder(embeddingsSetting, state);
  if (embedder.info.id !== manifest.embedder.id) {
    throw new EmbedderMismatchError(`The index was built with embedder ${manifest.embedder.id} but ${embedder.info.id} is configured: rebuild it with \`npm run ingest -- --force\`.`);
  }
  const { HNSWLib } = await import("@langchain/community/vectorstores/hnswlib");
  const store = await HNSWLib.load(dir, embedder.embeddings);
  // ef is not saved with the index and defaults to 10, far too low for good recall.
  store.index.setEf(HNSW_EF);
  const chunks = [...(store.docstore as unknown as { _docs: Map<string, Chunk> })._docs.values()];
  const documents = JSON.parse(await fs.readFile(path.join(dir, "sections.json"), "utf8")) as StoredDocument[];
  return { dir, manifest, store, embedder, chunks, documents };
}
