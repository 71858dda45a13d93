/** The job summary and the report are pure functions of the result. */
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../../src/core/summary.js";
import type { VerifyResult } from "../../../src/verify/main.js";
import { verifyReport, verifySummary } from "../../../src/verify/summary.js";

const result: VerifyResult = {
  passed: false,
  durationMs: 20_450,
  failedChecks: ["api"],
  checks: [
    {
      name: "api",
      url: "https://api.example.com/health",
      method: "GET",
      passed: false,
      attempts: 3,
      maxAttempts: 3,
      status: 200,
      latencyMs: 84,
      reason: 'expected $.version == "1.4.2" but got "1.4.1" (attempt 3 of 3)',
      redirects: [],
      history: [],
    },
    {
      name: "web | home",
      url: "https://www.example.com/",
      method: "GET",
      passed: true,
      attempts: 1,
      maxAttempts: 3,
      status: 200,
      latencyMs: 12.3456,
      redirects: [],
      history: [],
      latencyProbe: {
        requests: 100,
        concurrency: 10,
        completed: 100,
        errors: 0,
        errorRate: 0,
        throughput: 512.3456,
        durationMs: 195.1234,
        latencyMs: {
          count: 100,
          min: 3.2,
          mean: 14.1,
          p50: 12.5,
          p90: 25.1,
          p95: 31.25,
          p99: 48.9,
          max: 51.2,
        },
        histogram: [
          { upToMs: 5, count: 10 },
          { upToMs: 10, count: 30 },
          { upToMs: 20, count: 40 },
          { upToMs: 50, count: 19 },
          { upToMs: 100, count: 1 },
        ],
        errorReasons: {},
        passed: true,
        reasons: [],
      },
    },
  ],
};

describe("verify summary", () => {
  it("tables every check with its reason, then each probe's distribution", () => {
    const markdown = renderMarkdown(verifySummary(result));
    expect(markdown).toContain("1 of 2 checks failed: `api`.");
    expect(markdown).toContain(
      '| `api` | ❌ failed | 3 of 3 | 84 ms | expected $.version == "1.4.2" but got "1.4.1" (attempt 3 of 3) |',
    );
    expect(markdown).toContain("| `web \\| home` | ✅ passed | 1 of 3 | 12.3 ms | status 200 |");
    expect(markdown).toContain("### Latency: web | home");
    expect(markdown).toContain(
      "| 100 | 10 | 12.5 ms | 31.3 ms | 48.9 ms | 51.2 ms | 0 (0.0%) | 512.3/s |",
    );
    expect(markdown).toContain("\n  ≤ 20 ms     40 ██████████████████████████████\n");
    expect(markdown).toContain("\n ≤ 100 ms      1 █\n");
  });

  it("says when everything passed", () => {
    const passing = { ...result, passed: true, failedChecks: [], checks: [result.checks[1]!] };
    expect(renderMarkdown(verifySummary(passing))).toContain("All 1 check passed in 20.45 s.");
  });

  it("writes the report as JSON with times rounded to microseconds", () => {
    const report = JSON.parse(verifyReport(result)) as VerifyResult;
    expect(report.checks[1]!.latencyMs).toBe(12.346);
    expect(report.checks[1]!.latencyProbe!.throughput).toBe(512.346);
    expect(report.failedChecks).toEqual(["api"]);
  });
});
