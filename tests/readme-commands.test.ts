/**
 * The README's commands can be copied as they are: every row of the Scripts table is one runnable
 * command (no `[optional]` brackets) of a script package.json has, and options always come after
 * npm's `--` — `npm run ingest --force` would give `--force` to npm, and the build would silently
 * not be forced.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const REPO = path.resolve(import.meta.dirname, "..");
const README = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
const SCRIPTS = Object.keys(JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")).scripts);

function scriptsTable(): string[] {
  const section = README.split(/^## /m).find((s) => s.startsWith("Scripts\n"));
  expect(section, "README has a Scripts section").toBeDefined();
  return section!
    .split("\n")
    .filter((l) => l.startsWith("| `"))
    .map((row) => /^\| `([^`]+)` \|/.exec(row)?.[1] ?? row);
}

describe("the README's Scripts table", () => {
  it("has one copy-pasteable command per row, of a script that exists, options after --", () => {
    const commands = scriptsTable();
    expect(commands.length).toBeGreaterThanOrEqual(8);
    for (const command of commands) {
      const m = /^npm (?:start|test|run ([\w:]+))( -- .+)?$/.exec(command);
      expect(m, `not a plain npm command: ${command}`).not.toBeNull();
      if (m![1]) expect(SCRIPTS, command).toContain(m![1]);
      expect(command, "no [optional] parts").not.toMatch(/[[\]]|\.\.\.|…/);
    }
    expect(commands).toContain("npm run ingest -- --force");
  });

  it("nowhere in the README passes an option to npm run without --", () => {
    expect(README.match(/npm run (?:-s |--silent )?[\w:]+ --\w[\w-]*/g) ?? []).toEqual(["npm run ingest --force"]);
    // ...the one mention being the warning against it.
    expect(README).toMatch(/`npm run ingest --force` would be npm's own `--force`/);
  });
});
