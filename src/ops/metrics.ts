/**
 * Prometheus metrics for the running bot (prom-client), fed only by the facade's events so the
 * core stays unaware of monitoring. Each instance has its own registry: two bots in one process
 * (tests) never share counters.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Answer, AnswerOptions, ConventionBot, LlmFallbackReason, ReindexSummary } from "../core/bot.js";

/** Answer latency buckets in seconds: retrieval alone is sub-second, an LLM-written answer takes seconds. */
const ANSWER_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60];

export class BotMetrics {
  readonly registry: Registry;
  readonly #bot: ConventionBot;
  readonly #questions: Counter<"platform" | "grounded">;
  readonly #answerSeconds: Histogram;
  readonly #reindexes: Counter;
  readonly #indexInfo: Gauge<"version">;
  readonly #llmFallbacks: Counter<"reason">;

  /** `registry`: one the health endpoint already serves (the app starts it before the bot exists). */
  constructor(bot: ConventionBot, registry: Registry = new Registry()) {
    this.#bot = bot;
    this.registry = registry;
    collectDefaultMetrics({ register: this.registry });
    this.#questions = new Counter({
      name: "convention_bot_questions_total",
      help: "Questions answered, by platform and whether the corpus answered them (grounded) or the bot refused",
      labelNames: ["platform", "grounded"],
      registers: [this.registry],
    });
    this.#answerSeconds = new Histogram({
      name: "convention_bot_answer_seconds",
      help: "Time to produce an answer",
      buckets: ANSWER_BUCKETS,
      registers: [this.registry],
    });
    this.#reindexes = new Counter({
      name: "convention_bot_reindex_total",
      help: "Reindex runs finished in this process (an admin's /reindex)",
      registers: [this.registry],
    });
    this.#indexInfo = new Gauge({
      name: "convention_bot_index_info",
      help: "The index version being served (value 1)",
      labelNames: ["version"],
      registers: [this.registry],
    });
    this.#llmFallbacks = new Counter({
      name: "convention_bot_llm_fallbacks_total",
      help: "LLM answers replaced by the extractive one, by reason (timeout, http_error, stream_broken, refusal, no_citation, circuit_open, …)",
      labelNames: ["reason"],
      registers: [this.registry],
    });
    this.#setVersion(currentVersion(bot));
    bot.on("answered", this.#onAnswered);
    bot.on("reindexed", this.#onReindexed);
    bot.on("indexChanged", this.#onIndexChanged);
    bot.on("llmFallback", this.#onLlmFallback);
  }

  /** Stop listening to the bot. */
  detach(): void {
    this.#bot.off("answered", this.#onAnswered);
    this.#bot.off("reindexed", this.#onReindexed);
    this.#bot.off("indexChanged", this.#onIndexChanged);
    this.#bot.off("llmFallback", this.#onLlmFallback);
  }

  readonly #onAnswered = (answer: Answer, options: AnswerOptions): void => {
    this.#questions.inc({ platform: options?.asker?.platform ?? "unknown", grounded: String(answer.grounded) });
    this.#answerSeconds.observe(answer.ms / 1000);
  };

  readonly #onReindexed = (_summary: ReindexSummary): void => {
    this.#reindexes.inc();
  };

  readonly #onLlmFallback = (reason: LlmFallbackReason): void => {
    this.#llmFallbacks.inc({ reason });
  };

  readonly #onIndexChanged = (version: string): void => {
    this.#setVersion(version);
  };

  #setVersion(version: string | undefined): void {
    this.#indexInfo.reset();
    if (version) this.#indexInfo.set({ version }, 1);
  }
}

/** The served version, or undefined while no index is loaded. */
export function currentVersion(bot: ConventionBot | undefined): string | undefined {
  try {
    return bot?.indexVersion || undefined;
  } catch {
    return undefined;
  }
}
