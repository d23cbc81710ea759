/**
 * `npm run ask -- "question"` prints an answer and its citations;
 * `npm run ask -- --jsonl FILE` prints one JSON line per `{id, question}` line of FILE.
 */
import fs from "node:fs";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { createBot } from "../src/core/bot.js";
import { answerJson, renderAnswer } from "../src/cli/format.js";
import { runMain } from "../src/cli/main.js";

runMain(async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { jsonl: { type: "string" }, lang: { type: "string" } } });
  const bot = await createBot(loadConfig());
  if (values.jsonl) {
    const lines = readline.createInterface({ input: fs.createReadStream(values.jsonl), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      const { id, question } = JSON.parse(line) as { id: string; question: string };
      try {
        process.stdout.write(answerJson(id, await bot.answer(question, { localeHint: values.lang })) + "\n");
      } catch (err) {
        // One failed question does not cost the rest of the file its answers.
        process.stdout.write(JSON.stringify({ id, error: (err as Error).message }) + "\n");
        process.exitCode = 1;
      }
    }
  } else {
    const question = positionals.join(" ").trim();
    if (!question) throw new Error('Ask a question: npm run ask -- "What is illegal access?"');
    process.stdout.write(renderAnswer(await bot.answer(question, { localeHint: values.lang })) + "\n");
  }
  await bot.close();
});
