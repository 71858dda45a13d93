/**
 * Promotion pull requests that no longer apply: a tick closes them, says why in a comment,
 * and goes on from what the base branch holds.
 */
import { describe, expect, it } from "vitest";
import type { Clock } from "../../../src/core/clock.js";
import { commitFiles } from "../../helpers/sandbox.js";
import { SkippingClock } from "../../helpers/skipping-clock.js";
import {
  CANDIDATE,
  STABLE,
  TFVARS,
  releaseFile,
  startInfraWorld,
  type InfraWorld,
} from "./infra-world.js";

const repo = { owner: "acme", repo: "infra" };

/** Writes the tfvars file on main directly, as a deploy outside promote would. */
async function commitRelease(world: InfraWorld, content: string, message: string): Promise<void> {
  const octokit = world.octokit;
  const head = (await octokit.rest.git.getRef({ ...repo, ref: "heads/main" })).data.object.sha;
  const sha = await commitFiles(octokit, repo, head, { [TFVARS]: content }, message);
  await octokit.rest.git.updateRef({ ...repo, ref: "heads/main", sha });
}

async function tick(world: InfraWorld, clock?: Clock): Promise<string> {
  const outcome = await world.promote({}, clock);
  if (outcome.error) throw outcome.error;
  return outcome.result!.outputs.decision!;
}

async function pullsOf(world: InfraWorld, state: "open" | "closed") {
  return (await world.octokit.rest.pulls.list({ ...repo, state })).data;
}

async function commentsOn(world: InfraWorld, number: number): Promise<string[]> {
  const { data } = await world.octokit.rest.issues.listComments({ ...repo, issue_number: number });
  return data.map((c) => c.body ?? "");
}

describe("stale promotion pull requests", () => {
  it("closes a promotion pull request when the release is no longer in progress, with a comment saying why", async () => {
    const world = await startInfraWorld({
      promotion: { steps: [10, 100], "bake-time": "0s" },
      merge: "pull-request",
    });
    try {
      expect(await tick(world)).toBe("advance");
      const [opened] = await pullsOf(world, "open");
      expect(opened).toBeDefined();
      // Someone takes the candidate off green on main while the pull request waits.
      await commitRelease(world, releaseFile({ api_green_image: STABLE }), "Withdraw 1.1.0");

      expect(await tick(world)).toBe("idle");
      expect(await pullsOf(world, "open")).toEqual([]);
      const comments = await commentsOn(world, opened!.number);
      expect(comments).toHaveLength(1);
      expect(comments[0]).toContain(
        "Greenlight closed this pull request: no release is in progress.",
      );

      // The next tick finds nothing left to close and says nothing more.
      expect(await tick(world)).toBe("idle");
      expect(await commentsOn(world, opened!.number)).toHaveLength(1);
    } finally {
      await world.close();
    }
  });

  it("closes a promotion pull request opened before a new release was deployed and promotes the new release", async () => {
    const clock = new SkippingClock();
    const world = await startInfraWorld({
      sandbox: { now: () => clock.now() },
      promotion: { steps: [10, 100], "bake-time": "0s" },
      merge: "pull-request",
    });
    try {
      expect(await tick(world, clock)).toBe("advance");
      const [stale] = await pullsOf(world, "open");
      expect(stale).toBeDefined();
      // GitHub dates to the second: the new release lands in a later one.
      clock.skip(1_100);
      const NEWER = "registry.example.com/api:1.2.0";
      await commitRelease(world, releaseFile({ api_green_image: NEWER }), "Deploy 1.2.0");

      expect(await tick(world, clock)).toBe("advance");
      const closed = await pullsOf(world, "closed");
      expect(closed.map((p) => [p.number, Boolean(p.merged_at)])).toEqual([[stale!.number, false]]);
      const comments = await commentsOn(world, stale!.number);
      expect(comments).toHaveLength(1);
      expect(comments[0]).toContain(
        "Greenlight closed this pull request: a new release reached main after it was opened.",
      );
      // The new pull request moves the new release, not the one the stale one was made for.
      const open = await pullsOf(world, "open");
      expect(open).toHaveLength(1);
      expect(open[0]!.number).not.toBe(stale!.number);
      const proposed = world.values("greenlight/production/promote");
      expect(proposed).toMatchObject({ api_green_image: NEWER, api_green_weight: 10 });
      expect(proposed["api_green_image"]).not.toBe(CANDIDATE);

      // While the new one waits, ticks wait on it and close nothing more.
      expect(await tick(world, clock)).toBe("wait");
      expect(await pullsOf(world, "open")).toHaveLength(1);
    } finally {
      await world.close();
    }
  });
});
