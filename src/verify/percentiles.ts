/**
 * Exact percentiles from every recorded latency (no sampling, no bucketing error): the
 * nearest-rank method, the same rule HDR histograms and wrk apply to their counts.
 */

/** The p-th percentile (0 < p ≤ 100) of ascending `sorted`: the smallest value with at least p% at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface Distribution {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((total, v) => total + v, 0);
  return {
    count: sorted.length,
    min: sorted[0] ?? Number.NaN,
    mean: sorted.length > 0 ? sum / sorted.length : Number.NaN,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

export interface HistogramBucket {
  /** Upper bound in milliseconds (inclusive); the last bucket is open-ended. */
  upToMs: number;
  count: number;
}

const BOUNDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 30_000, 60_000];

/** Counts per 1-2-5 bucket, from the first non-empty bucket to the last. */
export function histogram(values: readonly number[]): HistogramBucket[] {
  const buckets = [...BOUNDS, Number.POSITIVE_INFINITY].map((upToMs) => ({ upToMs, count: 0 }));
  for (const value of values) buckets.find((b) => value <= b.upToMs)!.count++;
  const first = buckets.findIndex((b) => b.count > 0);
  const last = buckets.length - 1 - [...buckets].reverse().findIndex((b) => b.count > 0);
  return first < 0 ? [] : buckets.slice(first, last + 1);
}
