/**
 * Getting a source's bytes. The project's own documents ("bundled") come from `corpus/` only.
 * Official documents ("official", the Convention's PDF) ship in `corpus/` too, so a fresh clone
 * works offline; CORPUS_SOURCES_DIR is looked at first (to try another copy without touching the
 * checkout), and the download cache and the official URL only when the shipped copy is missing or
 * altered. Every copy must match the source list's sha256 before it is used.
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { SourceEntry } from "./manifest.js";

export interface ObtainOptions {
  corpusDir: string;
  sourcesDir?: string;
  cacheDir: string;
  /** Override of the Convention's download URL (CONVENTION_PDF_URL). */
  downloadUrl?: string;
}

export interface Obtained {
  bytes: Uint8Array;
  sha256: string;
  /** Where the bytes came from: "sources dir", "bundled", "cache" or "download". */
  from: string;
}

/** A source that cannot be had; its message is one sentence telling the admin what to do. */
export class SourceUnavailableError extends Error {}

export const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

async function readIfExists(file: string): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch {
    return undefined;
  }
}

export async function obtainSource(entry: SourceEntry, opts: ObtainOptions): Promise<Obtained> {
  const file = entry.obtain.file;
  if (entry.obtain.method === "bundled") {
    const bytes = await readIfExists(path.join(opts.corpusDir, file));
    if (!bytes) throw new SourceUnavailableError(`The bundled document ${file} is missing from ${path.basename(opts.corpusDir)}/; restore it from git.`);
    return { bytes, sha256: sha256(bytes), from: "bundled" };
  }
  const mismatches: string[] = [];
  const candidates: [string, string | undefined][] = [
    ["sources dir", opts.sourcesDir && path.join(opts.sourcesDir, file)],
    ["bundled", path.join(opts.corpusDir, file)],
    ["cache", path.join(opts.cacheDir, file)],
  ];
  for (const [from, candidate] of candidates) {
    if (!candidate) continue;
    const bytes = await readIfExists(candidate);
    if (!bytes) continue;
    const sum = sha256(bytes);
    if (sum === entry.sha256) return { bytes, sha256: sum, from };
    mismatches.push(from);
  }
  const url = opts.downloadUrl ?? entry.url;
  const downloaded = await download(url);
  if (downloaded.ok) {
    const sum = sha256(downloaded.bytes);
    if (sum === entry.sha256) {
      await fs.mkdir(opts.cacheDir, { recursive: true });
      const tmp = path.join(opts.cacheDir, `.${file}.${process.pid}.tmp`);
      await fs.writeFile(tmp, downloaded.bytes);
      await fs.rename(tmp, path.join(opts.cacheDir, file));
      return { bytes: downloaded.bytes, sha256: sum, from: "download" };
    }
    mismatches.push("download");
  }
  const why = mismatches.length ? `copies found (${mismatches.join(", ")}) do not have the expected sha256` : `the download failed (${downloaded.ok ? "" : downloaded.reason})`;
  throw new SourceUnavailableError(
    `Cannot obtain ${file}: ${why}; restore ${path.basename(opts.corpusDir)}/${file} from git, put the official PDF in a folder and set CORPUS_SOURCES_DIR to it, or allow the download from ${new URL(url).host}.`,
  );
}

async function download(url: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: string }> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(60_000), redirect: "follow" });
    if (!res.ok) return { ok: false, reason: `HTTP ${res.status}` };
    return { ok: true, bytes: new Uint8Array(await res.arrayBuffer()) };
  } catch (err) {
    // fetch says only "fetch failed"; the cause says why (ECONNREFUSED, ENOTFOUND, "bad port"…).
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return { ok: false, reason: cause?.code ?? cause?.message ?? (err as Error).name };
  }
}
