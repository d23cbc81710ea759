/**
 * Every setting the code reads is documented, in both places a newcomer looks: `.env.example` and
 * the README's configuration table list exactly the config schema's variables, and no code reads
 * an environment variable outside the schema (CORPUS_DIR once was read but documented nowhere).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SETTING_NAMES } from "../src/config.js";

const REPO = path.resolve(import.meta.dirname, "..");
const read = (file: string) => fs.readFileSync(path.join(REPO, file), "utf8");

/** Variables the code reads that are not this project's settings. */
const NOT_SETTINGS: Record<string, string> = {
  CI: "set by CI systems; turns pretty logs off",
  PATH: "passed on to child processes",
  HOME: "passed on to child processes",
  LC_ALL: "the system locale: the terminal chat's language",
  LC_MESSAGES: "the system locale: the terminal chat's language",
  LANG: "the system locale: the terminal chat's language",
};

/** `NAME=` lines of .env.example, commented out or not. */
function exampleNames(): string[] {
  return [...read(".env.example").matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
}

/** The backticked names in the first column of the README's table under "## Configuration". */
function readmeNames(): string[] {
  const section = read("README.md").split(/^## /m).find((s) => s.startsWith("Configuration\n"));
  expect(section, "README has a Configuration section").toBeDefined();
  const rows = section!.split("\n").filter((l) => l.startsWith("| `"));
  return rows.flatMap((row) => [...row.split("|")[1].matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]));
}

/** Names read as `process.env.NAME` (or `env.NAME` on a parsed environment) anywhere in src/ and scripts/. */
function namesReadByCode(): Set<string> {
  const names = new Set<string>();
  for (const dir of ["src", "scripts"]) {
    for (const file of fs.readdirSync(path.join(REPO, dir), { recursive: true, encoding: "utf8" })) {
      if (!file.endsWith(".ts")) continue;
      const text = read(path.join(dir, file));
      for (const m of text.matchAll(/\benv\??\.([A-Z][A-Z0-9_]+)\b/g)) names.add(m[1]);
    }
  }
  return names;
}

const sorted = (names: Iterable<string>) => [...names].sort();

describe("settings documentation", () => {
  it(".env.example lists exactly the config's settings, each once", () => {
    expect(sorted(exampleNames())).toEqual(sorted(SETTING_NAMES));
  });

  it("the README's configuration table lists exactly the config's settings, each once", () => {
    expect(sorted(readmeNames())).toEqual(sorted(SETTING_NAMES));
  });

  it("the code reads no environment variable that is not a setting", () => {
    const read = namesReadByCode();
    expect(read.has("CORPUS_DIR") && read.has("LOG_LEVEL") && read.has("DEBUG_COVERAGE")).toBe(true); // the scan sees them
    const undocumented = [...read].filter((n) => !SETTING_NAMES.includes(n) && !(n in NOT_SETTINGS));
    expect(undocumented).toEqual([]);
  });
});
