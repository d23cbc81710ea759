/**
 * The baseline: what a user would otherwise build, a naive LangChain RAG over the same sources —
 * the PDF's plain page text (one document per page, as PDF loaders give it) and the news report,
 * split by `RecursiveCharacterTextSplitter` (1,000/200), embedded with the same local embedder
 * (fitted on its own chunks), searched with `HNSWLib` (cosine, the same search breadth as ours),
 * answer = top chunk.
 * Measured in its own process with the same questions: recall@1/3 and latency per answer.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Document } from "@langchain/core/documents";
import { CONVENTION_DOC, NEWS_DOC } from "../core/types.js";
import type { EvalQuestion } from "../eval/evaluate.js";
import type { BenchContext } from "./context.js";
import { ArticleOverlap } from "./overlap.js";
import { post, runPart, type Message } from "./process.js";
import { peakRssMb, round, spread, type Spread } from "./stats.js";

export const K = 3;
/**
 * The search breadth our own index queries with (src/core/index/store.ts). hnswlib's default (10)
 * would make the baseline's search approximate and cost it recall (0.563 instead of 0.625 at
 * recall@3 when this was written): the comparison is about chunking and retrieval, not that knob.
 */
const SEARCH_EF = 128;

export interface BaselineFigures extends Message {
  chunks: number;
  buildSeconds: number;
  answers: number;
  ms: Spread & { mean: number };
  /** In-scope questions, and recall under the strict overlap rule (see overlap.ts). */
  inScope: number;
  recall1: number;
  recall3: number;
  mrr: number;
  /** Recall@3 when any shared text counts, boilerplate included. */
  recall3Lenient: number;
  /** Share of out-of-scope questions refused: a top-chunk answer never refuses. */
  refusalAccuracy: number | null;
  peakRssMb: number;
}

type Source = { source: string; page?: number };

/** The sources as plain documents: the PDF's body lines page by page, text files whole. */
async function plainDocuments(): Promise<Document<Source>[]> {
  const { loadConfig } = await import("../config.js");
  const { buildSettings } = await import("../core/bot.js");
  const { readManifest } = await import("../core/corpus/manifest.js");
  const { obtainSource } = await import("../core/corpus/obtain.js");
  const { readPdf } = await import("../core/corpus/pdf.js");
  const { Document } = await import("@langchain/core/documents");
  const settings = buildSettings(loadConfig(process.env));
  const docs: Document<Source>[] = [];
  for (const entry of await readManifest(settings.corpusDir)) {
    const { bytes } = await obtainSource(entry, settings);
    if (entry.obtain.format === "text") {
      docs.push(new Document({ pageContent: new TextDecoder().decode(bytes), metadata: { source: entry.id } }));
      continue;
    }
    const pdf = await readPdf(bytes);
    for (let page = 1; page <= pdf.pages; page++) {
      const text = pdf.body.filter((l) => l.page === page).map((l) => l.text).join("\n");
      if (text.trim()) docs.push(new Document({ pageContent: text, metadata: { source: entry.id, page } }));
    }
  }
  return docs;
}

/** The articles' text, from the index the bot serves (to tell which article a chunk is from). */
async function articleOverlap(): Promise<ArticleOverlap> {
  const { loadConfig } = await import("../config.js");
  const { readCurrent } = await import("../core/index/store.js");
  const indexDir = loadConfig(process.env).indexDir;
  const version = await readCurrent(indexDir);
  if (!version) throw new Error("no index to compare the baseline with (the ingestion part builds it)");
  return new ArticleOverlap(JSON.parse(await fs.readFile(path.join(indexDir, version, "sections.json"), "utf8")));
}

/** Rank (1-based) of the first of `top` chunks satisfying the question's expectation, or null. */
function rankOf(q: EvalQuestion, top: Document<Source>[], overlap: ArticleOverlap, rule: "strict" | "lenient"): number | null {
  const e = q.expect;
  const i = top.findIndex((d) =>
    e.doc === "convention" ? d.metadata.source === CONVENTION_DOC && overlap.hits(d.pageContent, e.articles, rule)
      : e.doc === "news" ? d.metadata.source === NEWS_DOC
        : e.doc === "any",
  );
  return i < 0 ? null : i + 1;
}

/** Child side: `args` = questions file, number of answers. */
export async function measure([file, count]: string[]): Promise<void> {
  const { readQuestions } = await import("../eval/evaluate.js");
  const questions = readQuestions(file);
  const started = performance.now();
  const { RecursiveCharacterTextSplitter } = await import("@langchain/textsplitters");
  const { HNSWLib } = await import("@langchain/community/vectorstores/hnswlib");
  const { HashedNgramEmbeddings } = await import("../core/index/embeddings.js");
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  const chunks = (await splitter.splitDocuments(await plainDocuments())) as Document<Source>[];
  const embeddings = new HashedNgramEmbeddings();
  embeddings.fit(chunks.map((c) => c.pageContent));
  const store = await HNSWLib.fromDocuments(chunks, embeddings); // cosine
  store.index.setEf(SEARCH_EF);
  const buildSeconds = round((performance.now() - started) / 1000);
  const answer = async (question: string) => (await store.similaritySearch(question, K))[0]?.pageContent ?? "";

  // Quality (also the warm-up): the top K chunks of each question.
  const overlap = await articleOverlap();
  const inScope = questions.filter((q) => q.expect.doc !== "none");
  const strict: (number | null)[] = [];
  const lenient: (number | null)[] = [];
  for (const q of inScope) {
    const top = (await store.similaritySearch(q.question, K)) as Document<Source>[];
    strict.push(rankOf(q, top, overlap, "strict"));
    lenient.push(rankOf(q, top, overlap, "lenient"));
  }
  const share = (ranks: (number | null)[], k: number) => round(ranks.filter((r) => r !== null && r <= k).length / (ranks.length || 1), 3);
  const outOfScope = questions.length - inScope.length;

  const total = Math.ceil(Number(count) / questions.length) * questions.length;
  const times = new Float64Array(total);
  for (let i = 0; i < total; i++) {
    const t = performance.now();
    await answer(questions[i % questions.length].question);
    times[i] = performance.now() - t;
  }
  const all = Array.from(times);
  await post({
    type: "result", chunks: chunks.length, buildSeconds, answers: total, ms: { ...spread(all), mean: round(all.reduce((s, x) => s + x, 0) / total) },
    inScope: inScope.length, recall1: share(strict, 1), recall3: share(strict, 3), mrr: round(strict.reduce((s: number, r) => s + (r ? 1 / r : 0), 0) / (strict.length || 1), 3),
    recall3Lenient: share(lenient, 3), refusalAccuracy: outOfScope ? 0 : null, peakRssMb: peakRssMb(),
  } satisfies BaselineFigures);
}

export async function benchBaseline(ctx: BenchContext): Promise<BaselineFigures> {
  const answers = ctx.quick ? 300 : 2000;
  const { result } = await runPart<BaselineFigures>("baseline", { env: ctx.env("baseline"), args: [ctx.questionsFile, String(answers)] });
  ctx.progress(`  ${result.chunks} chunks; recall@3 ${result.recall3}; p50 ${result.ms.p50} ms`);
  return result;
}
