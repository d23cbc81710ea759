/**
 * Starting on a damaged CURRENT version, in child processes as an admin runs them. `npm start` and
 * `npm run ask` answer from the newest intact version beside it, the log names the damaged file, and
 * `npm start` rebuilds the damaged version in the background; with no intact version left they build
 * one; `npm run ingest` treats the damaged version as changed and rebuilds it.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createBot } from "../../src/core/bot.js";
import { loadIndex } from "../../src/core/index/store.js";
import { testEnv } from "../helpers/env.js";
import { startScript } from "../ingest/helpers.js";
import { copyVersion, DISK_DAMAGE, readCurrent, type Damage } from "./damage.js";

const OLDER = "01de01de01de01de";
const QUESTION = "What does Article 41 say?";
const damageNamed = (name: string) => DISK_DAMAGE.find((d) => d.name.startsWith(name))!;

/** A deployment whose CURRENT version is damaged, with (or without) an intact older version beside it. */
function damagedDeployment(damage: Damage, opts: { older: boolean }) {
  const env: NodeJS.ProcessEnv = { ...testEnv({ ownIndex: true }), LOG_LEVEL: "info" };
  const indexDir = env.INDEX_DIR!;
  const current = readCurrent(indexDir);
  if (opts.older) copyVersion(indexDir, current, OLDER);
  damage.apply(path.join(indexDir, current));
  return { env, indexDir, current };
}

/** Log lines (JSON) of a child's stderr. */
const logLines = (stderr: string) => stderr.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);

describe("npm start on a damaged CURRENT version", () => {
  it.each(["docstore.json emptied", "hnswlib.index bytes overwritten", "manifest.json emptied", "sections.json one byte"])(
    "%s: answers from the older intact version, names the file, rebuilds it in the background",
    async (name) => {
      const damage = damageNamed(name);
      const { env, indexDir, current } = damagedDeployment(damage, { older: true });
      const run = await startScript("start.ts", [], env, `${QUESTION}\nApa itu ekstradisi?\n`).done;
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^Article 41 — 24\/7 network/m);
      expect(run.stdout).toMatch(/Pasal 37|Art\. 37/);
      const lines = logLines(run.stderr);
      const damaged = lines.find((l) => l.level === 50 && l.file === damage.file);
      expect(damaged).toMatchObject({ version: current, file: damage.file, reason: expect.stringMatching(damage.reason) });
      expect(damaged!.msg).toBe(`index version ${current} is damaged (${damage.file}: ${damaged!.reason}); serving the older intact version ${OLDER} instead`);
      expect(lines.map((l) => l.msg)).toContain(`rebuilding the damaged index version ${current} in the background; ${OLDER} answers meanwhile`);
      expect(lines.map((l) => l.msg)).toContain(`index rebuilt after damage: version ${current} serves now`);
      // Repaired on disk: CURRENT's version passes every check again.
      expect(readCurrent(indexDir)).toBe(current);
      expect((await loadIndex(indexDir, "local")).manifest.version).toBe(current);
      expect(run.stdout + run.stderr).not.toContain(indexDir);
    },
  );

  it("an emptied CURRENT pointer: serves the newest intact version and rebuilds", async () => {
    const env: NodeJS.ProcessEnv = { ...testEnv({ ownIndex: true }), LOG_LEVEL: "info" };
    const indexDir = env.INDEX_DIR!;
    const current = readCurrent(indexDir);
    fs.writeFileSync(path.join(indexDir, "CURRENT"), "");
    const run = await startScript("start.ts", [], env, `${QUESTION}\n`).done;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Article 41 — 24\/7 network/m);
    expect(logLines(run.stderr).find((l) => l.level === 50)).toMatchObject({ file: "CURRENT", reason: "empty" });
    expect(readCurrent(indexDir)).toBe(current);
  });
});

describe("npm run ask on a damaged CURRENT version", () => {
  it("answers from the older intact version; the log names the file", async () => {
    const damage = damageNamed("docstore.json emptied");
    const { env, current } = damagedDeployment(damage, { older: true });
    const run = await startScript("ask.ts", [QUESTION], { ...env, LOG_LEVEL: "error" }).done;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Article 41 — 24\/7 network/m);
    const [line] = logLines(run.stderr);
    expect(line).toMatchObject({ level: 50, version: current, file: "docstore.json" });
    expect(run.stderr).not.toMatch(/Unexpected end of JSON|Cannot read properties|Hnswlib Error/);
  });

  it("with no intact version left, says so and builds one, then answers", async () => {
    const damage = damageNamed("hnswlib.index truncated");
    const { env, indexDir, current } = damagedDeployment(damage, { older: false });
    const run = await startScript("ask.ts", [QUESTION], { ...env, LOG_LEVEL: "error" }).done;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Article 41 — 24\/7 network/m);
    expect(logLines(run.stderr)[0]).toMatchObject({ file: "hnswlib.index", msg: expect.stringContaining("no intact version is left: rebuilding it now") });
    expect((await loadIndex(indexDir, "local")).manifest.version).toBe(current);
  });
});

describe("npm run ingest on a damaged CURRENT version", () => {
  it("rebuilds it (not 'unchanged') and says what was repaired", async () => {
    const damage = damageNamed("docstore.json truncated");
    const { env, indexDir, current } = damagedDeployment(damage, { older: false });
    const run = await startScript("ingest.ts", [], { ...env, LOG_LEVEL: "silent" }).done;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split("\n").slice(0, 2)).toEqual([
      `Index ${current}: built`,
      `  repaired: version ${current} was damaged (docstore.json: 1000 bytes where the build wrote ${(await loadIndex(indexDir, "local")).manifest.files["docstore.json"].bytes} (truncated or overwritten))`,
    ]);
    expect((await loadIndex(indexDir, "local")).manifest.version).toBe(current);
  });
});

describe("the background repair", () => {
  it("finding the damaged version already rebuilt by another process, serves that one", async () => {
    const damage = damageNamed("docstore.json emptied");
    const { env, indexDir, current } = damagedDeployment(damage, { older: true });
    const pristine = path.join(env.DATA_DIR!, "pristine");
    fs.cpSync(path.join(testEnv({ ownIndex: true }).INDEX_DIR!, current), pristine, { recursive: true });
    const bot = await createBot(loadConfig({ ...env, LOG_LEVEL: "silent" }), { buildIfMissing: false });
    try {
      expect(bot.indexVersion).toBe(OLDER);
      expect(bot.damagedCurrent).toMatchObject({ version: current, file: "docstore.json" });
      // Another process repairs it first (its build writes the same files).
      fs.rmSync(path.join(indexDir, current), { recursive: true });
      fs.cpSync(pristine, path.join(indexDir, current), { recursive: true });
      const summary = await bot.reindex();
      expect(summary).toMatchObject({ outcome: "unchanged", version: current });
      expect(bot.indexVersion).toBe(current);
    } finally {
      await bot.close();
    }
  });
});
