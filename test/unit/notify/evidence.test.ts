/** The evidence input: plain lines, or promote's and rollback's JSON records as readable lines. */
import { describe, expect, it } from "vitest";
import { toRunnable } from "../../../src/core/action.js";
import { evidenceLines } from "../../../src/notify/evidence.js";
import { notifyAction } from "../../../src/notify/definition.js";
import { tempDir, testContext } from "../../helpers/run-context.js";

describe("evidence", () => {
  it("keeps plain lines", () => {
    expect(evidenceLines("error rate 4.2% (limit 1%)\n\n  p95 900 ms  \n")).toEqual([
      "error rate 4.2% (limit 1%)",
      "p95 900 ms",
    ]);
  });

  it("reads promote's evidence record", () => {
    const record = {
      decision: "rollback",
      reason: "error-rate failed 3 times",
      environment: "production",
      weights: { "api-blue": 100, "api-green": 0 },
      analyses: [
        {
          name: "error-rate",
          kind: "prometheus",
          query: "sum(rate(...))",
          measured: "4.2%",
          value: 0.042,
          threshold: "< 1%",
          verdict: "failed",
          reason: "above",
        },
        {
          name: "p95",
          kind: "prometheus",
          query: "histogram_quantile(...)",
          measured: "180 ms",
          threshold: "< 300 ms",
          verdict: "passed",
          reason: "ok",
        },
      ],
      at: "2026-05-05T08:00:00Z",
    };
    expect(evidenceLines(JSON.stringify(record))).toEqual([
      "rollback: error-rate failed 3 times",
      "weights: api-blue 100, api-green 0",
      "error-rate: 4.2% (threshold < 1%) — failed",
      "p95: 180 ms (threshold < 300 ms) — passed",
    ]);
  });

  it("reads rollback's evidence record", () => {
    const record = {
      operation: "restore",
      reason: "bad release",
      environment: "production",
      services: ["api"],
      weights: { "api-blue": 100 },
      release: { commit: "abc123", side: "blue" },
      at: "2026-05-05T08:00:00Z",
    };
    expect(evidenceLines(JSON.stringify(record))).toEqual([
      "restore: bad release",
      "weights: api-blue 100",
      "release: commit abc123, side blue",
    ]);
  });

  it("reads a record on a line of its own among plain lines", () => {
    const record = { operation: "rolled-back", reason: "error rate above 5%", weights: { api: 0 } };
    expect(
      evidenceLines(`${JSON.stringify(record)}\nstable side verify: failed (health)\n`),
    ).toEqual([
      "rolled-back: error rate above 5%",
      "weights: api 0",
      "stable side verify: failed (health)",
    ]);
  });

  it("reads a JSON list, and text that only looks like JSON", () => {
    expect(evidenceLines('["a", {"k": 1}]')).toEqual(["a", "k: 1"]);
    expect(evidenceLines("[not json")).toEqual(["[not json"]);
  });
});

describe("the default config file, named explicitly", () => {
  it("is optional, as reusable workflows pass it whether or not it exists", async () => {
    const { context } = testContext(tempDir());
    const run = toRunnable(notifyAction).execute(
      {
        status: "started",
        environment: "qa",
        "config-file": ".github/greenlight.yml",
        "pagerduty-routing-key": "R0UTINGKEY0123",
      },
      context,
    );
    // A deploy that started sends nothing to PagerDuty, so nothing leaves the machine.
    await expect(run).resolves.toMatchObject({ outputs: { delivered: "[]", failed: "[]" } });
  });
});
