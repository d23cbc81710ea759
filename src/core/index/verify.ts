/**
 * What makes an index version servable. A version that merely loads is not enough: a docstore that
 * lost its entries, or a vector file with overwritten bytes, loads without a word and then fails (or
 * crashes) on every question. So every version is checked before it is served — at start, at hot
 * reload, and by the build before it moves CURRENT — and a failed check names the file and why.
 *
 * The checks, cheapest first: the manifest parses and names this version; every file the build
 * wrote is present with the size and sha256 the manifest recorded (so no damaged byte ever reaches
 * the native HNSW loader); then, once loaded, the docstore, the vector index and the manifest agree
 * on the chunk count and ids, and the sections match the manifest's documents. Probe questions
 * (probes.ts) come last.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { fileSum, idsDigest, INDEX_FILES, type FileSum } from "./checksums.js";
import type { IndexManifest } from "./store.js";

export const MANIFEST_FILE = "manifest.json";

/** A version that must not be served: which file is at fault, and what is wrong with it. */
export class IndexDamagedError extends Error {
  constructor(
    readonly version: string,
    readonly file: string,
    readonly reason: string,
  ) {
    super(`index version ${version} is damaged: ${file}: ${reason}`);
    this.name = "IndexDamagedError";
  }
}

/** Versions built before checksums were recorded cannot be vouched for: ingest rebuilds them. */
const OLDER_BUILD = "no checksums (built before checksums were recorded; run `npm run ingest`)";
const fileSumSchema = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().min(0) });
const manifestSchema = z.object({
  version: z.string().min(1),
  createdAt: z.string().min(1),
  embedder: z.object({ id: z.string().min(1) }).loose(),
  chunks: z.number().int().min(1),
  chunkIds: z.string().regex(/^[0-9a-f]{64}$/),
  files: z.record(z.string(), fileSumSchema),
  documents: z.array(z.object({ id: z.string(), sections: z.array(z.object({ kind: z.string(), id: z.string() }).loose()) }).loose()).min(1),
});

/** The first problem zod found, as a short phrase ("chunks: expected number"). */
function firstIssue(err: z.ZodError): string {
  const issue = err.issues[0];
  const where = issue.path.join(".");
  return where ? `${where}: ${issue.message}` : issue.message;
}

/**
 * Read and check `manifest.json` and every file it lists (presence, size, sha256). Cheap (about
 * 10 ms): it is also what `ingest` runs to decide whether the current version can be reused.
 */
export async function checkFiles(dir: string, version: string): Promise<IndexManifest> {
  const damaged = (file: string, reason: string) => new IndexDamagedError(version, file, reason);
  let raw: string;
  try {
    raw = await fs.readFile(path.join(dir, MANIFEST_FILE), "utf8");
  } catch (err) {
    throw damaged(MANIFEST_FILE, describeReadError(err));
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw damaged(MANIFEST_FILE, raw.trim() ? "not valid JSON (truncated or overwritten)" : "empty");
  }
  if (json && typeof json === "object" && "version" in json && !("files" in json)) throw damaged(MANIFEST_FILE, OLDER_BUILD);
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw damaged(MANIFEST_FILE, firstIssue(parsed.error));
  const manifest = parsed.data as unknown as IndexManifest;
  if (manifest.version !== version) throw damaged(MANIFEST_FILE, `names version ${manifest.version}`);
  for (const name of INDEX_FILES) if (!manifest.files[name]) throw damaged(MANIFEST_FILE, `no checksum for ${name}`);
  for (const [name, expected] of Object.entries(manifest.files)) await checkSum(dir, name, expected, damaged);
  return manifest;
}

async function checkSum(dir: string, name: string, expected: FileSum, damaged: (file: string, reason: string) => IndexDamagedError): Promise<void> {
  if (name !== path.basename(name)) throw damaged(MANIFEST_FILE, `lists a file outside the version: ${name}`);
  let actual: FileSum;
  try {
    actual = await fileSum(path.join(dir, name));
  } catch (err) {
    throw damaged(name, describeReadError(err));
  }
  if (actual.bytes !== expected.bytes) throw damaged(name, `${actual.bytes} bytes where the build wrote ${expected.bytes} (truncated or overwritten)`);
  if (actual.sha256 !== expected.sha256) throw damaged(name, "checksum mismatch (changed since the build)");
}

