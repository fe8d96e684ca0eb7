/**
 * Output of `npm run bench`: one JSON object per line on stdout, always with exactly these keys in
 * this order, and human notes on stderr.
 *
 *   {"bench":"messages-endpoint","metric":"p95-c20","value":12.3,"unit":"ms","baseline":4.5,"ratio":2.73}
 *
 * `ratio` is always `value / baseline` (see {@link ratio}): for latencies (unit ms) above 1 is slower
 * than the baseline; for throughput (unit req/s) below 1 is fewer requests per second than the
 * baseline; null when undefined (a baseline of 0, e.g. no errors in the baseline). `baseline` is the
 * same metric measured in the same run on the bare botbuilder echo bot, except where a line says
 * otherwise (a target, or an expected value of a correctness check).
 */
import { ratio, round } from './stats';

/** One result line. */
export interface BenchLine {
  bench: string;
  metric: string;
  value: number | null;
  unit: string;
  baseline: number | null;
  ratio: number | null;
}

/** One result line; figures are rounded to 2 decimals, the ratio to 3. */
export function benchLine(
  bench: string,
  metric: string,
  value: number,
  unit: string,
  baseline: number,
): BenchLine {
  return {
    bench,
    metric,
    value: round(value),
    unit,
    baseline: round(baseline),
    ratio: round(ratio(value, baseline) ?? Number.NaN, 3),
  };
}

/** Prints one result line on stdout (see {@link benchLine}). */
export function emit(
  bench: string,
  metric: string,
  value: number,
  unit: string,
  baseline: number,
): BenchLine {
  const line = benchLine(bench, metric, value, unit, baseline);
  process.stdout.write(`${JSON.stringify(line)}\n`);
  return line;
}

/** A human note, on stderr. */
export function note(text: string): void {
  process.stderr.write(`${text}\n`);
}
