/** Exact percentiles, the probe's accounting, and threshold verdicts. */
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/core/clock.js";
import { parseChecksText } from "../../../src/verify/check-sources.js";
import { BUILT_IN_DEFAULTS } from "../../../src/verify/check-spec.js";
import { runLatencyProbe } from "../../../src/verify/latency-probe.js";
import { distribution, histogram, percentile } from "../../../src/verify/percentiles.js";
import type { Behaviour } from "../../helpers/fake-http.js";
import { drive, fakeHttp } from "../../helpers/fake-http.js";

describe("percentiles", () => {
  it("uses the nearest rank over every recorded value", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 51)).toBe(3);
    expect(Number.isNaN(percentile([], 50))).toBe(true);
  });

  it("summarises a distribution and buckets it 1-2-5", () => {
    const values = [0.4, 0.9, 3, 3, 4, 12, 180, 950];
    const d = distribution([...values].reverse());
    expect(d).toMatchObject({ count: 8, min: 0.4, p50: 3, p90: 950, max: 950 });
    expect(histogram(values)).toEqual([
      { upToMs: 1, count: 2 },
      { upToMs: 2, count: 0 },
      { upToMs: 5, count: 3 },
      { upToMs: 10, count: 0 },
      { upToMs: 20, count: 1 },
      { upToMs: 50, count: 0 },
      { upToMs: 100, count: 0 },
      { upToMs: 200, count: 1 },
      { upToMs: 500, count: 0 },
      { upToMs: 1000, count: 1 },
    ]);
  });
});

const URL = "http://api.test/health";

async function probe(latency: string, behaviours: Behaviour[]) {
  const clock = new ManualClock(0);
  const http = fakeHttp(clock, { [URL]: behaviours });
  const [check] = parseChecksText(
    `- {url: "${URL}", timeout: 1s, latency: ${latency}}`,
    { label: "test" },
    BUILT_IN_DEFAULTS,
    {
      env: {},
      onSecret: () => undefined,
    },
  );
  const report = await drive(
    clock,
    runLatencyProbe(check!, { send: http.send, clock, now: () => clock.now().getTime() }),
  );
  return { report, calls: http.calls };
}

describe("the latency probe", () => {
  it("sends N requests at concurrency C and measures each", async () => {
    // Ten slots at once: 40 requests of 100 ms take 400 ms.
    const { report, calls } = await probe("{requests: 40, concurrency: 10, p95: 150ms}", [
      { status: 200, delayMs: 100 },
    ]);
    expect(calls).toHaveLength(40);
    expect(calls.filter((c) => c.at === 0)).toHaveLength(10);
    expect(report).toMatchObject({
      requests: 40,
      concurrency: 10,
      completed: 40,
      errors: 0,
      errorRate: 0,
      passed: true,
    });
    expect(report.durationMs).toBe(400);
    expect(report.throughput).toBe(100);
    expect(report.latencyMs).toMatchObject({ p50: 100, p95: 100, p99: 100 });
  });

  it("fails percentiles above their limits, naming the load", async () => {
    const slow: Behaviour[] = [
      ...Array.from({ length: 18 }, () => ({ status: 200, delayMs: 100 })),
      { status: 200, delayMs: 900 },
      { status: 200, delayMs: 900 },
    ];
    const { report } = await probe(
      "{requests: 20, concurrency: 1, p50: 1s, p95: 500ms, p99: 800ms}",
      slow,
    );
    expect(report.passed).toBe(false);
    expect(report.reasons).toEqual([
      "p95 latency 900 ms is above the 500 ms limit (20 requests at concurrency 1)",
      "p99 latency 900 ms is above the 800 ms limit (20 requests at concurrency 1)",
    ]);
  });

  it("counts errors and wrong statuses, and fails an error rate above the limit", async () => {
    const behaviours: Behaviour[] = [
      { status: 200 },
      { status: 503 },
      { fail: "connection reset by the server" },
      { status: 200 },
    ];
    const { report } = await probe("{requests: 4, concurrency: 1, max-error-rate: 1%}", behaviours);
    expect(report).toMatchObject({ completed: 3, errors: 2, errorRate: 0.5 });
    expect(report.reasons).toEqual([
      "error rate 50.0% is above the 1.0% limit (2 of 4 failed: status 503 ×1, connection reset by the server ×1)",
    ]);
  });

  it("times out a request that hangs and fails a probe nothing answered", async () => {
    const { report } = await probe("{requests: 3, concurrency: 3}", [{ hang: true }]);
    expect(report.reasons).toEqual([
      "no request of the 3 requests at concurrency 3 was answered (no response within 1 s ×3)",
    ]);
  });

  it("fails a throughput below the minimum", async () => {
    const { report } = await probe("{requests: 10, concurrency: 1, min-throughput: 50}", [
      { status: 200, delayMs: 100 },
    ]);
    expect(report.reasons).toEqual([
      "throughput 10.0 requests/s is below the 50 requests/s minimum (10 requests at concurrency 1)",
    ]);
  });
});
