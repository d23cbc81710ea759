/**
 * `npm run ask -- "question"` prints an answer and its citations;
 * `npm run ask -- --jsonl FILE` prints one JSON line per `{id, question}` line of FILE (a bad line
 * gets `{id, error}` and the rest are still answered; the exit code is then 1).
 */
import fs from "node:fs";
import readline from "node:readline";
import { loadConfig } from "../src/config.js";
import { createBot } from "../src/core/bot.js";
import { commandLine, usageError, type CommandSpec } from "../src/cli/args.js";
import { requireFile } from "../src/cli/files.js";
import { answerJson, renderAnswer } from "../src/cli/format.js";
import { runMain } from "../src/cli/main.js";
import { answerInConversation } from "../src/eval/evaluate.js";
import { parseQuestionLine } from "../src/cli/question-lines.js";
import { hasVisible } from "../src/chat/question.js";

const ASK: CommandSpec = {
  usage: ['npm run ask -- [--lang CODE] "question"', "npm run ask -- --jsonl FILE"],
  summary: 'Print an answer and its citations; with --jsonl, one JSON line per {"id", "question", "history"?} line of FILE (a bad line gets {"id", "error"}, exit code 1).',
  positionals: { name: '"question"', description: "the question, in English, Indonesian or Vietnamese" },
  options: {
    jsonl: { type: "string", value: "FILE", description: "answer every line of FILE instead of one question" },
    lang: { type: "string", value: "CODE", description: "language to assume when the question is too short to tell (en, id, vi)" },
  },
};

runMain(async () => {
  const { values, positionals } = commandLine<{ jsonl?: string; lang?: string }>(ASK);
  const question = positionals.join(" ").trim();
  if (values.jsonl && question) throw usageError(ASK, "give either a question or --jsonl FILE, not both");
  if (!values.jsonl && !hasVisible(question)) throw usageError(ASK, 'ask a question, e.g. npm run ask -- "What is illegal access?"');
  if (values.jsonl) requireFile(values.jsonl, "The question file", "pass an existing one: npm run ask -- --jsonl FILE");

  const bot = await createBot(loadConfig());
  if (values.jsonl) {
    const lines = readline.createInterface({ input: fs.createReadStream(values.jsonl), crlfDelay: Infinity });
    let n = 0;
    for await (const line of lines) {
      n++;
      if (!line.trim()) continue;
      const parsed = parseQuestionLine(line, n);
      if ("error" in parsed) {
        process.exitCode = 1;
        process.stdout.write(JSON.stringify(parsed) + "\n");
        continue;
      }
      try {
        const answer = await answerInConversation(bot, parsed.question, parsed.history, { localeHint: values.lang });
        process.stdout.write(answerJson(parsed.id, answer) + "\n");
      } catch (err) {
        // One failed question does not cost the rest of the file its answers.
        process.stdout.write(JSON.stringify({ id: parsed.id, error: (err as Error).message }) + "\n");
        process.exitCode = 1;
      }
    }
  } else {
    process.stdout.write(renderAnswer(await bot.answer(question, { localeHint: values.lang })) + "\n");
  }
  await bot.close();
});
