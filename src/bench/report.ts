/**
 * Turning the figures into what a reader checks: ours against the baseline, each performance
 * target met or not, and a plain-text table for stdout (the JSON line follows it).
 */
import { TARGET_RATE } from "./adapters.js";
import type { BaselineFigures } from "./baseline.js";
import type { BurstFigures } from "./burst.js";
import type { BenchFigures } from "./index.js";
import type { LatencyFigures } from "./latency.js";
import { ratio, round } from "./stats.js";

/** A part's figures, or why it failed. */
export type Outcome<T> = T | { error: string };

export const failed = <T extends object>(o: Outcome<T>): o is { error: string } => "error" in o;

export interface Comparison {
  recall1: { ours: number; baseline: number; ratio: number | null };
  recall3: { ours: number; baseline: number; baselineLenient: number; ratio: number | null; ratioLenient: number | null };
  mrr: { ours: number; baseline: number };
  refusalAccuracy: { ours: number | null; baseline: number | null };
  p50Ms: { ours: number; baseline: number; ratio: number | null; differenceMs: number };
  p95Ms: { ours: number; baseline: number; ratio: number | null };
}

export function comparison(ours: LatencyFigures, base: BaselineFigures): Comparison {
  const q = ours.quality;
  return {
    recall1: { ours: q.recall1, baseline: base.recall1, ratio: ratio(q.recall1, base.recall1) },
    recall3: { ours: q.recall3, baseline: base.recall3, baselineLenient: base.recall3Lenient, ratio: ratio(q.recall3, base.recall3), ratioLenient: ratio(q.recall3, base.recall3Lenient) },
    mrr: { ours: q.mrr, baseline: base.mrr },
    refusalAccuracy: { ours: q.refusalAccuracy, baseline: base.refusalAccuracy },
    p50Ms: { ours: ours.ms.p50, baseline: base.ms.p50, ratio: ratio(ours.ms.p50, base.ms.p50), differenceMs: round(ours.ms.p50 - base.ms.p50) },
    p95Ms: { ours: ours.ms.p95, baseline: base.ms.p95, ratio: ratio(ours.ms.p95, base.ms.p95) },
  };
}

export interface TargetCheck {
  target: string;
  measured: string;
  /** null when the part that measures it failed. */
  met: boolean | null;
}

/** Heap and RSS growth (after a full GC) over the latency run that still counts as "no growth". */
const GROWTH_MB = 5;

