/**
 * The LLM path against the tests' fake OpenAI-compatible server, streaming at a fixed token delay:
 * how soon the first grounded text reaches an adapter (`onPartial`), and what the LLM path adds
 * over the model's own time (retrieval, the extractive answer, prompt, client, SSE parsing, the
 * grounding filter). The server runs in this (parent) process, the bot in its own child; both
 * stamp wall-clock times that are comparable on one machine.
 */
import { FakeOpenAI, wallClock } from "../../tests/fakes/openai-server.js";
import type { BenchContext } from "./context.js";
import { post, runPart, type Message } from "./process.js";
import { round, spread, type Spread } from "./stats.js";

/** Delay between streamed tokens: a fast local model (~50 tokens/s would be 20 ms). */
export const TOKEN_DELAY_MS = 20;
/** What the fake model writes: three cited sentences (32 tokens, the first one 9). */
const REPLY = "The Convention answers this in the cited provision [1]. It sets out what States Parties must do and under which conditions [1]. The official text is linked below for the details [1].";

interface AnswerTimes {
  started: number;
  firstPartial?: number;
  finished: number;
  partials: number;
  phrased: boolean;
}

export interface LlmFigures extends Message {
  answers: number;
  tokenDelayMs: number;
  tokens: number;
  /** Question → first `onPartial` call. */
  firstPartialMs: Spread;
  /** Model's first token sent → first `onPartial` call (includes waiting for the first sentence to end). */
  firstTokenToPartialMs: Spread;
  /** Server: request received → last token sent. */
  modelMs: Spread;
  /** Question → final answer. */
  totalMs: Spread;
  /** Total minus the model's own time. */
  overheadMs: Spread;
  partialsPerAnswer: number;
  /** Answers that came back extractive (should be 0). */
  fallbacks: number;
}

/** Child side: `args` = questions, one per line. */
export async function measure(questions: string[]): Promise<void> {
  const { loadConfig } = await import("../config.js");
  const { createBot } = await import("../core/bot.js");
  const bot = await createBot(loadConfig(process.env), { buildIfMissing: false });
  const times: AnswerTimes[] = [];
  for (const question of questions) {
    const t: Partial<AnswerTimes> & { partials: number } = { started: wallClock(), partials: 0 };
    const answer = await bot.answer(question, {
      onPartial: () => {
        t.firstPartial ??= wallClock();
        t.partials++;
      },
    });
    times.push({ ...t, finished: wallClock(), phrased: answer.summary !== null } as AnswerTimes);
  }
  await post({ type: "result", times });
  await bot.close();
}

export async function benchLlm(ctx: BenchContext, questions: string[]): Promise<LlmFigures> {
  const server = await new FakeOpenAI({ tokenDelayMs: TOKEN_DELAY_MS }).start();
  server.replies({ reply: REPLY });
  try {
    const asked = questions.slice(0, ctx.quick ? 8 : 24);
    const env = ctx.env("llm", { LLM_MODEL: "openai:bench-model", LLM_BASE_URL: server.url, LLM_TIMEOUT_MS: "20000" });
    const { result } = await runPart<Message & { times: AnswerTimes[] }>("llm", { env, args: asked });
    // Answers are sequential and each one that reached the model made one request, in order.
    const phrased = result.times.filter((t) => t.phrased && t.firstPartial !== undefined);
    const pairs = phrased.map((t) => ({ t, s: server.timings.find((s) => s.received >= t.started && s.received <= t.finished)! })).filter((p) => p.s?.firstToken);
    const model = pairs.map(({ s }) => s.lastToken! - s.received);
    const figures: LlmFigures = {
      type: "result",
      answers: result.times.length,
      tokenDelayMs: TOKEN_DELAY_MS,
      tokens: REPLY.match(/\S+\s*/g)!.length,
      firstPartialMs: spread(pairs.map(({ t }) => t.firstPartial! - t.started)),
      firstTokenToPartialMs: spread(pairs.map(({ t, s }) => t.firstPartial! - s.firstToken!)),
      modelMs: spread(model),
      totalMs: spread(pairs.map(({ t }) => t.finished - t.started)),
      overheadMs: spread(pairs.map(({ t, s }, i) => t.finished - t.started - model[i])),
      partialsPerAnswer: pairs.length ? round(pairs.reduce((n, { t }) => n + t.partials, 0) / pairs.length, 1) : 0,
      fallbacks: result.times.length - pairs.length,
    };
    ctx.progress(`  ${figures.answers} answers: first text after ${figures.firstPartialMs.p50} ms, overhead p50 ${figures.overheadMs.p50} ms over ${figures.modelMs.p50} ms of model time`);
    return figures;
  } finally {
    await server.close();
  }
}
