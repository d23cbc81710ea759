/**
 * Answer latency in process, on the embedded default (local embedder, extractive answers): the
 * dev questions repeated to at least the asked number of answers, each answer timed on its own.
 * RSS and heap are read after a full GC before and after the run, so a leak shows as growth. The
 * first pass over the questions is the warm-up, and also gives the quality figures (recall@k).
 */
import type { Figures } from "../eval/evaluate.js";
import type { BenchContext } from "./context.js";
import { post, runPart, type Message } from "./process.js";
import { mb, peakRssMb, round, spread, type Spread } from "./stats.js";

export interface LatencyFigures extends Message {
  answers: number;
  ms: Spread & { mean: number };
  grounded: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  heapBeforeMb: number;
  heapAfterMb: number;
  /** RSS after a full GC at 0, 25, 50, 75 and 100 % of the run: growth that levels off is warm-up, steady growth a leak. */
  rssCurveMb: number[];
  externalBeforeMb: number;
  externalAfterMb: number;
  peakRssMb: number;
  quality: Figures;
}

function settledMemory(): NodeJS.MemoryUsage {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage();
}

/** Child side: `args` = questions file, number of answers. */
export async function measure([file, count]: string[]): Promise<void> {
  const { loadConfig } = await import("../config.js");
  const { createBot } = await import("../core/bot.js");
  const { evaluate, readQuestions } = await import("../eval/evaluate.js");
  const questions = readQuestions(file);
  const { verbatimChecker } = await import("../eval/verbatim.js");
  const config = loadConfig(process.env);
  const bot = await createBot(config, { buildIfMissing: false });
  const quality = (await evaluate(bot, questions, await verbatimChecker(config.corpusDir, [config.sourcesDir, config.cacheDir]))).overall;

  const total = Math.ceil(Number(count) / questions.length) * questions.length;
  const times = new Float64Array(total);
  let grounded = 0;
  const before = settledMemory();
  const curve = [mb(before.rss)];
  const quarter = Math.ceil(total / 4);
  for (let i = 0; i < total; i++) {
    if (i > 0 && i % quarter === 0) curve.push(mb(settledMemory().rss));
    const started = performance.now();
    const answer = await bot.answer(questions[i % questions.length].question);
    times[i] = performance.now() - started;
    if (answer.grounded) grounded++;
  }
  const after = settledMemory();
  curve.push(mb(after.rss));
  const all = Array.from(times);
  await post({
    type: "result", answers: total, ms: { ...spread(all), mean: round(all.reduce((s, x) => s + x, 0) / total) }, grounded,
    rssBeforeMb: mb(before.rss), rssAfterMb: mb(after.rss), heapBeforeMb: mb(before.heapUsed), heapAfterMb: mb(after.heapUsed),
    rssCurveMb: curve, externalBeforeMb: mb(before.external), externalAfterMb: mb(after.external),
    peakRssMb: peakRssMb(), quality,
  } satisfies LatencyFigures);
  await bot.close();
}

export async function benchLatency(ctx: BenchContext): Promise<LatencyFigures> {
  const answers = ctx.quick ? 300 : 2000;
  const { result } = await runPart<LatencyFigures>("latency", { env: ctx.env("latency"), args: [ctx.questionsFile, String(answers)], execArgv: ["--expose-gc"] });
  ctx.progress(`  ${result.answers} answers: p50 ${result.ms.p50} ms, p95 ${result.ms.p95} ms`);
  return result;
}
