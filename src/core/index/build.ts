/**
 * Building an index version (what `npm run ingest` and `/reindex` run): read → parse → chunk →
 * embed → build → save, under a cross-process lock, into a temp directory that is renamed into
 * place before CURRENT moves. A failure at any stage leaves the served version untouched.
 */
import fs from "node:fs/promises";
import fsSync from "node:fs";
import path from "node:path";
import { log } from "../../log.js";
import { loadCorpus, sectionHash, type Corpus } from "../corpus/index.js";
import { readManifest } from "../corpus/manifest.js";
import { obtainSource, sha256, type ObtainOptions } from "../corpus/obtain.js";
import type { IndexDiff, ReindexOptions, ReindexSummary, ReindexStage } from "../types.js";
import { acquireBuildLock } from "./build-lock.js";
import { idsDigest, sumFiles } from "./checksums.js";
import { chunkCorpus, CHUNKER_VERSION } from "./chunk.js";
import { createEmbedder } from "./embedder.js";
import { loadIndexDir } from "./load.js";
import { readCurrent, readManifestOf, setCurrent, type IndexManifest, type ManifestSection, type StoredDocument } from "./store.js";
import { checkFiles, IndexDamagedError } from "./verify.js";

export { BuildBusyError } from "./build-lock.js";

/** Bump when parsing changes what comes out of the same sources: it is part of the index version. */
export const PARSER_VERSION = 2;
const KEEP_VERSIONS = 3;
const EMBED_BATCH = 64;
/** How long a build waits for another process's build before giving up (INDEX_BUILD_WAIT_SECONDS). */
export const DEFAULT_BUILD_WAIT_MS = 300_000;

export interface BuildSettings extends ObtainOptions {
  indexDir: string;
  embeddings: string;
  /** How long to wait for another process's build; default DEFAULT_BUILD_WAIT_MS. */
  waitMs?: number;
}

/** The version CURRENT names, as a build sees it: reusable only when its files are exactly as built. */
interface CurrentState {
  version: string | null;
  /** Its manifest, when readable (for the diff), even if the version is damaged. */
  manifest: IndexManifest | null;
  damage: IndexDamagedError | null;
}

/**
 * Every version was fully verified (probes included) before CURRENT first named it, so files that
 * still match their checksums are that same verified version: the cheap file check is enough here.
 */
async function currentState(indexDir: string): Promise<CurrentState> {
  const version = await readCurrent(indexDir);
  if (!version) return { version: null, manifest: null, damage: null };
  const dir = path.join(indexDir, version);
  try {
    return { version, manifest: await checkFiles(dir, version), damage: null };
  } catch (err) {
    if (!(err instanceof IndexDamagedError)) throw err;
    const manifest = await readManifestOf(dir).catch(() => null);
    return { version, manifest: Array.isArray(manifest?.documents) ? manifest : null, damage: err };
  }
}

