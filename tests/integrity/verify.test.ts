/**
 * Every kind of damage to a version built from the real PDF is refused at load, naming the file and
 * the reason; the undamaged copy beside it loads. The build itself refuses to move CURRENT to a
 * version that fails the same checks.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadIndex } from "../../src/core/index/store.js";
import { IndexDamagedError } from "../../src/core/index/verify.js";
import { testEnv } from "../helpers/env.js";
import { copyVersion, DISK_DAMAGE, readCurrent, WRITER_DAMAGE, type Damage } from "./damage.js";

async function refusal(damage: Damage): Promise<IndexDamagedError> {
  const indexDir = testEnv({ ownIndex: true }).INDEX_DIR!;
  const intact = readCurrent(indexDir);
  const dir = copyVersion(indexDir, intact, "dada0000000000d1");
  damage.apply(dir);
  const err = await loadIndex(indexDir, "local", "dada0000000000d1").then(
    () => null,
    (e: unknown) => e,
  );
  // The intact version beside it is untouched and loads.
  expect((await loadIndex(indexDir, "local", intact)).manifest.version).toBe(intact);
  expect(err).toBeInstanceOf(IndexDamagedError);
  return err as IndexDamagedError;
}

describe("a damaged version is refused at load, naming the file", () => {
  it.each(DISK_DAMAGE.map((d) => [d.name, d] as const))("%s", async (_name, damage) => {
    const err = await refusal(damage);
    expect({ version: err.version, file: err.file }).toEqual({ version: "dada0000000000d1", file: damage.file });
    expect(err.reason).toMatch(damage.reason);
    expect(err.message).toBe(`index version dada0000000000d1 is damaged: ${damage.file}: ${err.reason}`);
  });

  it.each(WRITER_DAMAGE.map((d) => [d.name, d] as const))("%s", async (_name, damage) => {
    const err = await refusal(damage);
    expect(err.file).toBe(damage.file);
    expect(err.reason).toMatch(damage.reason);
  });

  it("a manifest naming another version is refused (a directory copied under a new name)", async () => {
    const indexDir = testEnv({ ownIndex: true }).INDEX_DIR!;
    fs.cpSync(path.join(indexDir, readCurrent(indexDir)), path.join(indexDir, "dada0000000000d2"), { recursive: true });
    const err = await loadIndex(indexDir, "local", "dada0000000000d2").catch((e: IndexDamagedError) => e);
    expect(err).toMatchObject({ file: "manifest.json", reason: `names version ${readCurrent(indexDir)}` });
  });
});
