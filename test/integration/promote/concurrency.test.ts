/**
 * Two ticks started together against the sandbox: one action, not two — one commit, one
 * pull request, one deployment status, in direct and in pull-request mode.
 */
import { describe, expect, it } from "vitest";
import { FLAVOURS, TOKEN, startInfraWorld } from "./infra-world.js";

const PLAN = { steps: [10, 50, 100], "bake-time": "0s" };

describe.each(FLAVOURS)("promote concurrency (%s release file)", (flavour) => {
  it("direct: of two simultaneous ticks, one advances and the other finds the base moved", async () => {
    const world = await startInfraWorld({ promotion: PLAN, merge: "direct", flavour });
    try {
      const before = Number(world.git("rev-list", "--count", "main"));
      const [a, b] = await Promise.all([world.promote(), world.promote()]);
      const decisions = [a.result!.outputs.decision, b.result!.outputs.decision].sort();
      expect(decisions).toEqual(["advance", "wait"]);
      expect(Number(world.git("rev-list", "--count", "main"))).toBe(before + 1);
      expect(world.values()).toMatchObject({ api_green_weight: 10 });
      // The commit changes the two weights and nothing else, in either flavour.
      const diff = world.git("diff", "--unified=0", "main~1", "main", "--", world.file);
      const changed = diff.split("\n").filter((l) => /^[-+](?![-+])/.test(l));
      expect(changed).toHaveLength(4);
      expect(changed.every((l) => /weight/.test(l))).toBe(true);
      const { data: deployments } = await world.octokit.request(
        "GET /repos/{owner}/{repo}/deployments",
        {
          owner: "acme",
          repo: "infra",
        },
      );
      expect(deployments).toHaveLength(1);
      // The token shows nowhere: not in logs, outputs, the summary or the evidence.
      expect(
        JSON.stringify([a.logger.records, a.result, b.logger.records, b.result]),
      ).not.toContain(TOKEN);
    } finally {
      await world.close();
    }
  });

  it("pull requests: two simultaneous ticks open one pull request with one commit", async () => {
    const world = await startInfraWorld({ promotion: PLAN, merge: "pull-request", flavour });
    try {
      const outcomes = await Promise.all([world.promote(), world.promote()]);
      for (const outcome of outcomes) expect(outcome.error).toBeUndefined();
      const { data: pulls } = await world.octokit.request("GET /repos/{owner}/{repo}/pulls", {
        owner: "acme",
        repo: "infra",
        state: "all",
      });
      expect(pulls).toHaveLength(1);
      expect(world.git("rev-list", "--count", "main..greenlight/production/promote")).toBe("1");
      const urls = new Set(
        outcomes.map((o) => o.result!.outputs["pull-request-url"]).filter(Boolean),
      );
      expect([...urls]).toEqual([pulls[0]!.html_url]);
      // Only the tick that made the commit acted and recorded it; the other waits.
      const decisions = outcomes.map((o) => o.result!.outputs.decision).sort();
      expect(decisions).toEqual(["advance", "wait"]);
      const { data: deployments } = await world.octokit.request(
        "GET /repos/{owner}/{repo}/deployments",
        { owner: "acme", repo: "infra" },
      );
      expect(deployments).toHaveLength(1);
      const { data: statuses } = await world.octokit.request(
        "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses",
        { owner: "acme", repo: "infra", deployment_id: Number(deployments[0]!.id) },
      );
      expect(statuses.map((s) => s.state)).toEqual(["in_progress"]);
      // While it waits for review, further ticks change nothing.
      const again = await world.promote();
      expect(again.result!.outputs.decision).toBe("wait");
      expect(world.git("rev-list", "--count", "main..greenlight/production/promote")).toBe("1");
    } finally {
      await world.close();
    }
  });
});
