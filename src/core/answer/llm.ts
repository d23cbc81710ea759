/**
 * The optional LLM upgrade (LLM_MODEL): the model phrases the answer from numbered sources, and the
 * user gets it only if it holds up. The answer's `summary` is the model's grounded text (every
 * sentence cites a source, see `grounding.ts`); after it come the quotes of the cited sources as the
 * extractive answer shows them, then the extractive answer's notes (a discrepancy between sources,
 * "quoted from the official English text"). Adapters render the sources from `citations`, so the
 * text carries no legend of its own.
 *
 * Anything short of that throws an `LlmFallback` and the facade answers extractively: a timeout, an
 * HTTP error, a broken stream, a refusal, or an answer in which no sentence cites a source.
 * Loaded lazily so the embedded default never pays for LangChain's model machinery.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Chunk } from "../index/chunk.js";
import type { Retrieval } from "../retrieve/hybrid.js";
import type { AnswerBlock, Citation, Language, Turn } from "../types.js";
import { CONVENTION_DOC } from "../types.js";
import { cite, citationOf } from "./cite.js";
import type { Composed } from "./compose.js";
import { ground } from "./grounding.js";
import { phrases } from "./i18n.js";
import { BoundedModel, DEFAULT_BREAKER, LlmFallback, type BreakerSettings } from "./llm-call.js";
import { createChatModel, type LlmSettings } from "./llm-model.js";
import { buildPrompt, NO_ANSWER, systemPrompt, type Exchange } from "./llm-prompt.js";

export { LlmFallback, type FallbackReason } from "./llm-call.js";
export { buildPrompt } from "./llm-prompt.js";

const MAX_SOURCES = 5;
/** An earlier answer longer than this is cut in the prompt: enough to resolve "its", "that article". */
const MAX_HISTORY_ANSWER = 1200;

export interface PhraseInput {
  question: string;
  language: Language;
  retrieval: Retrieval;
  /** The extractive answer: its quotes and notes are reused, and it is what the user gets on failure. */
  extractive: Composed;
  /** Earlier turns to put into the prompt (already cut to LLM_HISTORY_TURNS). */
  history?: Turn[];
  /** Grounded text so far, while the model streams (see `AnswerOptions.onPartial`). */
  onPartial?: (textSoFar: string) => void;
}

export class LlmPhraser {
  private constructor(private readonly bounded: BoundedModel, private readonly secrets: string[]) {}

  /** From the settings (LLM_MODEL, LLM_BASE_URL, …), or around a given model (tests). */
  static async create(settings: LlmSettings | null, model?: BaseChatModel, breaker: BreakerSettings = DEFAULT_BREAKER, timeoutMs = settings?.timeoutMs ?? 20_000): Promise<LlmPhraser> {
    const chat = model ?? (await createChatModel(settings!));
    const secrets = settings ? [settings.apiKey, settings.baseUrl, settings.baseUrl && new URL(settings.baseUrl).host, settings.model.split(":")[1]] : [];
    return new LlmPhraser(new BoundedModel(chat, timeoutMs, breaker), secrets.filter((s): s is string => Boolean(s)));
  }

  /** The phrased answer, or an `LlmFallback` saying why the extractive one should be used. */
  async phrase({ question, language, retrieval, extractive, history = [], onPartial }: PhraseInput): Promise<Composed> {
    // The extractive answer's passages first (its lead is the paragraph that settles the question),
    // then the best paragraph of each further section, up to MAX_SOURCES.
    const byId = new Map(retrieval.sections.flatMap((s) => s.chunks.map((c) => [c.chunk.metadata.id, c.chunk] as const)));
    const chosen = extractive.citations.map((c) => byId.get(c.chunkId)).filter((c): c is Chunk => c !== undefined);
    const rest = retrieval.sections.map((s) => s.chunks[0].chunk).filter((c) => !chosen.some((k) => k.metadata.section === c.metadata.section));
    const chunks: Chunk[] = [...chosen, ...rest].slice(0, MAX_SOURCES);
    const sources = chunks.map((c) => citationOf(c, c.metadata.text));
    const messages = buildPrompt(question, language, sources, exchanges(history));
    const filter = { count: sources.length, prompt: systemPrompt(language), secrets: this.secrets };

    let shown = "";
    const onText = onPartial
      ? (raw: string) => {
          const { text } = ground(raw, { ...filter, complete: false });
          if (text && text !== shown) onPartial((shown = text));
        }
      : undefined;
    const { text: raw, finishReason } = await this.bounded.complete(messages, onText);

    if (finishReason === "content_filter" || raw.trim().startsWith(NO_ANSWER)) throw new LlmFallback("refusal", `the model declined (${finishReason === "content_filter" ? "content filter" : NO_ANSWER})`);
    // Cut off at the token limit: the last sentence may be unfinished.
    const { text, cited, dropped } = ground(raw, { ...filter, complete: finishReason !== "length" });
    if (!cited.length) throw new LlmFallback("no_citation", `no sentence cites a source (${dropped} dropped)`);

    const citations = cited.map((n) => extractive.citations.find((e) => e.chunkId === sources[n - 1].chunkId) ?? cite(chunks[n - 1], retrieval.queryTerms));
    const blocks: AnswerBlock[] = [{ kind: "summary", text }, ...citations.map((_, i): AnswerBlock => ({ kind: "quote", citation: i }))];
    keepNotes(extractive, citations, blocks, language);
    return { grounded: true, summary: text, blocks, citations };
  }

  close(): void {
    this.bounded.shutdown();
  }
}

/**
 * The extractive answer's notes after the quotes: a discrepancy note with the quote of the other side
 * it brings (added to the citations unless already cited), then the official-English-text note,
 * which depends on what this answer cites.
 */
function keepNotes(extractive: Composed, citations: Citation[], blocks: AnswerBlock[], language: Language): void {
  const translationNote = phrases(language).translationNote;
  const first = extractive.blocks.findIndex((b) => b.kind === "note");
  if (first >= 0) {
    for (const b of extractive.blocks.slice(first)) {
      if (b.kind === "note" && b.text !== translationNote) blocks.push(b);
      else if (b.kind === "quote" && blocks.some((x) => x.kind === "note")) {
        const c = extractive.citations[b.citation];
        let i = citations.findIndex((x) => x.chunkId === c.chunkId);
        if (i < 0) i = citations.push(c) - 1;
        if (!blocks.some((x) => x.kind === "quote" && x.citation === i)) blocks.push({ kind: "quote", citation: i });
      }
    }
  }
  if (translationNote && citations.some((c) => c.doc === CONVENTION_DOC)) blocks.push({ kind: "note", text: translationNote });
}

/** Earlier turns as text: the question, and the answer's gist (the model's text) or its full text. */
function exchanges(history: Turn[]): Exchange[] {
  return history.map((t) => ({ question: t.question, answer: (t.answer?.summary ?? t.answer?.text ?? "").slice(0, MAX_HISTORY_ANSWER) }));
}
