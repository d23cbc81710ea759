/**
 * Hot reload with the real facade: a new index version named by INDEX_DIR/CURRENT is swapped in
 * while questions keep coming; a version that fails to load leaves the old one serving.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Service } from "../../src/app.js";
import { loadConfig, type Config } from "../../src/config.js";
import { createBot, type Answer, type ConventionBot } from "../../src/core/bot.js";
import { sha256 } from "../../src/core/corpus/obtain.js";
import { log } from "../../src/log.js";
import { watchIndexPointer } from "../../src/ops/hot-reload.js";
import { BotMetrics } from "../../src/ops/metrics.js";
import { testEnv } from "../helpers/env.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);
const NEWS_FILE = "news-hanoi-signing-2025-10-25.id.txt";
const QUESTION = "What does Article 41 say?";

let bot: ConventionBot | undefined;
let watcher: Service | undefined;
afterEach(async () => {
  await watcher?.stop();
  await bot?.close();
  bot = watcher = undefined;
  vi.restoreAllMocks();
});

async function start(env: NodeJS.ProcessEnv): Promise<{ bot: ConventionBot; config: Config }> {
  const config = loadConfig(env);
  bot = await createBot(config, { buildIfMissing: false });
  watcher = watchIndexPointer(bot, config.indexDir, { intervalMs: 50 });
  return { bot, config };
}

/** Point CURRENT at `version` the way the index writer does: write a temp file, rename it over. */
function pointAt(indexDir: string, version: string): void {
  const tmp = path.join(indexDir, ".CURRENT.test.tmp");
  fs.writeFileSync(tmp, version + "\n");
  fs.renameSync(tmp, path.join(indexDir, "CURRENT"));
}

/** A copy of the served version under a new name, as another build would leave it. */
function copyVersion(indexDir: string, from: string, to: string): string {
  const dir = path.join(indexDir, to);
  fs.cpSync(path.join(indexDir, from), dir, { recursive: true });
  const manifestFile = path.join(dir, "manifest.json");
  fs.writeFileSync(manifestFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(manifestFile, "utf8")), version: to }));
  return dir;
}

