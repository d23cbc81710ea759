/**
 * Loading an index version for querying — always verified (verify.ts, probes.ts): a version that
 * fails any check throws `IndexDamagedError` naming the file, and is never handed to the facade.
 */
import path from "node:path";
import type { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { EMBEDDER_FILE } from "./checksums.js";
import type { Chunk } from "./chunk.js";
import { createEmbedder, EmbedderMismatchError } from "./embedder.js";
import type { HashedEmbedderState } from "./embeddings.js";
import { failedProbe } from "./probes.js";
import { IndexMissingError, readCurrent, type LoadedIndex, type StoredDocument } from "./store.js";
import { checkConsistency, checkFiles, IndexDamagedError, readJson } from "./verify.js";

/** ef is not saved with the index and defaults to 10, far too low for good recall. */
const HNSW_EF = 128;

/** Load a version (default: CURRENT) for querying with the configured embedder, verifying it first. */
export async function loadIndex(indexDir: string, embeddingsSetting: string, version?: string): Promise<LoadedIndex> {
  const v = version ?? (await readCurrent(indexDir));
  if (!v) throw new IndexMissingError("There is no index yet: run `npm run ingest` first.");
  return loadIndexDir(path.join(indexDir, v), embeddingsSetting, v);
}

/** Load and verify the version in `dir` (a version directory, or a build's temp directory). */
export async function loadIndexDir(dir: string, embeddingsSetting: string, version: string): Promise<LoadedIndex> {
  const manifest = await checkFiles(dir, version);
  const local = embeddingsSetting === "local";
  if (local && !manifest.files[EMBEDDER_FILE]) throw new IndexDamagedError(version, "manifest.json", `no checksum for ${EMBEDDER_FILE}`);
  const state = local ? await readJson<HashedEmbedderState>(dir, version, EMBEDDER_FILE) : undefined;
  let embedder;
  try {
    embedder = await createEmbedder(embeddingsSetting, state);
  } catch (err) {
    if (!local) throw err; // a remote provider's problem, not the version's
    throw new IndexDamagedError(version, EMBEDDER_FILE, `unusable (${(err as Error).message})`);
  }
  if (embedder.info.id !== manifest.embedder.id) {
    throw new EmbedderMismatchError(`The index was built with embedder ${manifest.embedder.id} but ${embedder.info.id} is configured: rebuild it with \`npm run ingest -- --force\`.`);
  }
  const docstore = await readJson<[string, unknown][]>(dir, version, "docstore.json");
  const sections = await readJson<unknown>(dir, version, "sections.json");
  await readJson<unknown>(dir, version, "args.json");

  const { HNSWLib } = await import("@langchain/community/vectorstores/hnswlib");
  let store: HNSWLib;
  try {
    store = await HNSWLib.load(dir, embedder.embeddings);
  } catch (err) {
    throw new IndexDamagedError(version, "hnswlib.index", `does not load (${(err as Error).message})`);
  }
  checkConsistency({ version, manifest, docstore, vectorCount: store.index.getCurrentCount(), vectorLabels: store.index.getIdsList(), sections });
  store.index.setEf(HNSW_EF);
  const problem = await failedProbe(store, manifest, local);
  if (problem) throw new IndexDamagedError(version, "hnswlib.index", problem);

  const chunks = [...(store.docstore as unknown as { _docs: Map<string, Chunk> })._docs.values()];
  return { dir, manifest, store, embedder, chunks, documents: sections as StoredDocument[] };
}
