/**
 * Getting the Convention's PDF and what a bad source does to a build: the copy shipped in corpus/
 * is enough on its own (no sources dir, no cache, no network); a corrupt, truncated or foreign PDF
 * (accepted by a source list carrying its sha256) fails the build; a source found nowhere fails
 * with one sentence; a download from a local server with the right bytes builds and is cached, with
 * wrong bytes is refused. Every failure leaves the served index exactly as it was.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PdfError, SourceUnavailableError, StructureError } from "../../src/core/corpus/index.js";
import { sha256 } from "../../src/core/corpus/obtain.js";
import { buildIndex } from "../../src/core/index/build.js";
import { loadIndex } from "../../src/core/index/store.js";
import { closedPortUrl, startPdfServer, type PdfServer } from "../fakes/pdf-server.js";
import { tempDir } from "../helpers/env.js";
import { CORPUS_DIR, copyIndex, corpusAccepting, corpusWithoutPdf, fingerprint, PDF_FILE, PDF_SHA256, readCurrentSync, realPdf, settings, tinyPdf } from "./helpers.js";

let server: PdfServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A private copy of the served index, and its fingerprint to compare after the failed build. */
function servedIndex(root: string) {
  const indexDir = copyIndex(root);
  const before = fingerprint(indexDir);
  const version = readCurrentSync(indexDir);
  return {
    indexDir,
    async expectUntouched() {
      expect(fingerprint(indexDir)).toEqual(before);
      const loaded = await loadIndex(indexDir, "local");
      expect(loaded.manifest.version).toBe(version);
    },
  };
}

describe("the copy shipped in corpus/", () => {
  it("builds the index with no sources dir, an empty cache and no network", async () => {
    const root = tempDir();
    const indexDir = path.join(root, "index");
    const cacheDir = path.join(root, "cache");
    expect(sha256(fs.readFileSync(path.join(CORPUS_DIR, PDF_FILE)))).toBe(PDF_SHA256);
    const summary = await buildIndex(settings({ corpusDir: CORPUS_DIR, sourcesDir: undefined, cacheDir, downloadUrl: await closedPortUrl(), indexDir }));
    expect(summary).toMatchObject({ outcome: "built", documents: 2, articles: 68 });
    expect(fs.existsSync(cacheDir)).toBe(false);
  });

  it("altered, is refused and the cache or the download takes over", async () => {
    const root = tempDir();
    const corpusDir = corpusWithoutPdf(root);
    const altered = realPdf();
    altered[altered.length - 10] ^= 0xff;
    fs.writeFileSync(path.join(corpusDir, PDF_FILE), altered);
    server = await startPdfServer(realPdf());
    const summary = await buildIndex(settings({ corpusDir, sourcesDir: undefined, cacheDir: path.join(root, "cache"), downloadUrl: server.url, indexDir: path.join(root, "index") }));
    expect(summary).toMatchObject({ outcome: "built", articles: 68 });
    expect(server.requests).toBe(1);
  });
});

