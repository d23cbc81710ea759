/**
 * An `ingest` process killed with SIGKILL in the middle of its save.
 *
 * SIGKILL during the save: the child (`node --import tsx scripts/ingest.ts`, one process) is
 * watched with fs.watch (inotify, backed by a 2 ms poll): the moment its temp directory `.build-<version>-<pid>` appears
 * in INDEX_DIR, the save has begun and we kill it. Whatever instant the kill lands at, the served
 * version must stay current and loadable; a kill that did land inside the save is proven by the
 * temp directory still being there. If the child won the race (saved before the kill arrived),
 * the attempt proves nothing and is repeated on a fresh copy, so the test does not depend on speed.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildIndex } from "../../src/core/index/build.js";
import { loadIndex, readManifestOf } from "../../src/core/index/store.js";
import { tempDir } from "../helpers/env.js";
import { buildDirs, copyIndex, envFor, readCurrentSync, settings, startScript, type Finished } from "./helpers.js";

const ATTEMPTS = 5;

/**
 * Run `ingest` and SIGKILL it as soon as its save starts. "mid-save" when the kill landed before
 * the build was renamed into place (its temp directory is left behind), else "missed".
 */
async function ingestKilledInSave(indexDir: string, env: NodeJS.ProcessEnv, args: string[]): Promise<{ result: "mid-save" | "missed"; run: Finished }> {
  const { child, done } = startScript("ingest.ts", args, env);
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  const watcher = fs.watch(indexDir, (_event, name) => {
    if (name?.startsWith(".build-") && name.endsWith(`-${child.pid}`)) kill();
  });
  // Polling as well, in case the file system does not report events (fs.watch is best effort).
  const poll = setInterval(() => {
    if (buildDirs(indexDir, child.pid).length > 0) kill();
  }, 2);
  try {
    const run = await done;
    return { result: run.signal === "SIGKILL" && buildDirs(indexDir, child.pid).length === 1 ? "mid-save" : "missed", run };
  } finally {
    clearInterval(poll);
    watcher.close();
  }
}

/**
 * Set up a served index with `prepare`, then kill an ingest in its save, retrying on a fresh copy
 * when the child saved before the kill arrived. Returns the index dir of the attempt that hit.
 */
async function killDuringSave(args: string[], prepare: (indexDir: string) => void) {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const root = tempDir();
    const indexDir = copyIndex(root);
    prepare(indexDir);
    const served = readCurrentSync(indexDir);
    const { result, run } = await ingestKilledInSave(indexDir, await envFor(root, indexDir), args);
    // Wherever the kill landed, CURRENT names a version that loads.
    const loaded = await loadIndex(indexDir, "local");
    expect(loaded.manifest.version).toBe(readCurrentSync(indexDir));
    if (result === "mid-save") return { root, indexDir, served };
    expect(run.signal === "SIGKILL" || run.code === 0, run.stderr).toBe(true);
  }
  throw new Error(`the save finished before SIGKILL arrived in all ${ATTEMPTS} attempts`);
}

/** Make a killed process's lock look as old as an abandoned one (proper-lockfile's stale check). */
function ageLock(indexDir: string) {
  const lock = path.join(indexDir, ".build.lock");
  if (!fs.existsSync(lock)) return;
  const past = new Date(Date.now() - 60_000);
  fs.utimesSync(lock, past, past);
}

describe("an ingest killed (SIGKILL) during its save", () => {
  it("while replacing a new version: the previous version stays current and loadable, and the next build cleans up", async () => {
    // A served index whose version differs from what the sources give, so ingest builds a new one.
    const OLD = "0123456789abcdef";
    const { root, indexDir, served } = await killDuringSave([], (dir) => {
      const current = readCurrentSync(dir);
      fs.renameSync(path.join(dir, current), path.join(dir, OLD));
      const file = path.join(dir, OLD, "manifest.json");
      fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, "utf8")), version: OLD }));
      fs.writeFileSync(path.join(dir, "CURRENT"), OLD + "\n");
    });
    expect(served).toBe(OLD);
    expect(readCurrentSync(indexDir)).toBe(OLD);
    const loaded = await loadIndex(indexDir, "local");
    expect(loaded.manifest.version).toBe(OLD);
    expect(loaded.chunks.length).toBe(loaded.manifest.chunks);
    const hits = await loaded.store.similaritySearch("illegal access to an information and communications technology system", 3);
    expect(hits.map((d) => d.metadata.article)).toContain(7);

    // Once the dead build's lock is stale, the next build succeeds and removes the abandoned temp dir.
    ageLock(indexDir);
    const summary = await buildIndex(settings({ indexDir, cacheDir: path.join(root, "cache") }));
    expect(summary).toMatchObject({ outcome: "built", previousVersion: OLD });
    expect(buildDirs(indexDir)).toEqual([]);
    expect(readCurrentSync(indexDir)).toBe(summary.version);
    expect((await loadIndex(indexDir, "local")).manifest.version).toBe(summary.version);
  });

  it("while a --force rebuild replaces the served version itself: it stays current and loadable", async () => {
    let createdAt = "";
    const { indexDir, served } = await killDuringSave(["--force"], (dir) => {
      createdAt = JSON.parse(fs.readFileSync(path.join(dir, readCurrentSync(dir), "manifest.json"), "utf8")).createdAt;
    });
    expect(readCurrentSync(indexDir)).toBe(served);
    const loaded = await loadIndex(indexDir, "local");
    expect(loaded.manifest).toMatchObject({ version: served, createdAt });
    expect(loaded.chunks.length).toBe(loaded.manifest.chunks);
    expect((await readManifestOf(path.join(indexDir, served))).documents).toHaveLength(2);
  });
});