export function targets(f: BenchFigures): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const check = (target: string, measured: string | null, met: boolean | null) => checks.push({ target, measured: measured ?? "failed", met: measured === null ? null : met });
  check("full ingestion ≤ 3 s", `${f.ingest.full.wallMs} ms`, f.ingest.full.wallMs <= 3000);
  check("no-change re-run ≤ 0.5 s", `${f.ingest.rerun.wallMs} ms`, f.ingest.rerun.wallMs <= 500);
  const cs = f.coldStart;
  check("cold start to first answer ≤ 1.5 s", failed(cs) ? null : `${cs.medianMs} ms`, !failed(cs) && cs.medianMs <= 1500);
  const lat = f.latency;
  check("answer p95 ≤ 15 ms", failed(lat) ? null : `${lat.ms.p95} ms`, !failed(lat) && lat.ms.p95 <= 15);
  if (!failed(lat)) {
    // Heap growth is what a leak in the bot's own objects looks like; RSS rises during warm-up
    // (JIT, allocator arenas) and must then stay flat, so its growth is taken over the second half.
    const heap = round(lat.heapAfterMb - lat.heapBeforeMb, 1);
    const curve = lat.rssCurveMb;
    const late = round(curve[curve.length - 1] - curve[Math.floor(curve.length / 2)], 1);
    const signed = (x: number) => `${x >= 0 ? "+" : ""}${x} MB`;
    check(`no growth over ${lat.answers} answers (after GC: heap, and RSS over the second half, ≤ ${GROWTH_MB} MB)`, `heap ${signed(heap)}, RSS ${signed(late)}`, heap <= GROWTH_MB && late <= GROWTH_MB);
  } else check("no growth over 2,000 answers", null, null);
  const ad = f.adapters;
  // Judged on the RSS of the bot at work after every run; the peak (reached while a whole burst is
  // in flight at once) is shown beside it.
  check(
    "RSS ≤ 200 MB with both adapters running",
    failed(ad) ? null : `${ad.memory.afterDiscord.rssMb} MB after all runs (peak ${ad.memory.peakRssMb} MB during the bursts)`,
    !failed(ad) && ad.memory.afterDiscord.rssMb <= 200,
  );
  if (!failed(ad)) {
    const tg = ad.telegram;
    const at = tg.atTarget!;
    check(`Telegram ≥ ${TARGET_RATE} answers/s`, `${tg.burst.answersPerSec}/s (${tg.burst.questions} questions from ${tg.burst.users} users at once)`, tg.burst.answersPerSec >= TARGET_RATE);
    check("Telegram p95 update→sendMessage ≤ 100 ms", `${at.latencyMs.p95} ms at ${at.offeredPerSec}/s offered (${tg.atHalfCapacity.latencyMs.p95} ms at ${tg.atHalfCapacity.offeredPerSec}/s)`, at.latencyMs.p95 <= 100);
    for (const [name, runs] of [["Telegram", tg], ["Discord /ask", ad.discord]] as const) {
      const all: BurstFigures[] = [runs.burst, runs.atHalfCapacity, ...(runs.atTarget ? [runs.atTarget] : [])];
      const sum = (k: "questions" | "missing" | "duplicated" | "otherReplies" | "strays") => all.reduce((s, r) => s + r[k], 0);
      check(`${name}: every question answered exactly once`, `${sum("questions")} questions: ${sum("missing")} missing, ${sum("duplicated")} doubled, ${sum("otherReplies") + sum("strays")} other`, all.every((r) => r.exactlyOnce));
    }
  } else {
    check("Telegram ≥ 300 answers/s, p95 ≤ 100 ms, exactly once; Discord exactly once", null, null);
  }
  const c = f.comparison;
  check("recall@3 ≥ 1.3 × baseline", c ? `${c.recall3.ours} vs ${c.recall3.baseline} (× ${c.recall3.ratio ?? "∞"})` : null, !!c && (c.recall3.ratio === null ? c.recall3.ours > 0 : c.recall3.ratio >= 1.3));
  check("p50 ≤ baseline p50 + 5 ms", c ? `${c.p50Ms.ours} ms vs ${c.p50Ms.baseline} ms` : null, !!c && c.p50Ms.ours <= c.p50Ms.baseline + 5);
  return checks;
}

// ---- the table -----------------------------------------------------------------------------

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd()).join("\n");
}

const ms = (x: number) => `${x} ms`;
const or = <T extends object>(o: T | { error: string }, f: (x: T) => string[][]): string[][] => ("error" in o ? [["  failed: " + o.error.split("\n")[0].slice(0, 100), "", ""]] : f(o));

