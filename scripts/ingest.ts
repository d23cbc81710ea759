/** `npm run ingest [-- --dry-run] [--force]`: build the index from the corpus (see README). */
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { buildIndex } from "../src/core/index/build.js";
import { buildSettings } from "../src/core/bot.js";
import { renderSummary } from "../src/cli/format.js";
import { stageBars } from "../src/cli/progress.js";
import { runMain } from "../src/cli/main.js";

runMain(async () => {
  const { values } = parseArgs({ options: { "dry-run": { type: "boolean" }, force: { type: "boolean" } } });
  const bars = stageBars();
  try {
    const summary = await buildIndex(buildSettings(loadConfig()), { dryRun: values["dry-run"], force: values.force, onProgress: bars.onProgress });
    bars.stop();
    process.stdout.write(renderSummary(summary) + "\n");
  } finally {
    bars.stop();
  }
});
