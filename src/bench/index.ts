/**
 * `npm run bench`: every measurement in one run, on the built code — ingestion, cold start, answer
 * latency and memory, the naive LangChain baseline on the same questions, and both platforms end
 * to end against the tests' fakes. A part that fails is reported as failed; the others still run.
 */
import os from "node:os";
import { readQuestions } from "../eval/evaluate.js";
import { benchAdapters, type AdapterFigures } from "./adapters.js";
import { benchBaseline, type BaselineFigures } from "./baseline.js";
import { benchColdStart, type ColdStartFigures } from "./coldstart.js";
import { createContext, type BenchOptions } from "./context.js";
import { benchIngest, type IngestFigures } from "./ingest.js";
import { benchLatency, type LatencyFigures } from "./latency.js";
import { benchLlm, type LlmFigures } from "./llm.js";
import { comparison, failed, targets, type Comparison, type Outcome, type TargetCheck } from "./report.js";


export interface BenchFigures {
  machine: { node: string; platform: string; cpus: number; cpu: string; memoryGb: number };
  run: { quick: boolean; questions: number; at: string; seconds: number };
  ingest: IngestFigures;
  coldStart: Outcome<ColdStartFigures>;
  latency: Outcome<LatencyFigures>;
  baseline: Outcome<BaselineFigures>;
  adapters: Outcome<AdapterFigures>;
  llm: Outcome<LlmFigures>;
  comparison: Comparison | null;
  targets: TargetCheck[];
}

/** Strip the IPC envelope (`type`, `at`) from what a child posted. */
function figures<T extends object>(m: T): T {
  const { type: _t, at: _a, ...rest } = m as T & { type?: unknown; at?: unknown };
  return rest as T;
}

export async function runBench(opts: BenchOptions): Promise<BenchFigures> {
  const started = performance.now();
  const questions = readQuestions(opts.questionsFile);
  const ctx = createContext(opts);
  const step = async <T extends object>(name: string, run: () => Promise<T>): Promise<Outcome<T>> => {
    ctx.progress(`${name}…`);
    try {
      return figures(await run());
    } catch (err) {
      ctx.progress(`  failed: ${(err as Error).message}`);
      return { error: (err as Error).message };
    }
  };
  try {
    ctx.progress("ingestion…");
    const ingest = await benchIngest(ctx);
    const firstInScope = questions.find((q) => q.expect.doc === "convention") ?? questions[0];
    const coldStart = await step("cold start", () => benchColdStart(ctx, firstInScope.question));
    const latency = await step("answer latency", () => benchLatency(ctx));
    const baseline = await step("baseline (naive LangChain RAG)", () => benchBaseline(ctx));
    const adapters = await step("telegram and discord end to end", () => benchAdapters(ctx, questions.map((q) => q.question)));
    const inScope = questions.filter((q) => q.expect.doc === "convention").map((q) => q.question);
    const llm = await step("LLM path (fake OpenAI-compatible server, streaming)", () => benchLlm(ctx, inScope));
    const cpus = os.cpus();
    const result: BenchFigures = {
      machine: { node: process.version, platform: `${process.platform} ${process.arch}`, cpus: cpus.length, cpu: cpus[0]?.model.trim() ?? "?", memoryGb: Math.round(os.totalmem() / 1e8) / 10 },
      run: { quick: opts.quick, questions: questions.length, at: new Date().toISOString(), seconds: Math.round((performance.now() - started) / 100) / 10 },
      ingest, coldStart, latency, baseline, adapters, llm,
      comparison: failed(latency) || failed(baseline) ? null : comparison(latency, baseline),
      targets: [],
    };
    result.targets = targets(result);
    return result;
  } finally {
    ctx.cleanup();
  }
}