export function renderTable(f: BenchFigures): string {
  const out: string[] = [];
  out.push(`convention-bot benchmark — ${f.run.quick ? "quick" : "full"} run, ${f.run.questions} dev questions, ${f.run.seconds} s`);
  out.push(`${f.machine.platform}, Node ${f.machine.node}, ${f.machine.cpus} × ${f.machine.cpu}, ${f.machine.memoryGb} GB`);
  out.push("");
  const rows: string[][] = [];
  const i = f.ingest;
  rows.push(["Ingestion (own process, fork → exit)", "wall", "peak RSS"]);
  rows.push([`  full build: ${i.full.chunks} chunks, ${i.full.articles} articles (in process ${i.full.buildSeconds} s)`, ms(i.full.wallMs), `${i.full.peakRssMb} MB`]);
  rows.push(["  no-change re-run", ms(i.rerun.wallMs), `${i.rerun.peakRssMb} MB`]);
  rows.push(...or(f.coldStart, (c) => [
    [`Cold start to first answer (median of ${c.spawns})`, ms(c.medianMs), `${c.peakRssMb} MB`],
    [`  node ${c.breakdown.bootMs} + imports ${c.breakdown.importMs} + index ${c.breakdown.loadMs} + answer ${c.breakdown.answerMs} ms; range`, `${c.minMs}–${c.maxMs} ms`, ""],
  ]));
  rows.push(...or(f.latency, (l) => [
    [`Answer latency in process (${l.answers} answers)`, "p50 / p95 / p99", "RSS before → after"],
    ["  ours: extractive, local embedder", `${l.ms.p50} / ${l.ms.p95} / ${l.ms.p99} ms`, `${l.rssBeforeMb} → ${l.rssAfterMb} MB`],
    [`  after GC: heap ${l.heapBeforeMb} → ${l.heapAfterMb} MB; RSS at 0/25/50/75/100 %`, "", l.rssCurveMb.join("/")],
  ]));
  rows.push(...or(f.baseline, (b) => [[`  baseline: naive LangChain RAG (${b.chunks} chunks, built in ${b.buildSeconds} s)`, `${b.ms.p50} / ${b.ms.p95} / ${b.ms.p99} ms`, `${b.peakRssMb} MB peak`]]));
  rows.push(...or(f.adapters, (a) => {
    const line = (name: string, x: BurstFigures | undefined) =>
      x ? [`  ${name}: ${x.questions} questions ${x.offeredPerSec ? `at ${x.offeredPerSec}/s` : `from ${x.users} users at once`}`, `${x.answersPerSec}/s`, `${x.latencyMs.p50} / ${x.latencyMs.p95} ms`, x.exactlyOnce ? "yes" : "NO"] : [];
    return [
      ["End to end through the fakes (both adapters in one process)", "answers/s", "p50 / p95 update→answer", "exactly once"],
      line("Telegram burst", a.telegram.burst),
      line("Telegram paced", a.telegram.atTarget),
      line("Telegram paced", a.telegram.atHalfCapacity),
      line("Discord /ask burst", a.discord.burst),
      line("Discord /ask paced", a.discord.atHalfCapacity),
      ["  bot process RSS: ready → after Telegram → after Discord", `${a.memory.readyRssMb} → ${a.memory.afterTelegram.rssMb} → ${a.memory.afterDiscord.rssMb} MB`, `${a.memory.peakRssMb} MB peak`],
      ["  the same after a full GC (JS heap at the end)", `${a.memory.afterTelegram.settledRssMb} → ${a.memory.afterDiscord.settledRssMb} MB`, `heap ${a.memory.heapMb} MB`],
    ].filter((r) => r.length);
  }));
  rows.push(...or(f.llm, (l) => [
    [`LLM path, fake server streaming ${l.tokens} tokens at ${l.tokenDelayMs} ms each (${l.answers} answers)`, "p50 / p95", ""],
    ["  question → first grounded text (onPartial)", `${l.firstPartialMs.p50} / ${l.firstPartialMs.p95} ms`, `${l.partialsPerAnswer} drafts/answer`],
    ["  model's first token → first grounded text (the first sentence must end)", `${l.firstTokenToPartialMs.p50} / ${l.firstTokenToPartialMs.p95} ms`, ""],
    ["  question → final answer; the model's own time", `${l.totalMs.p50} ms; ${l.modelMs.p50} ms`, `${l.fallbacks} extractive`],
    ["  overhead of the LLM path over the model's time", `${l.overheadMs.p50} / ${l.overheadMs.p95} ms`, ""],
  ]));
  out.push(table(rows.map((r) => [...r, "", ""].slice(0, 4))));
  if (f.comparison) {
    const c = f.comparison;
    out.push("");
    out.push(table([
      ["Ours vs baseline (same questions, same embedder)", "ours", "baseline", "ours/baseline"],
      ["  recall@1", String(c.recall1.ours), String(c.recall1.baseline), `× ${c.recall1.ratio ?? "∞"}`],
      ["  recall@3", String(c.recall3.ours), String(c.recall3.baseline), `× ${c.recall3.ratio ?? "∞"}`],
      ["  recall@3, baseline counting any shared text", String(c.recall3.ours), String(c.recall3.baselineLenient), `× ${c.recall3.ratioLenient ?? "∞"}`],
      ["  MRR", String(c.mrr.ours), String(c.mrr.baseline), ""],
      ["  out-of-scope questions refused", String(c.refusalAccuracy.ours ?? "-"), String(c.refusalAccuracy.baseline ?? "-"), ""],
      ["  p50 latency", ms(c.p50Ms.ours), ms(c.p50Ms.baseline), `× ${c.p50Ms.ratio ?? "∞"} (${c.p50Ms.differenceMs >= 0 ? "+" : ""}${c.p50Ms.differenceMs} ms)`],
      ["  p95 latency", ms(c.p95Ms.ours), ms(c.p95Ms.baseline), `× ${c.p95Ms.ratio ?? "∞"}`],
    ]));
  }
  out.push("");
  out.push(table([["Targets", "measured", "met"], ...f.targets.map((t) => [t.target, t.measured, t.met === null ? "n/a" : t.met ? "yes" : "NO"])]));
  return out.join("\n");
}
