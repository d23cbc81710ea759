/**
 * The chat model behind LLM_MODEL, built from the settings alone. Both providers speak the OpenAI
 * chat-completions protocol, so one declared package (@langchain/openai) serves them all: OpenAI,
 * any OpenAI-compatible server at LLM_BASE_URL (llama.cpp, vLLM, LM Studio) and Ollama's /v1 endpoint.
 * (@langchain/ollama would add a second client for the same requests.)
 *
 * Retries and time are bounded here and in `llm-call.ts`: LangChain's own retry loop defaults to six
 * attempts with exponential backoff (a 500 used to cost the user 96 s); this model makes one attempt
 * plus at most one retry, and every request is also cut by the caller's AbortSignal at LLM_TIMEOUT_MS.
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";

export interface LlmSettings {
  /** "openai:<model>" or "ollama:<model>". */
  model: string;
  baseUrl?: string;
  apiKey?: string;
  timeoutMs: number;
}

/** Ollama's OpenAI-compatible endpoint on its default port. */
export const OLLAMA_BASE_URL = "http://127.0.0.1:11434/v1";

export async function createChatModel(settings: LlmSettings): Promise<BaseChatModel> {
  const { ChatOpenAI, ChatOpenAICompletions } = await import("@langchain/openai");
  const [provider, model] = settings.model.split(/:(.*)/s, 2);
  const baseURL = settings.baseUrl ?? (provider === "ollama" ? OLLAMA_BASE_URL : undefined);
  const fields = {
    model,
    temperature: 0,
    // Ollama and most local servers ignore the key but the client insists on one.
    apiKey: settings.apiKey ?? (baseURL ? "not-needed" : undefined),
    configuration: baseURL ? { baseURL } : undefined,
    timeout: settings.timeoutMs,
    maxRetries: 1,
    // `stream_options.include_usage` is rejected by some compatible servers; usage is not needed here.
    streamUsage: false,
  };
  // A compatible server implements /chat/completions only; ChatOpenAI would switch some OpenAI
  // models (codex, *-pro) to the Responses API, which such servers lack.
  return baseURL ? new ChatOpenAICompletions(fields) : new ChatOpenAI(fields);
}
