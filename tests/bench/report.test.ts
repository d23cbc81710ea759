/**
 * The benchmark's table speaks to its readers: the targets section is headed "Targets" (not
 * after an issue number nobody outside the project knows), and a part that failed shows as such.
 */
import { describe, expect, it } from "vitest";
import type { BenchFigures } from "../../src/bench/index.js";
import { renderTable, targets } from "../../src/bench/report.js";

function figures(): BenchFigures {
  const f: BenchFigures = {
    machine: { node: "v20.20.2", platform: "linux x64", cpus: 2, cpu: "test CPU", memoryGb: 24 },
    run: { quick: true, questions: 35, at: "2026-11-30T00:00:00.000Z", seconds: 33 },
    ingest: {
      runs: 1,
      full: { wallMs: 1430, buildSeconds: 1.1, peakRssMb: 173, chunks: 400, articles: 68, documents: 2, version: "0123456789abcdef" },
      rerun: { wallMs: 380, peakRssMb: 120, outcome: "unchanged" },
    },
    coldStart: { error: "child exited" },
    latency: { error: "child exited" },
    baseline: { error: "child exited" },
    adapters: { error: "child exited" },
    llm: { error: "child exited" },
    comparison: null,
    targets: [],
  };
  f.targets = targets(f);
  return f;
}

describe("renderTable", () => {
  it('heads the targets "Targets", with each one met, missed or not measured', () => {
    const lines = renderTable(figures()).split("\n");
    const head = lines.findIndex((l) => l.startsWith("Targets"));
    expect(head).toBeGreaterThan(0);
    expect(lines[head]).toMatch(/^Targets\s+measured\s+met$/);
    expect(lines.join("\n")).not.toMatch(/issue \d/i);
    expect(lines[head + 1]).toMatch(/^full ingestion ≤ 3 s\s+1430 ms\s+yes$/);
    expect(lines.some((l) => /^answer p95 ≤ 15 ms\s+failed\s+n\/a$/.test(l))).toBe(true);
  });
});
