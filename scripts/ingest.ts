/** `npm run ingest -- [--dry-run] [--force]`: build the index from the corpus (see README). */
import { loadConfig } from "../src/config.js";
import { buildIndex } from "../src/core/index/build.js";
import { buildSettings } from "../src/core/bot.js";
import { commandLine, type CommandSpec } from "../src/cli/args.js";
import { renderSummary } from "../src/cli/format.js";
import { stageBars } from "../src/cli/progress.js";
import { runMain } from "../src/cli/main.js";

const INGEST: CommandSpec = {
  // The "--" matters: `npm run ingest --force` would be npm's own --force, and the build would not be forced.
  usage: ["npm run ingest", "npm run ingest -- --dry-run", "npm run ingest -- --force"],
  summary: "Build the index from the corpus (corpus/sources.json), with a progress bar per stage and a summary of what changed; unchanged sources reuse the current version.",
  options: {
    "dry-run": { type: "boolean", description: "print what would change against the served index, write nothing" },
    force: { type: "boolean", description: "rebuild even when the sources have not changed" },
  },
};

runMain(async () => {
  const { values } = commandLine<{ "dry-run"?: boolean; force?: boolean }>(INGEST);
  const bars = stageBars();
  try {
    const summary = await buildIndex(buildSettings(loadConfig()), { dryRun: values["dry-run"], force: values.force, onProgress: bars.onProgress });
    bars.stop();
    process.stdout.write(renderSummary(summary) + "\n");
  } finally {
    bars.stop();
  }
});