function describeReadError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "missing";
  if (code === "EACCES" || code === "EPERM") return "not readable";
  if (code === "EISDIR") return "is a directory";
  return `cannot be read (${code ?? "error"})`;
}

/** Parse a JSON file of the version, naming it when it does not parse. */
export async function readJson<T>(dir: string, version: string, name: string): Promise<T> {
  let raw: string;
  try {
    raw = await fs.readFile(path.join(dir, name), "utf8");
  } catch (err) {
    throw new IndexDamagedError(version, name, describeReadError(err));
  }
  try {
    return JSON.parse(raw) as T;
  } catch {
    throw new IndexDamagedError(version, name, raw.trim() ? "not valid JSON (truncated or overwritten)" : "empty");
  }
}

const chunkSchema = z.object({
  pageContent: z.string().min(1),
  metadata: z.object({ id: z.string().min(1), doc: z.string().min(1), kind: z.string(), text: z.string(), articleTitle: z.string(), url: z.string(), article: z.number().int().nullable() }).loose(),
});
const sectionsSchema = z.array(
  z.object({
    entry: z.object({ id: z.string(), url: z.string() }).loose(),
    chapters: z.array(z.object({ numeral: z.string(), title: z.string() })),
    sections: z.array(z.object({ id: z.string(), kind: z.string(), article: z.number().int().nullable(), paragraphs: z.array(z.object({ blocks: z.array(z.string()) }).loose()) }).loose()),
  }),
);

/** What the consistency check looks at, once the files are parsed and the vectors loaded. */
export interface LoadedParts {
  version: string;
  manifest: IndexManifest;
  /** The docstore's entries, in order: [label, chunk]. */
  docstore: [string, unknown][];
  vectorCount: number;
  vectorLabels: number[];
  sections: unknown;
}

/** The docstore, the vector index, the sections and the manifest describe the same chunks and documents. */
export function checkConsistency(parts: LoadedParts): void {
  const { version, manifest, docstore } = parts;
  const damaged = (file: string, reason: string) => new IndexDamagedError(version, file, reason);
  if (!Array.isArray(docstore)) throw damaged("docstore.json", "not a list of chunks");
  if (docstore.length !== manifest.chunks) throw damaged("docstore.json", `holds ${docstore.length} chunks where the manifest lists ${manifest.chunks}`);
  if (parts.vectorCount !== manifest.chunks) throw damaged("hnswlib.index", `holds ${parts.vectorCount} vectors where the manifest lists ${manifest.chunks} chunks`);
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const [i, entry] of docstore.entries()) {
    const chunk = Array.isArray(entry) ? chunkSchema.safeParse(entry[1]) : null;
    if (!chunk?.success || typeof entry[0] !== "string") throw damaged("docstore.json", `chunk ${i} is malformed${chunk && !chunk.success ? ` (${firstIssue(chunk.error)})` : ""}`);
    const id = chunk.data.metadata.id;
    if (seen.has(id)) throw damaged("docstore.json", `chunk id ${id} appears twice`);
    seen.add(id);
    ids.push(id);
  }
  if (idsDigest(ids) !== manifest.chunkIds) throw damaged("docstore.json", "its chunk ids differ from the ones the manifest recorded");
  if (new Set(parts.vectorLabels).size !== parts.vectorLabels.length) throw damaged("hnswlib.index", "vector labels repeat");
  const keys = new Set(docstore.map(([key]) => key));
  const stray = parts.vectorLabels.find((label) => !keys.has(String(label)));
  if (stray !== undefined) throw damaged("hnswlib.index", `vector ${stray} has no chunk in the docstore`);

  const sections = sectionsSchema.safeParse(parts.sections);
  if (!sections.success) throw damaged("sections.json", firstIssue(sections.error));
  const docIds = (list: { id: string }[]) => list.map((d) => d.id).sort().join(",");
  if (docIds(sections.data.map((d) => d.entry)) !== docIds(manifest.documents)) throw damaged("sections.json", "its documents differ from the manifest's");
}
