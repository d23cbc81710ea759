/**
 * `npm run ingest` as an admin runs it, on a fresh INDEX_DIR: the first run builds, a second reuses
 * the version, `--dry-run` prints the diff and writes nothing, `--force` rebuilds; stdout carries
 * only the summary. The index built in that process is then loaded and queried in another one
 * (`scripts/ask.ts --jsonl`), and its manifest lists what the issue requires.
 *
 * Concurrent builds: two buildIndex calls in one process race for the lock and take turns; a build
 * in another process is frozen (SIGSTOP) the moment it holds the lock, so a second build meets it
 * for certain and waits (or, killed there, leaves a lock that is taken over at once); an ingest
 * process meets a lock this process holds and waits, saying so.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { buildIndex, BuildBusyError } from "../../src/core/index/build.js";
import { acquireBuildLock, LOCK_NAME, OWNER_NAME } from "../../src/core/index/build-lock.js";
import { log } from "../../src/log.js";
import { EmbedderMismatchError } from "../../src/core/index/embedder.js";
import { loadIndex, type IndexManifest } from "../../src/core/index/store.js";
import { closedPortUrl } from "../fakes/pdf-server.js";
import { tempDir } from "../helpers/env.js";
import type { ReindexProgress, ReindexSummary } from "../../src/core/types.js";
import { freezeInLock } from "./frozen-build.js";
import { buildDirs, copyIndex, corpusWithoutPdf, envFor, fingerprint, npmRun, PDF_SHA256, PDF_URL, readCurrentSync, scriptEnv, settings, startScript } from "./helpers.js";

const ATTEMPTS = 5;
const ROMAN = /^(?:I|II|III|IV|V|VI|VII|VIII|IX)$/;
const NEWS = "news-hanoi-signing-2025-10-25";

let root: string;
let env: NodeJS.ProcessEnv;
let indexDir: string;
let version: string;
const manifestFile = () => path.join(indexDir, version, "manifest.json");
const readManifest = (): IndexManifest => JSON.parse(fs.readFileSync(manifestFile(), "utf8"));

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "convention-bot-ingest-cli-"));
  indexDir = path.join(root, "index");
  env = scriptEnv({
    DATA_DIR: path.join(root, "data"),
    INDEX_DIR: indexDir,
    CORPUS_SOURCES_DIR: inject("sourcesDir"),
    CORPUS_CACHE_DIR: path.join(root, "cache"),
    // Never the real network: corpus/ (or the sources dir) has the PDF, and the download would fail fast.
    CONVENTION_PDF_URL: await closedPortUrl(),
    LOG_LEVEL: "info",
  });
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** The three summary lines `renderSummary` prints, parsed. */
function summaryOf(stdout: string) {
  const lines = stdout.split("\n");
  expect(lines.at(-1), "stdout ends with a newline").toBe("");
  expect(lines, stdout).toHaveLength(4);
  const head = /^Index ([0-9a-f]{16}): (built|unchanged \(current version reused\)|dry run \(nothing written\))$/.exec(lines[0]);
  const counts = /^ {2}documents (\d+), articles (\d+), chunks (\d+), \d+\.\d\d s$/.exec(lines[1]);
  const changes = /^ {2}changes against (no previous index|[0-9a-f]{16}): (.+)$/.exec(lines[2]);
  expect(head && counts && changes, stdout).toBeTruthy();
  return { version: head![1], outcome: head![2], documents: Number(counts![1]), articles: Number(counts![2]), chunks: Number(counts![3]), against: changes![1], changes: changes![2] };
}

