import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../../src/core/summary.js";
import { evidenceCommitLines, evidenceMarkdown } from "../../../src/promote/evidence.js";
import type { EvidenceRecord } from "../../../src/promote/evidence.js";
import type { PromoteResult } from "../../../src/promote/main.js";
import { promoteSummary } from "../../../src/promote/summary.js";

const record: EvidenceRecord = {
  decision: "rollback",
  reason: "analysis failed: errors (3 failing measurements, more than the failure limit of 2)",
  environment: "production",
  weights: { api: 0 },
  at: "2026-01-01T12:00:00.000Z",
  analyses: [
    {
      name: "errors",
      kind: "prometheus",
      query: 'sum(rate(http_requests_total{code=~"5..|429"}[1m]))',
      measured: "0.2 (latest); 3 of 10 measurements failing",
      value: 0.2,
      threshold: "failure: result > 0.05",
      verdict: "failed",
      reason: "3 failing measurements, more than the failure limit of 2",
    },
  ],
};

describe("promote evidence", () => {
  it("shows each analysis's query, measured value, threshold and verdict, with pipes escaped", () => {
    const markdown = evidenceMarkdown(record);
    expect(markdown).toContain("### Evidence");
    expect(markdown).toContain("**Decision:** rollback — analysis failed");
    expect(markdown).toContain("| Analysis | Query | Measured | Threshold | Verdict |");
    expect(markdown).toContain('`sum(rate(http_requests_total{code=~"5..\\|429"}[1m]))`');
    expect(markdown).toContain(
      "| 0.2 (latest); 3 of 10 measurements failing | failure: result > 0.05 | ❌ failed",
    );
    expect(evidenceCommitLines(record)).toBe(
      [
        "Decision: rollback (analysis failed: errors (3 failing measurements, more than the failure limit of 2))",
        '- errors: failed; measured 0.2 (latest); 3 of 10 measurements failing; threshold failure: result > 0.05; query sum(rate(http_requests_total{code=~"5..|429"}[1m]))',
      ].join("\n"),
    );
  });

  it("puts the decision, weights, bake start and pull request in the job summary", () => {
    const result: PromoteResult = {
      decision: "advance",
      reason: "10% baked for 5m and every analysis passed",
      services: ["api"],
      weights: { api: 50 },
      landed: {
        outcome: "pull-request",
        committed: true,
        pullRequest: { number: 12, url: "https://github.test/acme/infra/pull/12", merged: false },
      },
      evidence: { ...record, decision: "advance", analyses: [] },
      stageStart: new Date("2026-01-01T11:55:00Z"),
    };
    const markdown = renderMarkdown(promoteSummary(result, "acme/infra"));
    expect(markdown).toContain("## promote: advance");
    expect(markdown).toContain("Green weights: api 50%.");
    expect(markdown).toContain("This step reached the base branch at 2026-01-01T11:55:00.000Z.");
    expect(markdown).toContain("[#12](https://github.test/acme/infra/pull/12)");
    expect(markdown).toContain("No analyses gate this step.");
  });
});
