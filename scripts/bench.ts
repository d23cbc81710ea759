/**
 * `npm run bench [-- --quick] [--json FILE] [--questions FILE]`: speed, memory and quality of the
 * built bot against a naive LangChain RAG, in one run (see src/bench/). Progress goes to stderr;
 * the table, then one JSON line, to stdout.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { runMain } from "../src/cli/main.js";
import { runBench } from "../src/bench/index.js";
import { renderTable } from "../src/bench/report.js";

runMain(async () => {
  const { values } = parseArgs({ options: { quick: { type: "boolean" }, json: { type: "string" }, questions: { type: "string" } } });
  const figures = await runBench({
    quick: values.quick ?? false,
    questionsFile: path.resolve(values.questions ?? "../shared/eval/dev-questions.jsonl"),
    sourcesDir: path.resolve(process.env.CORPUS_SOURCES_DIR ?? "../shared/corpus"),
    progress: (line) => process.stderr.write(line + "\n"),
  });
  const json = JSON.stringify(figures);
  process.stdout.write(renderTable(figures) + "\n\n" + json + "\n");
  if (values.json) fs.writeFileSync(values.json, json + "\n");
  if (figures.targets.some((t) => t.met === null)) process.exitCode = 1;
});
