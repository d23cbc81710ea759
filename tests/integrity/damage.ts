/**
 * Ways to damage an index version built from the real PDF, each with the file a check must name.
 *
 * `DISK_DAMAGE` is what disks, editors and half-finished copies do (truncation, overwritten bytes,
 * emptied or missing files): the checksums recorded at build time must catch every one, before a
 * damaged byte reaches the native HNSW loader. `WRITER_DAMAGE` re-records the checksums after the
 * damage ("resealed"), as a buggy build would write it, so the deeper checks (counts, ids, sections,
 * unit vectors, probe questions) are the ones that must refuse it.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface Damage {
  name: string;
  /** The file the refusal must name. */
  file: string;
  /** What the refusal's reason must say. */
  reason: RegExp;
  apply(dir: string): void;
}

const at = (dir: string, name: string) => path.join(dir, name);
const readJson = (dir: string, name: string) => JSON.parse(fs.readFileSync(at(dir, name), "utf8"));
const writeJson = (dir: string, name: string, value: unknown) => fs.writeFileSync(at(dir, name), JSON.stringify(value));

/** Overwrite `length` bytes from the middle of a file with a pattern, keeping its size. */
function overwriteMiddle(file: string, length: number, byte: (i: number) => number): void {
  const bytes = fs.readFileSync(file);
  const start = Math.floor(bytes.length / 2);
  for (let i = start; i < Math.min(bytes.length, start + length); i++) bytes[i] = byte(i);
  fs.writeFileSync(file, bytes);
}

