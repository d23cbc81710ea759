/** Small numeric helpers for the benchmark's figures (nearest-rank percentiles, rounding, units). */

/** Nearest-rank percentile (p in 0..100) of unsorted samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export interface Spread {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** p50/p95/p99/max of millisecond samples, rounded to 0.01 ms. */
export function spread(ms: readonly number[]): Spread {
  return { p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), p99: round(percentile(ms, 99)), max: round(percentile(ms, 100)) };
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Bytes to MB (10^6, as `ps` and most dashboards show it), one decimal. */
export const mb = (bytes: number) => round(bytes / 1e6, 1);

/** `process.resourceUsage().maxRSS` is in kilobytes (KiB on Linux). */
export const peakRssMb = () => mb(process.resourceUsage().maxRSS * 1024);

/** A ratio rounded to two decimals, or null when the denominator is zero. */
export const ratio = (a: number, b: number) => (b ? round(a / b) : null);
