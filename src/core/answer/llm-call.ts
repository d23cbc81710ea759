/**
 * One call to the chat model, bounded: the whole answer (the attempt, the client's one retry, the
 * streamed tokens) must arrive within LLM_TIMEOUT_MS or it is aborted, and a circuit breaker stops
 * calling a server that keeps failing, so a dead server costs the user nothing while it is open.
 * Every way this can fail ends in an `LlmFallback` carrying the reason the metric counts.
 *
 * The breaker is opossum (rolling window, half-open trial): it opens when the last `failures` calls
 * within `windowMs` all failed (timeouts, HTTP errors, unreachable server, broken streams; not the
 * model's refusals, which are answers), skips calls for `openMs`, then lets one call through to test
 * the server again.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { AIMessageChunk, BaseMessage, BaseMessageLike } from "@langchain/core/messages";
import CircuitBreaker from "opossum";

export type FallbackReason =
  /** LLM_TIMEOUT_MS passed (a hanging or slow server). */
  | "timeout"
  /** The server answered with an HTTP error, after the one retry where it is retryable. */
  | "http_error"
  /** No connection (refused, DNS, reset before any text). */
  | "unreachable"
  /** The streamed answer stopped before the model finished. */
  | "stream_broken"
  /** The model declined: NO_ANSWER, or a content filter. */
  | "refusal"
  /** No sentence of the answer cited a source. */
  | "no_citation"
  /** The breaker is open after repeated failures: the server was not called. */
  | "circuit_open"
  /** Anything else (a bug on our side). */
  | "error";

export class LlmFallback extends Error {
  constructor(readonly reason: FallbackReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "LlmFallback";
  }
}

export interface BreakerSettings {
  failures: number;
  windowMs: number;
  openMs: number;
}

export const DEFAULT_BREAKER: BreakerSettings = { failures: 3, windowMs: 60_000, openMs: 30_000 };

/** What the model said, and why it stopped ("stop", "length", "content_filter"; undefined if the server did not say). */
export interface Completion {
  text: string;
  finishReason?: string;
}

export class BoundedModel {
  private readonly breaker: CircuitBreaker<[() => Promise<Completion>], Completion>;

  constructor(readonly model: BaseChatModel, readonly timeoutMs: number, breaker: BreakerSettings = DEFAULT_BREAKER) {
    this.breaker = new CircuitBreaker((task: () => Promise<Completion>) => task(), {
      timeout: false, // the budget below aborts the request itself; opossum's timer would not
      volumeThreshold: breaker.failures,
      errorThresholdPercentage: 99,
      rollingCountTimeout: breaker.windowMs,
      rollingCountBuckets: 10,
      resetTimeout: breaker.openMs,
    });
  }

  /**
   * Ask the model. With `onText` the answer is streamed (`.stream()`) and `onText` gets the raw
   * text so far after each chunk; without it, one `.invoke()`.
   */
  async complete(messages: BaseMessageLike[], onText?: (raw: string) => void): Promise<Completion> {
    const budget = new AbortController();
    const timer = setTimeout(() => budget.abort(new LlmFallback("timeout", `no complete answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    const progress = { received: false };
    try {
      return await this.breaker.fire(() => (onText ? this.stream(messages, budget.signal, onText, progress) : this.invoke(messages, budget.signal)));
    } catch (err) {
      throw classify(err, budget.signal, progress.received);
    } finally {
      clearTimeout(timer);
    }
  }

  private async invoke(messages: BaseMessageLike[], signal: AbortSignal): Promise<Completion> {
    const reply = await this.model.invoke(messages, { signal });
    if (signal.aborted) throw signal.reason;
    return { text: textOf(reply), finishReason: finishOf(reply) };
  }

  private async stream(messages: BaseMessageLike[], signal: AbortSignal, onText: (raw: string) => void, progress: { received: boolean }): Promise<Completion> {
    let text = "";
    let finishReason: string | undefined;
    for await (const chunk of await this.model.stream(messages, { signal })) {
      const piece = textOf(chunk);
      finishReason = finishOf(chunk) ?? finishReason;
      if (!piece) continue;
      progress.received = true;
      text += piece;
      onText(text);
    }
    // LangChain ends an aborted stream quietly; a stream the server cut ends without a finish reason.
    if (signal.aborted) throw signal.reason;
    if (!finishReason) throw new LlmFallback("stream_broken", "the stream ended before the model finished");
    return { text, finishReason };
  }

  shutdown(): void {
    this.breaker.shutdown();
  }
}

function textOf(message: BaseMessage | AIMessageChunk): string {
  const c = message.content;
  return typeof c === "string" ? c : c.map((p) => (p.type === "text" && "text" in p ? String(p.text) : "")).join("");
}

function finishOf(message: BaseMessage): string | undefined {
  const reason = (message.response_metadata as Record<string, unknown> | undefined)?.finish_reason;
  return typeof reason === "string" ? reason : undefined;
}

function classify(err: unknown, signal: AbortSignal, received: boolean): LlmFallback {
  if (err instanceof LlmFallback) return err;
  if (signal.aborted) return signal.reason instanceof LlmFallback ? signal.reason : new LlmFallback("timeout", "aborted", { cause: err });
  const e = err as { code?: string; status?: number; message?: string };
  const message = e?.message ?? String(err);
  if (e?.code === "EOPENBREAKER") return new LlmFallback("circuit_open", "circuit open after repeated failures", { cause: err });
  if (received) return new LlmFallback("stream_broken", message, { cause: err });
  if (typeof e?.status === "number") return new LlmFallback("http_error", `HTTP ${e.status}`, { cause: err });
  return new LlmFallback("unreachable", message, { cause: err });
}