export const DISK_DAMAGE: Damage[] = [
  { name: "docstore.json emptied of its entries", file: "docstore.json", reason: /bytes where the build wrote/, apply: (d) => fs.writeFileSync(at(d, "docstore.json"), "[]") },
  { name: "docstore.json truncated", file: "docstore.json", reason: /bytes where the build wrote/, apply: (d) => fs.truncateSync(at(d, "docstore.json"), 1000) },
  { name: "hnswlib.index bytes overwritten in place", file: "hnswlib.index", reason: /checksum mismatch/, apply: (d) => overwriteMiddle(at(d, "hnswlib.index"), 100_000, (i) => (i * 7919) & 255) },
  { name: "hnswlib.index truncated", file: "hnswlib.index", reason: /bytes where the build wrote/, apply: (d) => fs.truncateSync(at(d, "hnswlib.index"), 1_500_000) },
  { name: "hnswlib.index missing", file: "hnswlib.index", reason: /^missing$/, apply: (d) => fs.rmSync(at(d, "hnswlib.index")) },
  { name: "sections.json one byte changed", file: "sections.json", reason: /checksum mismatch/, apply: (d) => overwriteMiddle(at(d, "sections.json"), 1, () => 0x21) },
  { name: "embedder.json emptied", file: "embedder.json", reason: /bytes where the build wrote/, apply: (d) => fs.writeFileSync(at(d, "embedder.json"), "") },
  { name: "args.json overwritten", file: "args.json", reason: /bytes where the build wrote|checksum mismatch/, apply: (d) => writeJson(d, "args.json", { space: "l2", numDimensions: 3 }) },
  { name: "manifest.json emptied", file: "manifest.json", reason: /^empty$/, apply: (d) => fs.writeFileSync(at(d, "manifest.json"), "") },
  { name: "manifest.json truncated", file: "manifest.json", reason: /not valid JSON/, apply: (d) => fs.truncateSync(at(d, "manifest.json"), 200) },
  { name: "manifest.json an empty object", file: "manifest.json", reason: /^version: /, apply: (d) => writeJson(d, "manifest.json", {}) },
  {
    name: "manifest.json without checksums (written by an older build)",
    file: "manifest.json",
    reason: /^no checksums \(built before checksums were recorded/,
    apply: (d) => {
      const { files: _f, chunkIds: _c, ...older } = readJson(d, "manifest.json");
      writeJson(d, "manifest.json", older);
    },
  },
];

/** Re-record the checksums (and the chunk id digest) of a damaged version, as a buggy build would have. */
export function reseal(dir: string): void {
  const manifest = readJson(dir, "manifest.json");
  const docstore = readJson(dir, "docstore.json") as [string, { metadata?: { id?: string } }][];
  if (Array.isArray(docstore)) {
    manifest.chunkIds = createHash("sha256").update(docstore.map(([, c]) => c?.metadata?.id).join("\n")).digest("hex");
  }
  for (const name of Object.keys(manifest.files)) {
    const bytes = fs.readFileSync(at(dir, name));
    manifest.files[name] = { sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length };
  }
  writeJson(dir, "manifest.json", manifest);
}

const resealed = (name: string, file: string, reason: RegExp, apply: (dir: string) => void): Damage => ({
  name: `${name} (checksums re-recorded)`,
  file,
  reason,
  apply: (dir) => {
    apply(dir);
    reseal(dir);
  },
});

export const WRITER_DAMAGE: Damage[] = [
  resealed("docstore.json emptied of its entries", "docstore.json", /holds 0 chunks where the manifest lists \d+/, (d) => writeJson(d, "docstore.json", [])),
  resealed("a chunk without its text", "docstore.json", /chunk 5 is malformed/, (d) => {
    const docs = readJson(d, "docstore.json");
    delete docs[5][1].metadata.text;
    writeJson(d, "docstore.json", docs);
  }),
  resealed("one chunk id twice", "docstore.json", /appears twice/, (d) => {
    const docs = readJson(d, "docstore.json");
    docs[7][1].metadata.id = docs[6][1].metadata.id;
    writeJson(d, "docstore.json", docs);
  }),
  {
    name: "chunk ids differing from the manifest's (docstore re-recorded only)",
    file: "docstore.json",
    reason: /chunk ids differ/,
    apply: (d) => {
      const docs = readJson(d, "docstore.json");
      [docs[3][1], docs[4][1]] = [docs[4][1], docs[3][1]];
      writeJson(d, "docstore.json", docs);
      const manifest = readJson(d, "manifest.json");
      reseal(d);
      writeJson(d, "manifest.json", { ...readJson(d, "manifest.json"), chunkIds: manifest.chunkIds });
    },
  },
  resealed("sections.json without the news report", "sections.json", /documents differ/, (d) => writeJson(d, "sections.json", readJson(d, "sections.json").slice(0, 1))),
  resealed("vectors zeroed", "hnswlib.index", /is not a unit vector/, (d) => overwriteMiddle(at(d, "hnswlib.index"), 200_000, () => 0)),
  resealed("chunks shuffled against their vectors", "hnswlib.index", /probe question .* did not retrieve/, (d) => {
    // Each vector now points at another chunk: ids, counts and files all agree, answers would be wrong.
    const docs = readJson(d, "docstore.json") as [string, unknown][];
    const chunks = docs.map(([, c]) => c);
    writeJson(d, "docstore.json", docs.map(([key], i) => [key, chunks[(i + 97) % chunks.length]]));
  }),
];

export const ALL_DAMAGE = [...DISK_DAMAGE, ...WRITER_DAMAGE];

/** A copy of version `from` named `to` (manifest included), as another build would leave it. */
export function copyVersion(indexDir: string, from: string, to: string): string {
  const dir = path.join(indexDir, to);
  fs.cpSync(path.join(indexDir, from), dir, { recursive: true });
  const manifestFile = path.join(dir, "manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
  fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, version: to, createdAt: new Date().toISOString() }, null, 2));
  return dir;
}

/** Point CURRENT at `version` the way the index writer does: write a temp file, rename it over. */
export function pointAt(indexDir: string, version: string): void {
  const tmp = path.join(indexDir, ".CURRENT.test.tmp");
  fs.writeFileSync(tmp, version + "\n");
  fs.renameSync(tmp, path.join(indexDir, "CURRENT"));
}

export function readCurrent(indexDir: string): string {
  return fs.readFileSync(path.join(indexDir, "CURRENT"), "utf8").trim();
}