export async function buildIndex(settings: BuildSettings, options: ReindexOptions = {}): Promise<ReindexSummary> {
  const started = performance.now();
  const progress = (stage: ReindexStage, done: number, total: number) => options.onProgress?.({ stage, done, total });
  const seconds = () => Math.round((performance.now() - started) / 10) / 100;
  const embedder = await createEmbedder(settings.embeddings);

  // The version is a hash of what goes in, so an unchanged corpus is known before any parsing.
  const entries = await readManifest(settings.corpusDir);
  const sums: string[] = [];
  for (const [i, entry] of entries.entries()) {
    // The entry itself counts too: a new short title or date must reach the stored names.
    sums.push(`${entry.id}:${(await obtainSource(entry, settings)).sha256}:${sha256(JSON.stringify(entry))}`);
    progress("read", i + 1, entries.length);
  }
  const version = sha256(JSON.stringify({ sums, data: dataSums(settings.corpusDir), PARSER_VERSION, CHUNKER_VERSION, embedder: embedder.info.id })).slice(0, 16);
  let current = await currentState(settings.indexDir);
  const previousVersion = current.version;
  const unchanged = (c: CurrentState): ReindexSummary | null =>
    c.manifest && !c.damage && c.version === version && !options.force && !options.dryRun
      ? { version, previousVersion, outcome: "unchanged", ...counts(c.manifest), seconds: seconds(), diff: { added: [], changed: [], removed: [], documents: [] } }
      : null;
  const reuse = unchanged(current);
  if (reuse) return reuse;
  // A damaged current version counts as changed: rebuilding it is the repair.
  const damaged = current.damage ? { version: current.damage.version, file: current.damage.file, reason: current.damage.reason } : undefined;
  if (damaged && !options.dryRun) log.warn(damaged, `index version ${damaged.version} is damaged (${damaged.file}: ${damaged.reason}); rebuilding it`);

  const corpus = await loadCorpus(settings, (stage, done, total) => progress(stage, done, total));
  const chunks = chunkCorpus(corpus);
  progress("chunk", chunks.length, chunks.length);
  const manifestDocs = manifestDocuments(corpus);
  const diff = diffManifests(current.manifest, manifestDocs);
  const summary = (outcome: ReindexSummary["outcome"]): ReindexSummary => ({
    version, previousVersion, outcome, documents: manifestDocs.length,
    articles: manifestDocs.flatMap((d) => d.sections).filter((s) => s.kind === "article").length,
    chunks: chunks.length, seconds: seconds(), diff, ...(damaged ? { damaged } : {}),
  });
  if (options.dryRun) return summary("dry-run");

  await fs.mkdir(settings.indexDir, { recursive: true });
  const lock = await acquireBuildLock(settings.indexDir, { waitMs: settings.waitMs ?? DEFAULT_BUILD_WAIT_MS, onWait: options.onWait });
  try {
    if (lock.waitedMs > 0) {
      // We waited for another process's build: its result may be exactly what we were about to build.
      current = await currentState(settings.indexDir);
      const theirs = unchanged(current);
      if (theirs) {
        log.info({ version }, `the build we waited for made version ${version}; using it`);
        return theirs;
      }
    }
    embedder.fit?.(chunks.map((c) => c.pageContent));
    const vectors: number[][] = [];
    for (let i = 0; i < chunks.length; i += EMBED_BATCH) {
      vectors.push(...(await embedder.embeddings.embedDocuments(chunks.slice(i, i + EMBED_BATCH).map((c) => c.pageContent))));
      progress("embed", Math.min(i + EMBED_BATCH, chunks.length), chunks.length);
    }
    const { HNSWLib } = await import("@langchain/community/vectorstores/hnswlib");
    const store = new HNSWLib(embedder.embeddings, { space: "cosine", numDimensions: vectors[0].length });
    await store.addVectors(vectors, chunks);
    progress("build", chunks.length, chunks.length);

    await removeAbandonedBuilds(settings.indexDir);
    const tmp = path.join(settings.indexDir, `.build-${version}-${process.pid}`);
    await store.save(tmp);
    const stored: StoredDocument[] = corpus.documents.map((d) => ({ entry: d.entry, chapters: d.chapters, sections: d.sections }));
    await fs.writeFile(path.join(tmp, "sections.json"), JSON.stringify(stored));
    if (embedder.state) await fs.writeFile(path.join(tmp, "embedder.json"), JSON.stringify(embedder.state()));
    const manifest: IndexManifest = {
      version, createdAt: new Date().toISOString(), embedder: embedder.info, chunks: chunks.length,
      chunkIds: idsDigest(chunks.map((c) => c.metadata.id)), files: await sumFiles(tmp), documents: manifestDocs,
    };
    await fs.writeFile(path.join(tmp, "manifest.json"), JSON.stringify(manifest, null, 2));
    await verifyBuild(tmp, settings.embeddings, version);
    await moveIntoPlace(tmp, path.join(settings.indexDir, version));
    await setCurrent(settings.indexDir, version);
    progress("save", 1, 1);
    await pruneOldVersions(settings.indexDir, version);
    return summary("built");
  } finally {
    await lock.release();
  }
}

/** The same checks a loader makes, on the finished build, before CURRENT may name it. */
async function verifyBuild(tmp: string, embeddings: string, version: string): Promise<void> {
  try {
    await loadIndexDir(tmp, embeddings, version);
  } catch (err) {
    await fs.rm(tmp, { recursive: true, force: true });
    if (err instanceof IndexDamagedError) throw new Error(`The new index failed its check (${err.file}: ${err.reason}); the current version keeps serving.`);
    throw err;
  }
}

function counts(m: IndexManifest) {
  return { documents: m.documents.length, articles: m.documents.flatMap((d) => d.sections).filter((s) => s.kind === "article").length, chunks: m.chunks };
}

/**
 * Rename the finished build into its version directory. A forced rebuild of the version being served
 * cannot swap directories atomically, so it replaces the files one by one instead (each rename is
 * atomic, the same version means the same inputs and the same files, and manifest.json goes last):
 * the directory CURRENT names never disappears, even if the process is killed half-way.
 */
