/**
 * Which version to serve at start. CURRENT names the one wanted; when it is damaged, an intact older
 * version sitting beside it (builds keep a few) serves instead of nothing — the caller then rebuilds
 * the damaged one — rather than refusing to start with a raw parser error.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { log } from "../../log.js";
import { loadIndex } from "./load.js";
import { CURRENT, IndexMissingError, readCurrent, readManifestOf, type LoadedIndex } from "./store.js";
import { IndexDamagedError } from "./verify.js";

const VERSION_DIR = /^[0-9a-f]{6,64}$/;

/** CURRENT's version is damaged and no other version is intact. */
export class NoIntactIndexError extends Error {
  constructor(readonly damage: IndexDamagedError) {
    super(`The index version ${damage.version} is damaged (${damage.file}: ${damage.reason}) and no intact older version is left: run \`npm run ingest\` to rebuild it.`);
    this.name = "NoIntactIndexError";
  }
}

export interface Servable {
  index: LoadedIndex;
  /** Set when CURRENT's version was damaged and `index` is an older one serving in its place. */
  damaged?: IndexDamagedError;
}

/** Log a refused version the one way every caller does: the version, the file, the reason. */
export function logDamaged(damage: IndexDamagedError, what: string): void {
  log.error({ version: damage.version, file: damage.file, reason: damage.reason }, `index version ${damage.version} is damaged (${damage.file}: ${damage.reason}); ${what}`);
}

export async function loadServable(indexDir: string, embeddings: string): Promise<Servable> {
  const current = await readCurrent(indexDir);
  let damage: IndexDamagedError;
  if (current) {
    try {
      return { index: await loadIndex(indexDir, embeddings, current) };
    } catch (err) {
      if (!(err instanceof IndexDamagedError)) throw err;
      damage = err;
    }
  } else {
    // No usable CURRENT: nothing was ever built, or the pointer itself is damaged.
    const pointer = await fs.readFile(path.join(indexDir, CURRENT), "utf8").catch(() => null);
    if (pointer === null) throw new IndexMissingError("There is no index yet: run `npm run ingest` first.");
    damage = new IndexDamagedError(pointer.trim() || "(none)", CURRENT, pointer.trim() ? "does not name a version" : "empty");
  }
  const fallback = await newestIntact(indexDir, embeddings, [damage.version]);
  if (!fallback) throw new NoIntactIndexError(damage);
  logDamaged(damage, `serving the older intact version ${fallback.manifest.version} instead`);
  return { index: fallback, damaged: damage };
}

/**
 * The newest version (by its manifest's build time) that passes verification, other than `except`;
 * null when there is none. Each refused candidate is logged.
 */
export async function newestIntact(indexDir: string, embeddings: string, except: readonly string[]): Promise<LoadedIndex | null> {
  const names = await fs.readdir(indexDir).catch(() => [] as string[]);
  const candidates: { version: string; createdAt: string }[] = [];
  for (const name of names) {
    if (!VERSION_DIR.test(name) || except.includes(name)) continue;
    const manifest = await readManifestOf(path.join(indexDir, name)).catch(() => null);
    candidates.push({ version: name, createdAt: typeof manifest?.createdAt === "string" ? manifest.createdAt : "" });
  }
  candidates.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  for (const { version } of candidates) {
    try {
      return await loadIndex(indexDir, embeddings, version);
    } catch (err) {
      // Whatever is wrong with it (damage, another embedder), it cannot stand in.
      const file = err instanceof IndexDamagedError ? err.file : undefined;
      const reason = err instanceof IndexDamagedError ? err.reason : (err as Error).message;
      log.warn({ version, file, reason }, `older index version ${version} cannot serve either (${file ? `${file}: ` : ""}${reason})`);
    }
  }
  return null;
}