describe("npm run ingest", () => {
  it("builds a fresh index and prints only the summary on stdout", async () => {
    const run = await npmRun("ingest", [], env);
    expect(run.code, run.stderr).toBe(0);
    const s = summaryOf(run.stdout);
    expect(s).toMatchObject({ outcome: "built", documents: 2, articles: 68, against: "no previous index" });
    expect(s.changes).toBe(`added articles 1–68; changed documents: convention, ${NEWS}`);
    version = s.version;
    expect(readCurrentSync(indexDir)).toBe(version);
    expect(readManifest().chunks).toBe(s.chunks);
    expect(fs.readdirSync(indexDir).sort()).toEqual([version, "CURRENT"].sort());
  });

  it("a new process loads the saved index and answers from it (ask --jsonl)", async () => {
    const questions = path.join(root, "questions.jsonl");
    const asked = [
      { id: "en-7", question: "What does the Convention say about illegal access?" },
      { id: "id-41", question: "Apa isi Pasal 41?" },
      { id: "off", question: "What is the best pizza recipe in Naples?" },
    ];
    fs.writeFileSync(questions, asked.map((q) => JSON.stringify(q)).join("\n") + "\n");
    const run = await startScript("ask.ts", ["--jsonl", questions], env).done;
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(asked.map((q) => q.id));
    for (const l of lines) {
      expect(Object.keys(l).sort()).toEqual(["answer", "citations", "grounded", "id", "language", "ms", "summary"]);
      expect(l).toMatchObject({ language: expect.stringMatching(/^(en|id|vi)$/), grounded: expect.any(Boolean), answer: expect.any(String), ms: expect.any(Number) });
      for (const c of l.citations) {
        expect(Object.keys(c).sort()).toEqual(["article", "doc", "item", "label", "paragraph", "part", "quote", "title", "url"]);
        expect(c.doc === "convention" || c.doc === NEWS).toBe(true);
      }
    }
    const [en, id, off] = lines;
    expect(en).toMatchObject({ language: "en", grounded: true });
    expect(en.citations).toContainEqual(expect.objectContaining({ doc: "convention", part: "article", article: 7, paragraph: 1, item: null, label: "Art. 7(1)", title: "Article 7 — Illegal access", url: `${PDF_URL}#page=7` }));
    expect(id.language).toBe("id");
    expect(id.citations.some((c: { article: number }) => c.article === 41)).toBe(true);
    expect(off).toMatchObject({ language: "en", grounded: false, citations: [] });
  });

  it("run again without changes: reports the version unchanged and rewrites nothing", async () => {
    const before = fingerprint(indexDir);
    const run = await npmRun("ingest", [], env);
    expect(run.code, run.stderr).toBe(0);
    expect(summaryOf(run.stdout)).toMatchObject({ version, outcome: "unchanged (current version reused)", articles: 68, against: version, changes: "none" });
    expect(fingerprint(indexDir)).toEqual(before);
  });

  it("--dry-run prints the diff against the served index and writes nothing", async () => {
    // Make the served manifest differ: article 7 changed, 68 missing, an article 69 that is not in the sources.
    const m = readManifest();
    const convention = m.documents.find((d) => d.id === "convention")!;
    convention.sections = convention.sections.filter((s) => s.article !== 68);
    convention.sections.find((s) => s.article === 7)!.sha256 = "0".repeat(64);
    convention.sections.push({ kind: "article", id: "art-69", article: 69, title: "Imaginary", chapter: "IX", paragraphs: 1, sha256: "1".repeat(64) });
    m.documents.find((d) => d.id === NEWS)!.sections[0].sha256 = "2".repeat(64);
    fs.writeFileSync(manifestFile(), JSON.stringify(m, null, 2));
    const before = fingerprint(indexDir);

    const run = await startScript("ingest.ts", ["--dry-run"], env).done;
    expect(run.code, run.stderr).toBe(0);
    expect(summaryOf(run.stdout)).toMatchObject({
      version,
      outcome: "dry run (nothing written)",
      against: version,
      changes: `added articles 68; changed articles 7; removed articles 69; changed documents: ${NEWS}`,
    });
    expect(fingerprint(indexDir)).toEqual(before);
  });

  it("--force rebuilds the same version", async () => {
    const before = readManifest();
    const run = await startScript("ingest.ts", ["--force"], env).done;
    expect(run.code, run.stderr).toBe(0);
    expect(summaryOf(run.stdout)).toMatchObject({ version, outcome: "built", against: version, changes: `added articles 68; changed articles 7; removed articles 69; changed documents: ${NEWS}` });
    const after = readManifest();
    expect(after.createdAt).not.toBe(before.createdAt);
    const articles = after.documents.find((d) => d.id === "convention")!.sections.filter((s) => s.kind === "article");
    expect(articles.map((s) => s.article)).toEqual(Array.from({ length: 68 }, (_, i) => i + 1));
    expect(fs.readdirSync(indexDir).sort()).toEqual([version, "CURRENT"].sort());
    expect((await loadIndex(indexDir, "local")).chunks).toHaveLength(after.chunks);
  });

  it("a failure prints one sentence on stderr, nothing on stdout, and logs go to stderr", async () => {
    const failing = { ...env, CORPUS_DIR: corpusWithoutPdf(root), CORPUS_SOURCES_DIR: undefined, CORPUS_CACHE_DIR: path.join(root, "empty-cache") };
    const before = fingerprint(indexDir);
    const quiet = await startScript("ingest.ts", ["--force"], { ...failing, LOG_LEVEL: "silent" }).done;
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).toBe("");
    expect(quiet.stderr).toMatch(/^Error: Cannot obtain A_RES_79_243-EN\.pdf: the download failed \(ECONNREFUSED\); [^\n]*CORPUS_SOURCES_DIR[^\n]*\.\n$/);

    const verbose = await startScript("ingest.ts", ["--force"], { ...failing, LOG_LEVEL: "debug" }).done;
    expect(verbose.code).toBe(1);
    expect(verbose.stdout).toBe("");
    const logLines = verbose.stderr.split("\n").filter((l) => l.startsWith("{"));
    expect(logLines.length).toBeGreaterThan(0);
    expect(JSON.parse(logLines[0])).toMatchObject({ level: 20 });
    expect(verbose.stderr).toContain(quiet.stderr);
    expect(fingerprint(indexDir)).toEqual(before);
  });
});

