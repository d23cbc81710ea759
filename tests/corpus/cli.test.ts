/**
 * The admin's commands in child processes, as typed: `npm run corpus -- add | list | --help`, and
 * what an invalid source list does to `npm run ingest`, `ask` and `start` — one line per problem
 * naming file, document and field, exit code 2, no stack or validation dump, the index untouched.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/env.js";
import { copyIndex, envFor, fingerprint, npmRun, startScript } from "../ingest/helpers.js";
import { copyCorpus, EN_ID, INVALID, reportArgs, spoilSources, VI_ID } from "./helpers.js";

const FIELDS = ["id", "title", "shortTitle", "language", "kind", "date", "url", "sha256", "obtain", "citeAs", "landingPage"];

async function setup() {
  const root = tempDir();
  const corpusDir = copyCorpus(root);
  const indexDir = copyIndex(root);
  return { root, corpusDir, indexDir, env: { ...(await envFor(root, indexDir)), CORPUS_DIR: corpusDir } };
}

describe("npm run corpus", () => {
  it("--help documents every field of an entry", async () => {
    const { env } = await setup();
    const r = await npmRun("corpus", ["--help"], env);
    expect(r.code).toBe(0);
    for (const f of FIELDS) expect(r.stdout).toMatch(new RegExp(`^  ${f} `, "m"));
  });

  it("an unknown option: one line saying so, the usage, exit code 2", async () => {
    const { env } = await setup();
    const r = await startScript("corpus.ts", ["list", "--frobnicate"], env).done;
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe("corpus: Unknown option '--frobnicate'.");
    expect(r.stderr).toContain("Usage:");
    expect(r.stderr).not.toMatch(/\bat \S+ \(|TypeError/);
  });

  it("add: places an English and a Vietnamese report, writes their entries, previews the ingest; list shows them", async () => {
    const { root, corpusDir, env } = await setup();
    const args = reportArgs(root);
    for (const [lang, id] of [["en", EN_ID], ["vi", VI_ID]] as const) {
      const r = await startScript("corpus.ts", args[lang], env).done;
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Added "${id}"`);
      expect(r.stdout).toMatch(/dry run \(nothing written\)/);
      expect(r.stdout).toMatch(new RegExp(`changed documents: .*${id}`));
      expect(fs.readFileSync(path.join(corpusDir, `${id}.${lang}.txt`), "utf8")).toBe(fs.readFileSync(args[lang][1], "utf8"));
    }
    const docs = JSON.parse(fs.readFileSync(path.join(corpusDir, "sources.json"), "utf8")).documents;
    expect(docs.find((d: { id: string }) => d.id === VI_ID)).toMatchObject({
      kind: "news", language: "vi", date: "2025-11-03", shortTitle: { en: "Report", id: "Laporan", vi: "Bản tin" },
      obtain: { method: "bundled", file: `${VI_ID}.vi.txt`, format: "text" },
    });
    const list = await npmRun("corpus", ["list"], env);
    expect(list.code).toBe(0);
    expect(list.stdout.trim().split("\n").map((l) => l.split(/\s+/)[0])).toEqual(["convention", "news-hanoi-signing-2025-10-25", EN_ID, VI_ID]);
  });

  it("add refuses an entry that would make the list invalid, and writes nothing", async () => {
    const { root, corpusDir, env } = await setup();
    const before = fs.readFileSync(path.join(corpusDir, "sources.json"), "utf8");
    const args = reportArgs(root).en;
    const r = await startScript("corpus.ts", [...args, "--id", "convention"], env).done;
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`corpus/sources.json: document "convention", field "id": duplicate: document 1 has the same id\n`);
    expect(fs.readFileSync(path.join(corpusDir, "sources.json"), "utf8")).toBe(before);
    expect(fs.existsSync(path.join(corpusDir, "convention.en.txt"))).toBe(false);
  });
});

describe("an invalid source list", () => {
  it.each(INVALID)("npm run ingest with $name: its one line, exit code 2, the index untouched", async ({ spoil, line }) => {
    const { corpusDir, indexDir, env } = await setup();
    spoilSources(corpusDir, spoil);
    const before = fingerprint(indexDir);
    const r = await startScript("ingest.ts", [], env).done;
    expect(r.stderr).toBe(line + "\n");
    expect(r.code).toBe(2);
    expect(fingerprint(indexDir)).toEqual(before);
  });

  it.each([
    ["ask", ["What is illegal access?"]],
    ["start", []],
  ])("npm run %s, building its first index, stops the same way", async (script, args) => {
    const { root, corpusDir, env } = await setup();
    spoilSources(corpusDir, INVALID[0].spoil);
    const r = await startScript(`${script}.ts`, args, { ...env, INDEX_DIR: path.join(root, "no-index-yet") }).done;
    expect(r.stderr).toBe(INVALID[0].line + "\n");
    expect(r.code).toBe(2);
  });
});
