/**
 * File checksums of an index version. The build records the sha256 and size of every file it wrote
 * in `manifest.json`; a loader compares them before parsing anything. Checking first matters: a
 * damaged vector file can crash the native HNSW loader outright (a segfault, not an exception), so
 * the bytes must be known good before they reach it.
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

export interface FileSum {
  sha256: string;
  bytes: number;
}

/** What the build writes into a version directory, besides `manifest.json` (which lists the others). */
export const INDEX_FILES = ["args.json", "docstore.json", "hnswlib.index", "sections.json"] as const;
/** Written only by the local embedder. */
export const EMBEDDER_FILE = "embedder.json";

export async function fileSum(file: string): Promise<FileSum> {
  const bytes = await fs.readFile(file);
  return { sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length };
}

/** Sums of every file in `dir` except the manifest, for the manifest. */
export async function sumFiles(dir: string): Promise<Record<string, FileSum>> {
  const names = (await fs.readdir(dir)).filter((n) => n !== "manifest.json").sort();
  const out: Record<string, FileSum> = {};
  for (const n of names) out[n] = await fileSum(path.join(dir, n));
  return out;
}

/** A digest of the chunk ids in order, so the manifest can vouch for the docstore's ids without listing them. */
export function idsDigest(ids: readonly string[]): string {
  return createHash("sha256").update(ids.join("\n")).digest("hex");
}
