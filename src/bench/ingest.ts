/**
 * Ingestion: a full build from the PDF (parse, chunk, embed, index, save) into an empty index
 * directory, then a re-run over the unchanged corpus, each in its own `node` process. Wall time
 * is from fork to exit (Node's start-up and module loading included); peak RSS is the child's own.
 */
import path from "node:path";
import type { BenchContext } from "./context.js";
import { post, runPart, type Message } from "./process.js";
import { median, peakRssMb, round } from "./stats.js";

interface IngestResult extends Message {
  outcome: string;
  seconds: number;
  chunks: number;
  articles: number;
  documents: number;
  version: string;
  peakRssMb: number;
}

export interface IngestFigures {
  runs: number;
  full: { wallMs: number; buildSeconds: number; peakRssMb: number; chunks: number; articles: number; documents: number; version: string };
  rerun: { wallMs: number; peakRssMb: number; outcome: string };
}

/** Child side: one `buildIndex` as `npm run ingest` runs it. */
export async function measure(): Promise<void> {
  const { loadConfig } = await import("../config.js");
  const { buildSettings } = await import("../core/bot.js");
  const { buildIndex } = await import("../core/index/build.js");
  const s = await buildIndex(buildSettings(loadConfig(process.env)));
  await post({ type: "result", outcome: s.outcome, seconds: s.seconds, chunks: s.chunks, articles: s.articles, documents: s.documents, version: s.version, peakRssMb: peakRssMb() });
}

export async function benchIngest(ctx: BenchContext): Promise<IngestFigures> {
  const runs = ctx.quick ? 1 : 3;
  const full: { wallMs: number; result: IngestResult }[] = [];
  for (let i = 0; i < runs; i++) {
    // The first build is the index the other parts answer from; the repeats build into fresh directories.
    const indexDir = i === 0 ? ctx.indexDir : path.join(ctx.tmp, `ingest-${i}`, "index");
    full.push(await runPart<IngestResult>("ingest", { env: ctx.env(`ingest-${i}`, { INDEX_DIR: indexDir }) }));
    const built = full[i].result;
    if (built.outcome !== "built") throw new Error(`a build into an empty directory reported "${built.outcome}"`);
    ctx.progress(`  full build ${i + 1}/${runs}: ${Math.round(full[i].wallMs)} ms`);
  }
  const rerun: { wallMs: number; result: IngestResult }[] = [];
  for (let i = 0; i < runs; i++) {
    rerun.push(await runPart<IngestResult>("ingest", { env: ctx.env(`ingest-rerun-${i}`) }));
    if (rerun[i].result.outcome !== "unchanged") throw new Error(`a re-run over the unchanged corpus reported "${rerun[i].result.outcome}"`);
    ctx.progress(`  no-change re-run ${i + 1}/${runs}: ${Math.round(rerun[i].wallMs)} ms`);
  }
  const first = full[0].result;
  return {
    runs,
    full: {
      wallMs: round(median(full.map((r) => r.wallMs)), 0),
      buildSeconds: round(median(full.map((r) => r.result.seconds))),
      peakRssMb: Math.max(...full.map((r) => r.result.peakRssMb)),
      chunks: first.chunks,
      articles: first.articles,
      documents: first.documents,
      version: first.version,
    },
    rerun: { wallMs: round(median(rerun.map((r) => r.wallMs)), 0), peakRssMb: Math.max(...rerun.map((r) => r.result.peakRssMb)), outcome: rerun[0].result.outcome },
  };
}
