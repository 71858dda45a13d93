import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../../src/core/summary.js";
import { evidenceCommitLines, evidenceMarkdown } from "../../../src/promote/evidence.js";
import type { EvidenceRecord } from "../../../src/promote/evidence.js";
import type { PromoteResult } from "../../../src/promote/main.js";
import { promoteOutputs, promoteSummary } from "../../../src/promote/summary.js";
import { releaseOn } from "../../../src/release/release-state.js";

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

  it("names the release in the outputs and the summary: version, services, images", () => {
    const digest = `sha256:${"ab".repeat(32)}`;
    const release = releaseOn({
      services: [
        {
          name: "api",
          weighted: true,
          blueImage: "reg.test/api:1.0",
          greenImage: "reg.test/api:1.1",
        },
        {
          name: "web",
          weighted: true,
          blueImage: "reg.test/web:1.0",
          greenImage: "reg.test/web:1.1",
        },
        {
          name: "worker",
          weighted: false,
          blueImage: "reg.test/worker:1.0",
          greenImage: `reg.test/worker@${digest}`,
        },
        // Blue and green alike: not part of the release.
        {
          name: "cron",
          weighted: false,
          blueImage: "reg.test/cron:0.9",
          greenImage: "reg.test/cron:0.9",
        },
      ],
    })!;
    expect(release).toEqual({
      version: `1.1, ${digest}`,
      images: {
        api: "reg.test/api:1.1",
        web: "reg.test/web:1.1",
        worker: `reg.test/worker@${digest}`,
      },
    });
    const result: PromoteResult = {
      decision: "hold",
      reason: "no traffic",
      services: ["api", "web"],
      weights: { api: 10, web: 10 },
      release,
      evidence: { ...record, decision: "hold", analyses: [] },
    };
    expect(promoteOutputs(result)).toEqual({
      decision: "hold",
      version: `1.1, ${digest}`,
      services: "api, web, worker",
      images: JSON.stringify(release.images),
      weights: JSON.stringify({ api: 10, web: 10 }),
      "pull-request-url": "",
      landed: "false",
      evidence: JSON.stringify(result.evidence),
    });
    expect(renderMarkdown(promoteSummary(result, "acme/infra"))).toContain(
      `Release 1.1, ${digest}: api \`reg.test/api:1.1\`, web \`reg.test/web:1.1\`, worker \`reg.test/worker@${digest}\`.`,
    );
  });

  it("leaves the release outputs empty when no release is in progress", () => {
    expect(
      releaseOn({
        services: [{ name: "api", weighted: true, blueImage: "a:1", greenImage: "a:1" }],
      }),
    ).toBeUndefined();
    const idle: PromoteResult = {
      decision: "idle",
      reason: "no release is in progress",
      services: [],
      weights: { api: 0 },
      evidence: { ...record, decision: "idle", analyses: [] },
    };
    expect(promoteOutputs(idle)).toMatchObject({ version: "", services: "", images: "{}" });
    expect(renderMarkdown(promoteSummary(idle, "acme/infra"))).not.toContain("Release");
  });
});
