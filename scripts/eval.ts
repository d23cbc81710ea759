/** `npm run eval -- [FILE]`: quality figures over a question set (default: the shared dev set). */
import path from "node:path";
import { loadConfig } from "../src/config.js";
import { createBot } from "../src/core/bot.js";
import { evaluate, readQuestions, type Figures } from "../src/eval/evaluate.js";
import { verbatimChecker } from "../src/eval/verbatim.js";
import { commandLine, usageError, type CommandSpec } from "../src/cli/args.js";
import { requireFile } from "../src/cli/files.js";
import { runMain } from "../src/cli/main.js";

const DEFAULT_SET = "../shared/eval/dev-questions.jsonl";
const OWN_SET = "tests/eval/questions.jsonl";

const EVAL: CommandSpec = {
  usage: ["npm run eval -- [--misses] [FILE]"],
  summary: `Recall@1/3/5, MRR and refusal accuracy per language over a question set (JSON lines with id, lang, question, expect). Default FILE: ${DEFAULT_SET}; the project's own set is ${OWN_SET}.`,
  positionals: { name: "FILE", description: `the question set (default ${DEFAULT_SET})` },
  options: { misses: { type: "boolean", description: "list every miss (otherwise only when there are at most 10)" } },
};

runMain(async () => {
  const { positionals, values } = commandLine<{ misses?: boolean }>(EVAL);
  if (positionals.length > 1) throw usageError(EVAL, `one question set at a time, not ${positionals.length}`);
  const file = path.resolve(positionals[0] ?? DEFAULT_SET);
  requireFile(file, positionals[0] ? "The question set" : "The default question set", `pass one: npm run eval -- FILE (e.g. npm run eval -- ${OWN_SET})`);
  const config = loadConfig();
  const bot = await createBot(config);
  const result = await evaluate(bot, readQuestions(file), await verbatimChecker(config.corpusDir, [config.sourcesDir, config.cacheDir]));
  const rows: [string, Figures][] = [...Object.entries(result.byLanguage), ["all", result.overall]];
  const cols = ["lang", "n", "in", "oos", "lead@1", "R@1", "R@3", "R@5", "MRR", "refuse-ok", "in-refused", "broken-quotes", "conv", "conv-ok", "summary", "wrong-lang", "not-verbatim"];
  const table = [cols, ...rows.map(([l, f]) => [l, f.questions, f.inScope, f.outOfScope, f.lead1, f.recall1, f.recall3, f.recall5, f.mrr, f.refusalAccuracy ?? "-", f.inScopeRefusals, f.brokenQuotes, f.conversations, f.conversations ? f.conversationHits : "-", f.summaries, f.wrongLanguage, f.notVerbatim].map(String))];
  const widths = cols.map((_, i) => Math.max(...table.map((r) => r[i].length)));
  process.stdout.write(`Evaluation of ${path.basename(file)} (index ${bot.indexVersion})\n`);
  for (const r of table) process.stdout.write(r.map((c, i) => c.padStart(widths[i])).join("  ") + "\n");
  if (values.misses || result.misses.length <= 10) for (const m of result.misses) process.stdout.write(`  miss ${m.id}: expected ${m.expected}, got ${m.got} — ${m.question}\n`);
  process.stdout.write(JSON.stringify({ file: path.basename(file), indexVersion: bot.indexVersion, ...result.overall, byLanguage: result.byLanguage }) + "\n");
  await bot.close();
});
