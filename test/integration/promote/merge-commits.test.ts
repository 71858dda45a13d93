/**
 * Steps landed as merge commits (merge method "merge"): the file's history then shows each
 * pull request's own commit, and a step's bake must still count from the merge.
 */
import { describe, expect, it } from "vitest";
import { SkippingClock } from "../../helpers/skipping-clock.js";
import { startInfraWorld } from "./infra-world.js";

describe("promote with merge commits", () => {
  it("reads every step from history and finishes the release", async () => {
    const world = await startInfraWorld({
      promotion: { steps: [50, 100], "bake-time": "0s" },
      merge: "auto-merge",
    });
    try {
      const decisions: string[] = [];
      for (let i = 0; i < 8 && decisions.at(-1) !== "idle"; i++) {
        const tick = await world.promote({ "merge-method": "merge" });
        if (tick.error) throw tick.error;
        decisions.push(tick.result!.outputs.decision!);
      }
      expect(decisions.filter((d) => d !== "wait")).toEqual([
        "advance",
        "advance",
        "finalize",
        "idle",
      ]);
      const merges = world.git("rev-list", "--merges", "--first-parent", "--count", "main");
      expect(Number(merges)).toBe(3);
      expect(world.values()).toMatchObject({ api_green_weight: 0, api_blue_weight: 100 });
    } finally {
      await world.close();
    }
  });

  it("dates a step by its merge commit, not by its pull request's commit", async () => {
    const clock = new SkippingClock();
    const world = await startInfraWorld({
      sandbox: { now: () => clock.now() },
      promotion: { steps: [50, 100], "bake-time": "1h" },
      merge: "pull-request",
    });
    try {
      const first = await world.promote({}, clock);
      expect(first.result!.outputs.decision).toBe("advance");
      const number = Number(first.result!.outputs["pull-request-url"]!.split("/").at(-1));
      // The reviewer takes a while: the merge is seconds younger than the branch's commit.
      clock.skip(2_100);
      await world.octokit.request("PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge", {
        owner: "acme",
        repo: "infra",
        pull_number: number,
        merge_method: "merge",
      });
      const mergeDate = new Date(world.git("log", "-1", "--format=%cI", "main"));
      const branchDate = new Date(world.git("log", "-1", "--format=%cI", "main^2"));
      expect(mergeDate.getTime() - branchDate.getTime()).toBeGreaterThanOrEqual(2_000);
      const second = await world.promote({}, clock);
      expect(second.result!.outputs.decision).toBe("wait");
      const summary = JSON.stringify(second.result!.summary);
      expect(summary).toContain(`reached the base branch at ${mergeDate.toISOString()}`);
    } finally {
      await world.close();
    }
  });
});
