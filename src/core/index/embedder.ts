/**
 * Which embedder builds and queries the index. `local` (the default) is the hashed n-gram embedder
 * fitted on the corpus; `openai:<model>` or `ollama:<model>` use LangChain's providers, loaded only
 * when configured (their packages are optional installs).
 */
import type { Embeddings } from "@langchain/core/embeddings";
import { HashedNgramEmbeddings, type HashedEmbedderState } from "./embeddings.js";

export interface EmbedderInfo {
  /** Identity checked at query time: an index refuses queries from another embedder. */
  id: string;
  params: Record<string, unknown>;
}

export interface Embedder {
  info: EmbedderInfo;
  embeddings: Embeddings;
  /** Fit on the corpus (local embedder only) before embedding it. */
  fit?(texts: string[]): void;
  /** State saved beside the index (the local embedder's IDF). */
  state?(): HashedEmbedderState;
}

export class EmbedderMismatchError extends Error {}

export function localEmbedder(state?: HashedEmbedderState): Embedder {
  const e = new HashedNgramEmbeddings(state);
  return {
    get info() {
      return { id: e.id, params: { ...e.params } };
    },
    embeddings: e,
    fit: (texts) => e.fit(texts),
    state: () => e.state(),
  };
}

/** Create the embedder named by EMBEDDINGS (`local`, `openai:<model>`, `ollama:<model>`). */
export async function createEmbedder(setting: string, state?: HashedEmbedderState): Promise<Embedder> {
  if (setting === "local") return localEmbedder(state);
  const [provider, model] = setting.split(/:(.*)/s, 2);
  const load = async (pkg: string) => {
    try {
      return await import(pkg);
    } catch {
      throw new Error(`EMBEDDINGS=${provider} needs the optional package ${pkg} (npm install ${pkg}).`);
    }
  };
  if (provider === "openai") {
    const { OpenAIEmbeddings } = await load("@langchain/openai");
    return { info: { id: `openai:${model}`, params: { model } }, embeddings: new OpenAIEmbeddings({ model }) };
  }
  if (provider === "ollama") {
    const { OllamaEmbeddings } = await load("@langchain/ollama");
    return { info: { id: `ollama:${model}`, params: { model } }, embeddings: new OllamaEmbeddings({ model }) };
  }
  throw new Error(`Unknown EMBEDDINGS setting "${setting}": use local, openai:<model> or ollama:<model>.`);
}