async function moveIntoPlace(tmp: string, dest: string): Promise<void> {
  try {
    await fs.rename(tmp, dest);
    return;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOTEMPTY" && (err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  const files = (await fs.readdir(tmp)).sort((a, b) => Number(a === "manifest.json") - Number(b === "manifest.json"));
  for (const f of files) await fs.rename(path.join(tmp, f), path.join(dest, f));
  await fs.rm(tmp, { recursive: true, force: true });
}

/** Temp directories left by builds that were killed (we hold the lock, so none is being written). */
async function removeAbandonedBuilds(indexDir: string): Promise<void> {
  for (const name of await fs.readdir(indexDir)) {
    if (name.startsWith(".build-")) await fs.rm(path.join(indexDir, name), { recursive: true, force: true });
  }
}

async function pruneOldVersions(indexDir: string, current: string): Promise<void> {
  const entries = await fs.readdir(indexDir, { withFileTypes: true });
  const versions = await Promise.all(
    entries
      .filter((e) => e.isDirectory() && /^[0-9a-f]{16}$/.test(e.name) && e.name !== current)
      .map(async (e) => ({ name: e.name, mtime: (await fs.stat(path.join(indexDir, e.name))).mtimeMs })),
  );
  versions.sort((a, b) => b.mtime - a.mtime);
  for (const v of versions.slice(KEEP_VERSIONS - 1)) await fs.rm(path.join(indexDir, v.name), { recursive: true, force: true });
}

function manifestDocuments(corpus: Corpus): IndexManifest["documents"] {
  return corpus.documents.map((d) => ({
    id: d.entry.id, title: d.entry.title, language: d.entry.language, kind: d.entry.kind, url: d.entry.url, date: d.entry.date, sha256: d.sha256,
    sections: d.sections.map((s): ManifestSection => {
      const hash = sectionHash(s);
      if (s.kind === "article") return { kind: "article", id: s.id, article: s.article!, title: s.title, chapter: s.chapter, paragraphs: s.paragraphs.length, sha256: hash };
      if (s.kind === "note") return { kind: "note", id: s.id, title: s.title, interprets: s.interprets, sha256: hash };
      return { kind: s.kind, id: s.id, title: s.title, paragraphs: s.paragraphs.length, sha256: hash };
    }),
  }));
}

/** Articles added, changed or removed, and other documents/sections that changed, against the served index. */
export function diffManifests(previous: IndexManifest | null, next: IndexManifest["documents"]): IndexDiff {
  const articleMap = (docs: IndexManifest["documents"]) =>
    new Map(docs.flatMap((d) => d.sections).filter((s) => s.kind === "article").map((s) => [s.article!, s.sha256]));
  const before = articleMap(previous?.documents ?? []);
  const after = articleMap(next);
  const diff: IndexDiff = { added: [], changed: [], removed: [], documents: [] };
  for (const [n, h] of after) {
    if (!before.has(n)) diff.added.push(n);
    else if (before.get(n) !== h) diff.changed.push(n);
  }
  for (const n of before.keys()) if (!after.has(n)) diff.removed.push(n);
  const docHash = (d: IndexManifest["documents"][number]) => d.sections.filter((s) => s.kind !== "article").map((s) => s.sha256).join();
  const prevDocs = new Map((previous?.documents ?? []).map((d) => [d.id, docHash(d)]));
  for (const d of next) if (prevDocs.get(d.id) !== docHash(d)) diff.documents.push(d.id);
  for (const id of prevDocs.keys()) if (!next.some((d) => d.id === id)) diff.documents.push(id);
  return diff;
}

/**
 * The corpus data files that shape answers (glossary, intents, discrepancies, explainers,
 * translations) are content too: a change to any of them is a new index version.
 */
export function dataSums(corpusDir: string): string[] {
  const files = ["glossary.json", "intents.json", "discrepancies.json"];
  for (const dir of ["explainers", "translations"]) {
    const folder = path.join(corpusDir, dir);
    if (fsSync.existsSync(folder)) files.push(...fsSync.readdirSync(folder).filter((f) => f.endsWith(".json")).sort().map((f) => `${dir}/${f}`));
  }
  return files.filter((f) => fsSync.existsSync(path.join(corpusDir, f))).map((f) => `${f}:${sha256(fsSync.readFileSync(path.join(corpusDir, f)))}`);
}