describe("the index manifest", () => {
  it("lists version, createdAt, embedder and every document with its sections", async () => {
    const dir = inject("indexDir");
    const current = readCurrentSync(dir);
    const m: IndexManifest = JSON.parse(fs.readFileSync(path.join(dir, current, "manifest.json"), "utf8"));
    expect(m.version).toBe(current);
    expect(m.version).toMatch(/^[0-9a-f]{16}$/);
    expect(new Date(m.createdAt).toISOString()).toBe(m.createdAt);
    expect(m.embedder).toEqual({ id: "hashed-ngram:d2048:c3-5:v1", params: { dim: 2048, charN: [3, 5], version: 1 } });
    expect(m.documents.map((d) => [d.id, d.language, d.kind])).toEqual([
      ["convention", "en", "convention"],
      [NEWS, "id", "news"],
    ]);
    const [convention, news] = m.documents;
    expect(convention).toMatchObject({ title: expect.stringContaining("A/RES/79/243"), sha256: PDF_SHA256, url: PDF_URL });
    expect(news).toMatchObject({ sha256: "28ec76390283d4dbd1607c166b6df33df3599e7b7b08b6d31b81312d92e6967b", date: "2025-10-25" });

    const articles = convention.sections.filter((s) => s.kind === "article");
    expect(articles.map((s) => s.article)).toEqual(Array.from({ length: 68 }, (_, i) => i + 1));
    for (const s of articles) {
      expect(Number.isInteger(s.article)).toBe(true);
      expect(s.chapter).toMatch(ROMAN);
      expect(s.title.length).toBeGreaterThan(3);
      expect(Number.isInteger(s.paragraphs) && s.paragraphs! >= 1).toBe(true);
      expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(articles.find((s) => s.article === 40)).toMatchObject({ chapter: "V", paragraphs: 32, title: "General principles and procedures relating to mutual legal assistance" });
    expect(new Set(articles.map((s) => s.sha256)).size).toBe(68);
    const notes = convention.sections.filter((s) => s.kind === "note");
    expect(notes.map((s) => s.interprets)).toEqual([[2], [2], [17], [23, 35], [35]]);
    for (const s of notes) expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(news.sections.map((s) => s.kind)).toEqual(["news"]);
  });

  it("an index built by another embedder is refused at load", async () => {
    const indexDir = copyIndex(tempDir());
    const current = readCurrentSync(indexDir);
    const file = path.join(indexDir, current, "manifest.json");
    const m = JSON.parse(fs.readFileSync(file, "utf8"));
    m.embedder.id = "ollama:nomic-embed-text";
    fs.writeFileSync(file, JSON.stringify(m));
    const refused = loadIndex(indexDir, "local");
    await expect(refused).rejects.toThrow(EmbedderMismatchError);
    await expect(refused).rejects.toThrow(/built with embedder ollama:nomic-embed-text but hashed-ngram:d2048:c3-5:v1 is configured: rebuild it with `npm run ingest -- --force`/);
  });
});

describe("two builds at once", () => {
  it("two buildIndex calls with force on one index: the second waits for the first, then builds; never both at once", async () => {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const root = tempDir();
      const indexDir = copyIndex(root);
      const served = readCurrentSync(indexDir);
      // "save" is reported once a build has swapped CURRENT (lock still held); "wait" when one waits for the other.
      const events: string[] = [];
      const build = (name: string) =>
        buildIndex(settings({ indexDir, cacheDir: path.join(root, `cache-${name}`) }), {
          force: true,
          onProgress: (p: ReindexProgress) => {
            if (p.stage === "save") events.push(`${name}:save`);
          },
          onWait: () => events.push(`${name}:wait`),
        });
      const results = await Promise.all([build("a"), build("b")]);
      expect(results.map((r) => r.outcome)).toEqual(["built", "built"]);
      const waiter = events.find((e) => e.endsWith(":wait"))?.split(":")[0];
      if (!waiter) continue; // they never overlapped: try again
      const holder = waiter === "a" ? "b" : "a";
      // The waiter saved only after the holder had saved and released.
      expect(events.indexOf(`${holder}:save`)).toBeLessThan(events.indexOf(`${waiter}:save`));
      expect(events.filter((e) => e.endsWith(":save"))).toHaveLength(2);
      expect(fs.existsSync(path.join(indexDir, LOCK_NAME))).toBe(false);
      expect(fs.existsSync(path.join(indexDir, OWNER_NAME))).toBe(false);
      expect(buildDirs(indexDir)).toEqual([]);
      expect(readCurrentSync(indexDir)).toBe(served);
      const loaded = await loadIndex(indexDir, "local");
      expect(loaded.manifest.version).toBe(served);
      expect(loaded.chunks.length).toBe(loaded.manifest.chunks);
      return;
    }
    throw new Error(`the two builds never overlapped in ${ATTEMPTS} attempts`);
  });

  it("a build that meets another process's build waits for it and takes its result instead of building again", async () => {
    const root = tempDir();
    const indexDir = path.join(root, "index"); // empty: the first start of a deployment
    const first = await freezeInLock(indexDir, [], () => envFor(root, indexDir));
    try {
      // Not allowed to wait: a one-sentence refusal naming the holder, nothing written.
      const before = fingerprint(indexDir);
      const impatient = buildIndex(settings({ indexDir, cacheDir: path.join(root, "cache"), waitMs: 0 }));
      await expect(impatient).rejects.toThrow(BuildBusyError);
      await expect(impatient).rejects.toThrow(`Another index build (pid ${first.child.pid}) is running; try again when it has finished.`);
      expect(fingerprint(indexDir)).toEqual(before);

      // Allowed to wait: it says so, and once the first build is done it reuses what that build made.
      let waiting!: () => void;
      const waited = new Promise<void>((resolve) => (waiting = resolve));
      const second = buildIndex(settings({ indexDir, cacheDir: path.join(root, "cache") }), { onWait: () => waiting() });
      await waited;
      first.resume();
      const run = await first.done;
      expect(run.code, run.stderr).toBe(0);
      const built = /^Index ([0-9a-f]{16}): built\n/.exec(run.stdout)?.[1];
      expect(built).toBeDefined();
      const afterFirst = fingerprint(indexDir);
      expect(await second).toMatchObject({ outcome: "unchanged", version: built, articles: 68 });
      expect(fingerprint(indexDir)).toEqual(afterFirst);
      expect((await loadIndex(indexDir, "local")).manifest.version).toBe(built);
    } finally {
      await first.kill();
    }
  });

  it("a lock left by a killed build is taken over at once (its owner's pid is gone)", async () => {
    const root = tempDir();
    const indexDir = copyIndex(root);
    const served = readCurrentSync(indexDir);
    const dead = await freezeInLock(indexDir, ["--force"], () => envFor(root, indexDir));
    await dead.kill();
    expect(fs.existsSync(path.join(indexDir, LOCK_NAME))).toBe(true);
    const warn = vi.spyOn(log, "warn");
    try {
      // No waiting allowed: only an immediate takeover lets this build run.
      const summary = await buildIndex(settings({ indexDir, cacheDir: path.join(root, "cache"), waitMs: 0 }), { force: true });
      expect(summary).toMatchObject({ outcome: "built", version: served });
      const tookOver = warn.mock.calls.find(([, msg]) => typeof msg === "string" && msg.includes("took over the index build lock"));
      expect(tookOver?.[1]).toBe(`took over the index build lock left by pid ${dead.child.pid}, which is no longer running`);
    } finally {
      warn.mockRestore();
    }
    expect(fs.existsSync(path.join(indexDir, LOCK_NAME))).toBe(false);
    expect(buildDirs(indexDir)).toEqual([]);
    expect((await loadIndex(indexDir, "local")).manifest.version).toBe(served);
  });

  it("npm run ingest waits for a build in progress with a progress line, then runs; told not to wait, it refuses in one sentence", async () => {
    const root = tempDir();
    const indexDir = copyIndex(root);
    // This test process holds the build lock exactly as a running build (or a bot's /reindex) does.
    const held = await acquireBuildLock(indexDir, { waitMs: 0 });
    let released = false;
    try {
      const before = fingerprint(indexDir);
      const refused = await startScript("ingest.ts", ["--force"], { ...(await envFor(root, indexDir)), INDEX_BUILD_WAIT_SECONDS: "0" }).done;
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe("");
      expect(refused.stderr).toBe(`Error: Another index build (pid ${process.pid}) is running; try again when it has finished.\n`);
      expect(fingerprint(indexDir)).toEqual(before);

      const waiting = startScript("ingest.ts", ["--force"], { ...(await envFor(root, indexDir)), LOG_LEVEL: "info" });
      let stderr = "";
      await new Promise<void>((resolve, reject) => {
        waiting.child.stderr!.on("data", (s: string) => {
          stderr += s;
          if (stderr.includes("is running; waiting for it")) resolve();
        });
        waiting.done.then(() => reject(new Error(`ingest ended without waiting: ${stderr}`)), reject);
      });
      const line = JSON.parse(stderr.split("\n").find((l) => l.includes("waiting for it"))!);
      expect(line).toMatchObject({ level: 30, pid: process.pid, limitSeconds: 300, msg: `another index build (pid ${process.pid}) is running; waiting for it (0 s of at most 300 s)` });
      expect(fingerprint(indexDir)).toEqual(before);
      await held.release();
      released = true;
      const run = await waiting.done;
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^Index [0-9a-f]{16}: built\n/);
    } finally {
      if (!released) await held.release();
    }
  });
});
