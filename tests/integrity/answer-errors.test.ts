/**
 * A version that passes every check can still fail when asked (a bug meeting its data). Such a failure
 * is injected into the real retriever for one version; the facade must turn it into a short sentence,
 * count it against that version, and after repeated failures fall back to the previous intact one —
 * in memory if it served before, else the newest intact version on disk — while /readyz tells the truth.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadConfig, type Config } from "../../src/config.js";
import { AnswerFailedError, createBot, type ConventionBot } from "../../src/core/bot.js";
import { Retriever } from "../../src/core/retrieve/hybrid.js";
import { log } from "../../src/log.js";
import { readiness } from "../../src/ops/health.js";
import { testEnv } from "../helpers/env.js";
import { copyVersion, pointAt } from "./damage.js";

const GOOD = "What does Article 41 say?";
const SECRET_PATH = "/srv/secret/data/index/docstore.json";

let bot: ConventionBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
  vi.restoreAllMocks();
});

/** Make retrieval throw on `version` (every question, or only `question`). */
function failOn(version: string, question?: string) {
  const retrieve = Retriever.prototype.retrieve;
  return vi.spyOn(Retriever.prototype, "retrieve").mockImplementation(function (this: Retriever, q, opts) {
    const served = (this as unknown as { index: { manifest: { version: string } } }).index.manifest.version;
    if (served === version && (question === undefined || q === question)) throw new Error(`Cannot read properties of undefined (reading 'metadata') at ${SECRET_PATH}`);
    return retrieve.call(this, q, opts);
  });
}

async function start(): Promise<{ bot: ConventionBot; config: Config }> {
  const config = loadConfig(testEnv({ ownIndex: true }));
  bot = await createBot(config, { buildIfMissing: false });
  return { bot, config };
}

const errorsLogged = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.map((c) => c[1] as string);

describe("answering errors", () => {
  it("one failing question gets a short sentence without internals; the version keeps serving", async () => {
    const { bot } = await start();
    const version = bot.indexVersion;
    const error = vi.spyOn(log, "error");
    failOn(version, "What is illegal access?");
    const failed = await bot.answer("What is illegal access?").catch((e: Error) => e);
    expect(failed).toBeInstanceOf(AnswerFailedError);
    expect((failed as Error).message).toBe("Sorry, something went wrong while answering. Please try again in a moment.");
    // The operator's log has the cause and the version; the user's sentence has neither.
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ version, err: expect.stringContaining("Cannot read properties") }), `answering failed on index version ${version}`);
    for (let i = 0; i < 3; i++) expect(await bot.answer(GOOD)).toMatchObject({ grounded: true, indexVersion: version });
    expect(bot.serving()).toEqual({ version, healthy: true });
    expect(bot.indexVersion).toBe(version);
  });

  it("repeated failures fall back to the version served before; it is not reloaded again until rebuilt", async () => {
    const { bot, config } = await start();
    const before = bot.indexVersion;
    copyVersion(config.indexDir, before, "feedface00000001");
    pointAt(config.indexDir, "feedface00000001");
    expect(await bot.reload()).toBe(true);
    expect(bot.indexVersion).toBe("feedface00000001");

    failOn("feedface00000001");
    const error = vi.spyOn(log, "error");
    const changed = new Promise<string>((resolve) => bot.once("indexChanged", resolve));
    for (let i = 0; i < 3; i++) await expect(bot.answer(GOOD)).rejects.toThrow(AnswerFailedError);
    expect(await changed).toBe(before);
    expect(errorsLogged(error)).toContain(`answers kept failing on index version feedface00000001 (3 of the last 3); fell back to version ${before}`);
    expect(await bot.answer(GOOD)).toMatchObject({ grounded: true, indexVersion: before });
    expect(bot.serving()).toEqual({ version: before, healthy: true });

    // CURRENT still names the failing build: a reload leaves it alone, a rebuild (new build time) is tried.
    const warn = vi.spyOn(log, "warn");
    expect(await bot.reload()).toBe(false);
    expect(warn.mock.calls.map((c) => c[1])).toContain("index version feedface00000001 is not reloaded: its answers kept failing (rebuild it to try again)");
    copyVersion(config.indexDir, before, "feedface00000001"); // rebuilt: same version, new createdAt
    vi.mocked(Retriever.prototype.retrieve).mockRestore();
    expect(await bot.reload()).toBe(true);
    expect(await bot.answer(GOOD)).toMatchObject({ grounded: true, indexVersion: "feedface00000001" });
  });

  it("with nothing in memory, falls back to the newest intact version on disk", async () => {
    const { config } = await start();
    const only = bot!.indexVersion;
    await bot!.close();
    // An older intact version on disk, CURRENT at the one that will fail.
    copyVersion(config.indexDir, only, "0dd0dd0000000001");
    bot = await createBot(config, { buildIfMissing: false });
    failOn(only);
    const changed = new Promise<string>((resolve) => bot!.once("indexChanged", resolve));
    for (let i = 0; i < 3; i++) await expect(bot.answer(GOOD)).rejects.toThrow(AnswerFailedError);
    expect(await changed).toBe("0dd0dd0000000001");
    expect(await bot.answer(GOOD)).toMatchObject({ grounded: true, indexVersion: "0dd0dd0000000001" });
  });

  it("with no intact version to fall back to, keeps serving, and /readyz says why it is not ready", async () => {
    const { bot } = await start();
    const version = bot.indexVersion;
    const probe = { bot: () => bot, services: () => [] };
    expect(readiness(probe)).toMatchObject({ ready: true, reason: null });
    failOn(version);
    const error = vi.spyOn(log, "error");
    for (let i = 0; i < 3; i++) await expect(bot.answer(GOOD)).rejects.toThrow(AnswerFailedError);
    await vi.waitFor(() => expect(errorsLogged(error)).toContain(`answers keep failing on index version ${version} (3 of the last 3) and no other intact version is left; still serving it`), { timeout: 10_000 });
    expect(bot.indexVersion).toBe(version);
    expect(readiness(probe)).toMatchObject({ ready: false, reason: `answers failing on index version ${version} (3 of the last 3)`, indexVersion: version });

    // Once answers succeed again the version recovers (the failures leave the window).
    vi.mocked(Retriever.prototype.retrieve).mockRestore();
    for (let i = 0; i < 7; i++) await bot.answer(GOOD);
    expect(readiness(probe)).toMatchObject({ ready: true, reason: null });
  });
});
