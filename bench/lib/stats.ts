/**
 * Statistics of a benchmark run: latency percentiles, throughput and the ratio to a baseline.
 * Plain functions over numbers, so they are unit-tested (tests/bench/stats.test.ts).
 */

/** Latency figures of one measured phase, in milliseconds. */
export interface LatencySummary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * The `p`-th percentile (0 < p ≤ 100) of `samples` by the nearest-rank method: the smallest sample
 * such that at least p % of the samples are less than or equal to it. Always one of the samples,
 * never an interpolation, so a p99 of 300 samples is the 297th smallest. NaN for no samples.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile: p must be in (0, 100], got ${p}`);
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** Count, min, mean, p50/p95/p99 and max of `samples` (NaN everywhere but count for no samples). */
export function summarize(samples: readonly number[]): LatencySummary {
  if (samples.length === 0) {
    const nan = Number.NaN;
    return { count: 0, min: nan, mean: nan, p50: nan, p95: nan, p99: nan, max: nan };
  }
  const sum = samples.reduce((a, b) => a + b, 0);
  return {
    count: samples.length,
    min: Math.min(...samples),
    mean: sum / samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: Math.max(...samples),
  };
}

/** Requests per second: `completed` requests over `elapsedMs` of wall-clock time (0 for no time). */
export function throughput(completed: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (completed * 1000) / elapsedMs : 0;
}

/**
 * `value / baseline`, the same way for every metric: for latencies above 1 means slower than the
 * baseline; for throughput (requests/s) below 1 means fewer requests per second than the baseline.
 * Null when the ratio is undefined: a zero, negative or non-finite baseline (e.g. 0 errors in the
 * baseline), or a non-finite value.
 */
export function ratio(value: number, baseline: number): number | null {
  if (!Number.isFinite(value) || !Number.isFinite(baseline) || baseline <= 0) return null;
  return value / baseline;
}

/** Rounds for printing: `digits` decimals, NaN/Infinity become null (JSON has no NaN). */
export function round(value: number, digits = 2): number | null {
  if (!Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
