import { percentile, ratio, round, summarize, throughput } from '../../bench/lib/stats';

describe('bench stats', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100

  it('percentile uses the nearest rank: always a sample, never an interpolation', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 51)).toBe(30);
    // 300 samples: p99 is the 297th smallest.
    expect(
      percentile(
        Array.from({ length: 300 }, (_, i) => i + 1),
        99,
      ),
    ).toBe(297);
  });

  it('percentile does not depend on the order of the samples, nor reorder them', () => {
    const shuffled = [5, 1, 4, 2, 3];
    expect(percentile(shuffled, 50)).toBe(3);
    expect(percentile(shuffled, 95)).toBe(5);
    expect(shuffled).toEqual([5, 1, 4, 2, 3]);
  });

  it('percentile of one sample is that sample; of none is NaN; p outside (0, 100] throws', () => {
    expect(percentile([7], 1)).toBe(7);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile(hundred, 0)).toThrow(RangeError);
    expect(() => percentile(hundred, 101)).toThrow(RangeError);
  });

  it('summarize gives count, min, mean, p50/p95/p99 and max', () => {
    expect(summarize(hundred)).toEqual({
      count: 100,
      min: 1,
      mean: 50.5,
      p50: 50,
      p95: 95,
      p99: 99,
      max: 100,
    });
    const empty = summarize([]);
    expect(empty.count).toBe(0);
    expect(empty.p95).toBeNaN();
  });

  it('throughput is requests per second of wall-clock time', () => {
    expect(throughput(300, 1500)).toBe(200);
    expect(throughput(10, 0)).toBe(0);
  });

  it('ratio is value / baseline, for latencies and throughput alike, and null when undefined', () => {
    expect(ratio(30, 10)).toBe(3); // 3× slower (latency) or 3× more requests/s (throughput)
    expect(ratio(5, 10)).toBe(0.5);
    expect(ratio(0, 10)).toBe(0);
    expect(ratio(3, 0)).toBeNull(); // e.g. errors with a baseline of no errors
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(Number.NaN, 10)).toBeNull();
    expect(ratio(10, Number.NaN)).toBeNull();
  });

  it('round keeps JSON-safe numbers', () => {
    expect(round(1.23456)).toBe(1.23);
    expect(round(1.23456, 3)).toBe(1.235);
    expect(round(Number.NaN)).toBeNull();
    expect(round(Number.POSITIVE_INFINITY)).toBeNull();
  });
});
