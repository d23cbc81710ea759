/**
 * `npm run bench [-- --quick] [--json FILE] [--questions FILE]`: speed, memory and quality of the
 * built bot against a naive LangChain RAG, in one run (see src/bench/). Progress goes to stderr;
 * the table, then one JSON line, to stdout.
 */
import fs from "node:fs";
import path from "node:path";
import { loadConfig } from "../src/config.js";
import { commandLine, type CommandSpec } from "../src/cli/args.js";
import { requireFile } from "../src/cli/files.js";
import { runMain } from "../src/cli/main.js";
import { runBench } from "../src/bench/index.js";
import { renderTable } from "../src/bench/report.js";

const DEFAULT_QUESTIONS = "../shared/eval/dev-questions.jsonl";

const BENCH: CommandSpec = {
  usage: ["npm run bench", "npm run bench -- --quick", "npm run bench -- [--quick] [--json FILE] [--questions FILE]"],
  summary:
    "Build the bot (tsc), then measure ingestion, cold start, answer latency and memory, both platforms end to end against local fakes, and quality against a naive LangChain RAG. Prints a table, then one JSON line.",
  options: {
    quick: { type: "boolean", description: "fewer repetitions (about half the time)" },
    json: { type: "string", value: "FILE", description: "also write the JSON line to FILE" },
    questions: { type: "string", value: "FILE", description: `question set (default ${DEFAULT_QUESTIONS}; the project's own: tests/eval/questions.jsonl)` },
  },
};

runMain(async () => {
  const { values } = commandLine<{ quick?: boolean; json?: string; questions?: string }>(BENCH);
  const questionsFile = path.resolve(values.questions ?? DEFAULT_QUESTIONS);
  requireFile(questionsFile, "The question set", "pass one: npm run bench -- --questions tests/eval/questions.jsonl");
  const config = loadConfig();
  const figures = await runBench({
    quick: values.quick ?? false,
    questionsFile,
    sourcesDir: config.sourcesDir,
    cacheDir: config.cacheDir,
    progress: (line) => process.stderr.write(line + "\n"),
  });
  const json = JSON.stringify(figures);
  process.stdout.write(renderTable(figures) + "\n\n" + json + "\n");
  if (values.json) fs.writeFileSync(values.json, json + "\n");
  if (figures.targets.some((t) => t.met === null)) process.exitCode = 1;
});
