/**
 * Every script explains itself: `--help` prints its usage on stdout and exits 0; an unknown option
 * prints a one-line error and the usage on stderr and exits 2. Both happen before any setting is
 * read or anything is built: the environment here is invalid and the index directory stays empty.
 * The scripts run through npm, as the README says to type them — except bench, whose npm script
 * compiles the project first.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/env.js";
import { runNpm, runScript, type Finished } from "./helpers.js";

const SCRIPTS: [npmName: string, file: string, usage: string][] = [
  ["start", "start.ts", "Usage: npm start"],
  ["ingest", "ingest.ts", "Usage: npm run ingest"],
  ["ask", "ask.ts", "Usage: npm run ask -- "],
  ["eval", "eval.ts", "Usage: npm run eval -- "],
  ["report", "report.ts", "Usage: npm run report -- "],
  ["bench", "bench.ts", "Usage: npm run bench"],
  ["discord:deploy", "discord-deploy.ts", "Usage: npm run discord:deploy"],
];

describe.each(SCRIPTS)("npm run %s", (npmName, file, usage) => {
  it("--help: usage on stdout, exit 0; an unknown option: one-line error and usage on stderr, exit 2", async () => {
    const dir = tempDir();
    const indexDir = path.join(dir, "index");
    fs.mkdirSync(indexDir);
    // Invalid on purpose: neither --help nor a usage error may get as far as the config.
    const env = { RATE_LIMIT_PER_MIN: "not a number", INDEX_DIR: indexDir, DATA_DIR: path.join(dir, "data"), CONVENTION_PDF_URL: "http://127.0.0.1:9/x" };
    const invoke = (args: string[]): Promise<Finished> => (npmName === "bench" ? runScript(file, args, { env }) : runNpm(npmName, args, { env }));
    const [help, unknown] = await Promise.all([invoke(["--help"]), invoke(["--no-such-option"])]);

    expect(help, help.stderr).toMatchObject({ code: 0, stderr: "" });
    expect(help.stdout.startsWith(usage)).toBe(true);
    expect(help.stdout).toMatch(/\n {2}-h, --help +show this help\n/);

    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe("");
    const [first, blank, ...rest] = unknown.stderr.split("\n");
    expect(first).toBe("Error: Unknown option '--no-such-option'");
    expect(blank).toBe("");
    expect(rest.join("\n")).toBe(help.stdout);

    expect(fs.readdirSync(indexDir)).toEqual([]);
  });
});
