/**
 * Helpers for the ingestion tests: the real PDF, private index copies, corpus copies whose source
 * list accepts a given (corrupt) PDF, a fingerprint of an index directory to prove it untouched,
 * and child processes running the real scripts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";
import { sha256 } from "../../src/core/corpus/obtain.js";
import type { BuildSettings } from "../../src/core/index/build.js";
import { closedPortUrl } from "../fakes/pdf-server.js";

export const REPO = fileURLToPath(new URL("../..", import.meta.url));
export const CORPUS_DIR = path.join(REPO, "corpus");
export const PDF_FILE = "A_RES_79_243-EN.pdf";
export const PDF_SHA256 = "9bfdcfd876a1f02f171096dc2f46ed076763079fa206df2f70c6b31355f9315f";
export const PDF_URL = "https://documents.un.org/api/symbol/access?s=A%2FRES%2F79%2F243&l=en&t=pdf";

/** The Convention's PDF as shipped in corpus/. */
export function realPdf(): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(CORPUS_DIR, PDF_FILE)));
}

/** A copy of corpus/ without the shipped PDF: the ingestion must find it elsewhere (or fail). */
export function corpusWithoutPdf(root: string): string {
  const corpusDir = path.join(root, "corpus-without-pdf");
  fs.cpSync(CORPUS_DIR, corpusDir, { recursive: true, filter: (src) => path.basename(src) !== PDF_FILE });
  return corpusDir;
}

/** A private copy of the index the global setup built, under `root`. */
export function copyIndex(root: string, name = "index"): string {
  const dir = path.join(root, name);
  fs.cpSync(inject("indexDir"), dir, { recursive: true });
  return dir;
}

export function readCurrentSync(indexDir: string): string {
  return fs.readFileSync(path.join(indexDir, "CURRENT"), "utf8").trim();
}

/**
 * A copy of corpus/ whose source list expects `pdf` (so a corrupt file passes the sha256 check and
 * reaches the parser), with `pdf` in a sources dir of its own.
 */
export function corpusAccepting(root: string, pdf: Uint8Array): { corpusDir: string; sourcesDir: string } {
  const corpusDir = path.join(root, "corpus");
  const sourcesDir = path.join(root, "sources");
  fs.cpSync(CORPUS_DIR, corpusDir, { recursive: true });
  fs.mkdirSync(sourcesDir, { recursive: true });
  fs.writeFileSync(path.join(sourcesDir, PDF_FILE), pdf);
  const list = JSON.parse(fs.readFileSync(path.join(corpusDir, "sources.json"), "utf8"));
  list.documents.find((d: { id: string }) => d.id === "convention").sha256 = sha256(pdf);
  fs.writeFileSync(path.join(corpusDir, "sources.json"), JSON.stringify(list, null, 2));
  return { corpusDir, sourcesDir };
}

/**
 * Everything about a directory tree that a write would change: each entry's path, size, inode
 * and mtime, and each small file's content. Equal fingerprints mean nothing was written. The
 * build lock and its owner record are left out: they come and go with whoever builds, and the
 * holder touches the lock every few seconds while it is alive.
 */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith(".build.lock")) continue; // the lock and its owner record
      const p = path.join(d, e.name);
      const st = fs.statSync(p, { bigint: true });
      const rel = path.relative(dir, p);
      out[rel] = `${e.isDirectory() ? "dir" : st.size}:${st.ino}:${st.mtimeNs}`;
      if (e.isFile() && st.size < 100_000n) out[rel] += ":" + sha256(fs.readFileSync(p));
      if (e.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out;
}

/** Build settings for buildIndex with the real corpus and sources, overridable. */
export function settings(over: Partial<BuildSettings> & { indexDir: string; cacheDir: string }): BuildSettings {
  return { corpusDir: CORPUS_DIR, sourcesDir: inject("sourcesDir"), embeddings: "local", ...over };
}

/** The environment a script child process reads (no inherited variables, so no stray .env value wins). */
export function scriptEnv(vars: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CORPUS_DIR: CORPUS_DIR,
    EMBEDDINGS: "local",
    LOG_LEVEL: "silent",
    ...vars,
  };
}

/**
 * A script's environment for a private index under `root`: the real sources, a cache of its own,
 * and a download URL where nothing listens (never the real network).
 */
export async function envFor(root: string, indexDir: string): Promise<NodeJS.ProcessEnv> {
  return scriptEnv({
    DATA_DIR: path.join(root, "data"),
    INDEX_DIR: indexDir,
    CORPUS_SOURCES_DIR: inject("sourcesDir"),
    CORPUS_CACHE_DIR: path.join(root, "cache"),
    CONVENTION_PDF_URL: await closedPortUrl(),
  });
}

/** Temp build directories in an index dir (of one process, if given). */
export const buildDirs = (indexDir: string, pid?: number) =>
  fs.readdirSync(indexDir).filter((n) => n.startsWith(".build-") && (pid === undefined || n.endsWith(`-${pid}`)));

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Run a script as `node --import tsx scripts/<name>.ts`: one process (the `tsx` CLI would run the
 * script in a grandchild, out of reach of SIGKILL/SIGSTOP sent to the child we hold).
 */
export function startScript(script: string, args: string[], env: NodeJS.ProcessEnv, input?: string): { child: ChildProcess; done: Promise<Finished> } {
  return startCommand(process.execPath, ["--import", "tsx", path.join("scripts", script), ...args], env, input);
}

/** `npm run --silent <script> -- args`: what an admin types. */
export function npmRun(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<Finished> {
  return startCommand("npm", ["run", "--silent", script, ...(args.length ? ["--", ...args] : [])], env).done;
}

/** `input`, when given, is piped to the child's stdin (then closed): questions for `npm start`, say. */
function startCommand(cmd: string, args: string[], env: NodeJS.ProcessEnv, input?: string): { child: ChildProcess; done: Promise<Finished> } {
  const child = spawn(cmd, args, { cwd: REPO, env, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
  if (input !== undefined) child.stdin!.end(input);
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (s: string) => (stdout += s));
  child.stderr!.setEncoding("utf8").on("data", (s: string) => (stderr += s));
  const done = new Promise<Finished>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** A tiny but valid one-page PDF showing `text` (valid PDF, not the Convention). */
export function tinyPdf(text: string): Uint8Array {
  const content = `BT /F1 12 Tf 72 700 Td (${text.replace(/[()\\]/g, "\\$&")}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}
