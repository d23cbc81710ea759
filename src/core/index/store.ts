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
import type { FileSum } from "./checksums.js";
import type { Chunk } from "./chunk.js";
import type { Embedder, EmbedderInfo } from "./embedder.js";

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
  /** sha256 of the chunk ids in docstore order (see checksums.ts). */
  chunkIds: string;
  /** Size and sha256 of every other file of the version, checked before anything is parsed. */
  files: Record<string, FileSum>;
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

export { loadIndex } from "./load.js";
