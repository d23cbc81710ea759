/**
 * Cold start: from forking `node` on the built code to the first answer, the index load included,
 * as a user's first question after a restart would see it. The child also says where the time
 * went (Node's own start, importing the bot, loading the index, the first answer). Median of
 * several spawns.
 */
import type { BenchContext } from "./context.js";
import { Part, post, type Message } from "./process.js";
import { median, peakRssMb, round } from "./stats.js";

interface Breakdown extends Message {
  /** ms since the process's time origin when the entry module ran (Node's own start-up). */
  bootMs: number;
  importMs: number;
  loadMs: number;
  answerMs: number;
  grounded: boolean;
}

export interface ColdStartFigures {
  spawns: number;
  /** Fork → first answer received by the parent. */
  medianMs: number;
  minMs: number;
  maxMs: number;
  breakdown: { bootMs: number; importMs: number; loadMs: number; answerMs: number };
  grounded: boolean;
  peakRssMb: number;
}

/** Child side: import the bot, load the index, answer one question. */
export async function measure([question]: string[]): Promise<void> {
  const boot = performance.now();
  const { loadConfig } = await import("../config.js");
  const { createBot } = await import("../core/bot.js");
  const imported = performance.now();
  const bot = await createBot(loadConfig(process.env), { buildIfMissing: false });
  const loaded = performance.now();
  const answer = await bot.answer(question ?? "What does the 24/7 network do?");
  const answered = performance.now();
  await post({ type: "answered" });
  await post({
    type: "result", bootMs: round(boot), importMs: round(imported - boot), loadMs: round(loaded - imported), answerMs: round(answered - loaded),
    grounded: answer.grounded, peakRssMb: peakRssMb(),
  });
  await bot.close();
}

export async function benchColdStart(ctx: BenchContext, question: string): Promise<ColdStartFigures> {
  const spawns = ctx.quick ? 3 : 7;
  const totals: number[] = [];
  const parts: (Breakdown & { peakRssMb: number })[] = [];
  for (let i = 0; i < spawns; i++) {
    const part = new Part("coldstart", { env: ctx.env("coldstart"), args: [question], timeoutMs: 60_000 });
    try {
      const answered = await part.next("answered");
      totals.push(answered.at - part.startedAt);
      parts.push(await part.next<Breakdown & { peakRssMb: number }>("result"));
      await part.done();
    } finally {
      part.kill();
    }
  }
  ctx.progress(`  ${spawns} spawns: ${totals.map((t) => Math.round(t)).join(", ")} ms`);
  const med = (f: (b: Breakdown) => number) => round(median(parts.map(f)), 1);
  return {
    spawns,
    medianMs: round(median(totals), 0),
    minMs: round(Math.min(...totals), 0),
    maxMs: round(Math.max(...totals), 0),
    breakdown: { bootMs: med((b) => b.bootMs), importMs: med((b) => b.importMs), loadMs: med((b) => b.loadMs), answerMs: med((b) => b.answerMs) },
    grounded: parts.every((b) => b.grounded),
    peakRssMb: Math.max(...parts.map((b) => b.peakRssMb)),
  };
}
