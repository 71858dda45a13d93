/**
 * open-pr's result says whether this run made the commit: of runs racing on the same change,
 * exactly one did, though all of them end with the change in place.
 */
import { afterEach, describe, expect, it } from "vitest";
import { MemoryLogger } from "../../../src/core/logger.js";
import { InfraRepo } from "../../../src/release/infra-repo.js";
import type { OpenPrParams } from "../../../src/open-pr/main.js";
import { openPr } from "../../../src/open-pr/main.js";
import type { Harness } from "../../helpers/open-pr-harness.js";
import { TFVARS, fastClock, startHarness } from "../../helpers/open-pr-harness.js";
import { TestOctokit } from "../../helpers/sandbox.js";

function params(mode: OpenPrParams["mode"]): OpenPrParams {
  return {
    change: {
      files: [TFVARS],
      uploads: [],
      edit: {
        set: [{ path: "$.svc0_green_image", value: "registry.example.com/svc0:2.0.0" }],
        release: {},
        create: false,
        force: false,
        imageRules: { requireDigest: false, allowedRegistries: [] },
      },
    },
    base: "main",
    branch: "greenlight/production/promote",
    environment: "production",
    kind: "deploy",
    services: ["svc0"],
    mode,
    mergeMethod: "squash",
    labels: [],
    assignees: [],
    reviewers: [],
    teamReviewers: [],
    draft: false,
    waitForMerge: false,
    waitTimeoutMs: 0,
    pollIntervalMs: 1_000,
    maxAttempts: 10,
    source: {},
  };
}

describe("open-pr's committed result", () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  const run = (mode: OpenPrParams["mode"]) => {
    const octokit = new TestOctokit({ baseUrl: h.sandbox.url, auth: "sandbox-token" });
    return openPr(params(mode), {
      repo: new InfraRepo(octokit, { owner: "acme", repo: "infra" }),
      clock: fastClock,
      logger: new MemoryLogger(),
    });
  };

  it("pull request: of four runs making the same change at once, exactly one committed", async () => {
    h = await startHarness();
    const results = await Promise.all([
      run("pull-request"),
      run("pull-request"),
      run("pull-request"),
      run("pull-request"),
    ]);
    expect(results.filter((r) => r.committed)).toHaveLength(1);
    expect(new Set(results.map((r) => r.pullRequest?.number)).size).toBe(1);
    expect(h.git("rev-list", "--count", "main..greenlight/production/promote")).toBe("1");
    // Run again later: the change is there, nothing is committed.
    const again = await run("pull-request");
    expect(again).toMatchObject({ operation: "unchanged", committed: false });
  });

  it("direct: a commit made is reported, a change already on the base is not", async () => {
    h = await startHarness();
    const first = await run("direct");
    expect(first).toMatchObject({ operation: "pushed", committed: true });
    const second = await run("direct");
    expect(second).toMatchObject({ operation: "unchanged", committed: false });
  });
});