describe("a corrupt source fails the build and leaves the index alone", () => {
  const cases: [string, () => Uint8Array, RegExp, new (...a: any[]) => Error][] = [
    ["random bytes", () => new Uint8Array(randomBytes(200_000)), /^not a readable PDF/, PdfError],
    ["the real PDF truncated to half", () => realPdf().slice(0, 255_000), /^not a readable PDF/, PdfError],
    ["a valid PDF that is not the Convention", () => tinyPdf("Article 1 Not the Convention"), /does not have the Convention's layout/, StructureError],
  ];
  it.each(cases)("%s", async (_name, bytes, message, type) => {
    const root = tempDir();
    const served = servedIndex(root);
    const { corpusDir, sourcesDir } = corpusAccepting(root, bytes());
    const failed = buildIndex(settings({ corpusDir, sourcesDir, cacheDir: path.join(root, "cache"), indexDir: served.indexDir }), { force: true });
    await expect(failed).rejects.toThrow(type);
    await expect(failed).rejects.toThrow(message);
    await served.expectUntouched();
  });
});

describe("a source that cannot be had", () => {
  it("stops with one sentence saying what to do, and writes nothing", async () => {
    const root = tempDir();
    const served = servedIndex(root);
    const url = await closedPortUrl();
    const failed = buildIndex(settings({ corpusDir: corpusWithoutPdf(root), sourcesDir: undefined, cacheDir: path.join(root, "cache"), downloadUrl: url, indexDir: served.indexDir }));
    await expect(failed).rejects.toThrow(SourceUnavailableError);
    const message = (await failed.catch((e: Error) => e.message)) as string;
    expect(message).toMatch(/^Cannot obtain A_RES_79_243-EN\.pdf: the download failed \(ECONNREFUSED\); restore corpus-without-pdf\/A_RES_79_243-EN\.pdf from git, .*set CORPUS_SOURCES_DIR.*\.$/);
    expect(message).not.toMatch(/\n|\bat \w+ \(|[.;!?]\s+[A-Z]/); // one line, no stack, one sentence
    expect(message).toContain(new URL(url).host);
    await served.expectUntouched();
    expect(fs.existsSync(path.join(root, "cache"))).toBe(false);
  });
});

describe("the download (CONVENTION_PDF_URL) from a local server", () => {
  it("with the right bytes: builds, caches the PDF, and the next build reads the cache", async () => {
    const root = tempDir();
    const indexDir = path.join(root, "index");
    const cacheDir = path.join(root, "cache");
    const corpusDir = corpusWithoutPdf(root);
    server = await startPdfServer(realPdf());
    const summary = await buildIndex(settings({ corpusDir, sourcesDir: undefined, cacheDir, downloadUrl: server.url, indexDir }));
    expect(summary).toMatchObject({ outcome: "built", previousVersion: null, documents: 2, articles: 68 });
    expect(server.requests).toBe(1);
    expect(readCurrentSync(indexDir)).toBe(summary.version);
    expect(fs.readdirSync(cacheDir)).toEqual([PDF_FILE]);
    expect(sha256(fs.readFileSync(path.join(cacheDir, PDF_FILE)))).toBe(PDF_SHA256);
    const loaded = await loadIndex(indexDir, "local");
    expect(loaded.manifest.documents.find((d) => d.id === "convention")?.sha256).toBe(PDF_SHA256);

    // No sources dir and nothing listening: the cached copy is enough, and nothing changed.
    const again = await buildIndex(settings({ corpusDir, sourcesDir: undefined, cacheDir, downloadUrl: await closedPortUrl(), indexDir }));
    expect(again).toMatchObject({ outcome: "unchanged", version: summary.version });
    expect(server.requests).toBe(1);
  });

  it("with other bytes: refused, nothing cached, the index untouched", async () => {
    const root = tempDir();
    const served = servedIndex(root);
    const cacheDir = path.join(root, "cache");
    server = await startPdfServer(realPdf().slice(0, 300_000));
    const failed = buildIndex(settings({ corpusDir: corpusWithoutPdf(root), sourcesDir: undefined, cacheDir, downloadUrl: server.url, indexDir: served.indexDir }), { force: true });
    await expect(failed).rejects.toThrow(SourceUnavailableError);
    await expect(failed).rejects.toThrow(/^Cannot obtain A_RES_79_243-EN\.pdf: copies found \(download\) do not have the expected sha256; /);
    expect(server.requests).toBe(1);
    expect(fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : []).toEqual([]);
    await served.expectUntouched();
  });

  it("a tampered copy in CORPUS_SOURCES_DIR is not used either", async () => {
    const root = tempDir();
    const served = servedIndex(root);
    const sourcesDir = path.join(root, "sources");
    fs.mkdirSync(sourcesDir);
    const tampered = realPdf();
    tampered[tampered.length - 10] ^= 0xff;
    fs.writeFileSync(path.join(sourcesDir, PDF_FILE), tampered);
    server = await startPdfServer(new Uint8Array(randomBytes(1000)));
    const failed = buildIndex(settings({ corpusDir: corpusWithoutPdf(root), sourcesDir, cacheDir: path.join(root, "cache"), downloadUrl: server.url, indexDir: served.indexDir }), { force: true });
    await expect(failed).rejects.toThrow(/copies found \(sources dir, download\) do not have the expected sha256/);
    await served.expectUntouched();
  });
});