/** Ask the same question over and over until stopped, keeping every answer and every error. */
function keepAsking(b: ConventionBot) {
  const answers: Answer[] = [];
  const errors: unknown[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        answers.push(await b.answer(QUESTION));
      } catch (err) {
        errors.push(err);
      }
      await sleep(10);
    }
  })();
  return {
    answers,
    errors,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

describe("hot reload", () => {
  it("switches answers to a version another process built from a changed source, without an error", async () => {
    const env = testEnv({ ownIndex: true });
    const corpus = path.join(env.DATA_DIR!, "corpus");
    fs.cpSync(env.CORPUS_DIR!, corpus, { recursive: true });
    const added = "Delegasi Islandia menandatangani Konvensi pada sore hari setelah upacara penutupan.";
    fs.appendFileSync(path.join(corpus, NEWS_FILE), `\n${added}\n`);
    // A changed bundled file comes with its new sha256 in the source list (else the build refuses it).
    const list = JSON.parse(fs.readFileSync(path.join(corpus, "sources.json"), "utf8"));
    list.documents.find((d: { obtain: { file: string } }) => d.obtain.file === NEWS_FILE).sha256 = sha256(fs.readFileSync(path.join(corpus, NEWS_FILE)));
    fs.writeFileSync(path.join(corpus, "sources.json"), JSON.stringify(list, null, 2));

    const { bot, config } = await start(env);
    const metrics = new BotMetrics(bot);
    const swapped: string[] = [];
    bot.on("indexChanged", (v) => swapped.push(v));
    const old = bot.indexVersion;
    const asking = keepAsking(bot);
    try {
      await run("npx", ["tsx", "scripts/ingest.ts", "--force"], {
        cwd: repoRoot,
        env: { ...env, CORPUS_DIR: corpus, LOG_LEVEL: "warn" },
        timeout: 240_000,
      });
      const current = fs.readFileSync(path.join(config.indexDir, "CURRENT"), "utf8").trim();
      expect(current).not.toBe(old);
      await vi.waitFor(() => expect(bot.indexVersion).toBe(current), { timeout: 20_000, interval: 50 });
      await vi.waitFor(() => expect(asking.answers.at(-1)?.indexVersion).toBe(current), { timeout: 20_000, interval: 50 });
    } finally {
      await asking.stop();
      metrics.detach();
    }
    const versions = asking.answers.map((a) => a.indexVersion);
    expect(asking.errors).toEqual([]);
    expect(versions[0]).toBe(old);
    // Old answers, then new ones: never back, never anything else.
    const firstNew = versions.indexOf(bot.indexVersion);
    expect(new Set(versions.slice(0, firstNew))).toEqual(new Set([old]));
    expect(new Set(versions.slice(firstNew))).toEqual(new Set([bot.indexVersion]));
    expect(asking.answers.every((a) => a.grounded)).toBe(true);
    expect(swapped).toEqual([bot.indexVersion]);
    // The new version serves the changed source.
    const hits = await bot.search("Delegasi Islandia menandatangani sore hari", 3);
    expect(hits.some((h) => h.text.includes("Delegasi Islandia"))).toBe(true);
    expect(await metrics.registry.getSingleMetricAsString("convention_bot_index_info")).toContain(`version="${bot.indexVersion}"} 1`);
  });

  it("keeps serving the old version when the new one fails to load, and takes the next good one", async () => {
    const env = testEnv({ ownIndex: true });
    const { bot, config } = await start(env);
    const error = vi.spyOn(log, "error").mockImplementation(() => undefined);
    const old = bot.indexVersion;
    const asking = keepAsking(bot);
    try {
      const broken = copyVersion(config.indexDir, old, "badbadbadbad0001");
      fs.writeFileSync(path.join(broken, "sections.json"), "{ truncated");
      pointAt(config.indexDir, "badbadbadbad0001");
      await vi.waitFor(() => expect(error).toHaveBeenCalled(), { timeout: 10_000, interval: 50 });
      expect(error.mock.calls[0][0]).toMatchObject({ serving: old });
      expect(bot.indexVersion).toBe(old);
      const during = await bot.answer(QUESTION);
      expect(during).toMatchObject({ grounded: true, indexVersion: old });

      copyVersion(config.indexDir, old, "900dfeed0002");
      pointAt(config.indexDir, "900dfeed0002");
      await vi.waitFor(() => expect(bot.indexVersion).toBe("900dfeed0002"), { timeout: 10_000, interval: 50 });
    } finally {
      await asking.stop();
    }
    expect(asking.errors).toEqual([]);
    expect(asking.answers.length).toBeGreaterThan(0);
    expect((await bot.answer(QUESTION)).indexVersion).toBe("900dfeed0002");
  });

  it("stops watching when stopped", async () => {
    const env = testEnv({ ownIndex: true });
    const { bot, config } = await start(env);
    const reload = vi.spyOn(bot, "reload");
    await watcher!.stop();
    expect(watcher!.ready()).toBe(false);
    copyVersion(config.indexDir, bot.indexVersion, "abcabcabc0003");
    // Watch the pointer the same way: node keeps one stat poller per file, so a watcher that was not
    // removed is called with the same change, before this one.
    const pointer = path.join(config.indexDir, "CURRENT");
    const seen = new Promise<void>((resolve) => fs.watchFile(pointer, { interval: 20, persistent: false }, function onChange() {
      fs.unwatchFile(pointer, onChange);
      resolve();
    }));
    // The poller takes its first stat asynchronously: a change made before it would be its baseline
    // and never reported. So the pointer is moved back and forth until this watcher has seen a change.
    const serving = bot.indexVersion;
    let flips = 0;
    const flip = setInterval(() => pointAt(config.indexDir, flips++ % 2 ? serving : "abcabcabc0003"), 50);
    pointAt(config.indexDir, "abcabcabc0003");
    try {
      await seen;
    } finally {
      clearInterval(flip);
    }
    expect(reload).not.toHaveBeenCalled();
    expect(bot.indexVersion).toBe(serving);
  });
});
