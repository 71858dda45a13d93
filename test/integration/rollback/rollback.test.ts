/**
 * rollback against the local GitHub sandbox: the fast path, and an earlier release found in
 * the tfvars history and put back exactly, through an auto-merged pull request.
 */
import { describe, expect, it } from "vitest";
import { GitRepo } from "../../../src/sandbox/git-store.js";
import { buildTree } from "../../../src/sandbox/tree-builder.js";
import type { InfraWorld } from "../promote/infra-world.js";
import { FLAVOURS, TOKEN, startInfraWorld } from "../promote/infra-world.js";

const api = (v: string) => `registry.example.com/api:${v}`;
const web = (v: string) =>
  `registry.example.com/web@sha256:${v.replace(/\./g, "").padStart(64, "0")}`;

function release(blue: string, green: string, weight: number): Record<string, string | number> {
  return {
    api_blue_image: api(blue),
    api_green_image: api(green),
    api_blue_weight: 100 - weight,
    api_green_weight: weight,
    api_blue_desired_count: 2,
    api_green_desired_count: blue === green ? 0 : 2,
    web_blue_image: web(blue),
    web_green_image: web(green),
    web_blue_weight: 100 - weight,
    web_green_weight: weight,
  };
}

/** A commit on main that writes the release file, as an earlier deploy would have. */
async function land(
  world: InfraWorld,
  values: Record<string, string | number>,
  message: string,
): Promise<void> {
  const text = world.text(values);
  const git = new GitRepo(world.bare);
  const head = (await git.readRef("refs/heads/main"))!.sha;
  const parent = await git.readCommit(head);
  const blob = await git.writeBlob(Buffer.from(text, "utf8"));
  const tree = await buildTree(git, parent.tree, [
    { path: world.file, mode: "100644", type: "blob", sha: blob },
  ]);
  const who = {
    name: "Deployer",
    email: "deploy@example.com",
    time: Math.floor(Date.now() / 1000),
    tz: "+0000",
  };
  const sha = await git.createCommit({
    tree,
    parents: [head],
    author: who,
    committer: who,
    message: `${message}\n`,
  });
  await git.compareAndSwapRef("refs/heads/main", sha, head);
}

describe.each(FLAVOURS)("rollback (%s release file)", (flavour) => {
  it("puts back exactly an earlier release's images through an auto-merged pull request, once", async () => {
    const world = await startInfraWorld({
      flavour,
      release: release("1.0.0", "1.0.0", 0),
      merge: "auto-merge",
    });
    try {
      await land(world, release("1.0.0", "1.1.0", 10), "Deploy 1.1.0");
      await land(world, release("1.1.0", "1.1.0", 0), "Finalize 1.1.0");
      await land(world, release("1.1.0", "1.2.0", 50), "Deploy 1.2.0, at 50%");

      const first = await world.rollback({ to: "v1.0.0", reason: "checkout errors since 1.1.0" });
      expect(first.error).toBeUndefined();
      expect(first.result!.outputs.operation).toBe("redeployed");
      expect(first.result!.outputs["pull-request-url"]).toMatch(/\/pull\/\d+$/);
      const values = world.values();
      expect(values).toMatchObject({
        api_blue_image: api("1.0.0"),
        web_blue_image: web("1.0.0"),
        api_blue_weight: 100,
        api_green_weight: 0,
        web_blue_weight: 100,
        web_green_weight: 0,
        api_green_desired_count: 0,
      });
      const { data: pulls } = await world.octokit.request("GET /repos/{owner}/{repo}/pulls", {
        owner: "acme",
        repo: "infra",
        state: "closed",
      });
      expect(pulls[0]!.merged_at).toBeTruthy();
      expect(pulls[0]!.body).toContain("checkout errors since 1.1.0");
      expect(pulls[0]!.body).toContain(web("1.0.0"));
      const evidence = JSON.parse(first.result!.outputs.evidence!) as {
        release: { images: Record<string, string> };
      };
      expect(evidence.release.images).toEqual({ api: api("1.0.0"), web: web("1.0.0") });

      const again = await world.rollback({ to: "v1.0.0", reason: "checkout errors since 1.1.0" });
      expect(again.result!.outputs.operation).toBe("unchanged");
      const { data: after } = await world.octokit.request("GET /repos/{owner}/{repo}/pulls", {
        owner: "acme",
        repo: "infra",
        state: "all",
      });
      expect(after).toHaveLength(1);

      // The token never shows in logs, outputs or the summary.
      const everything = JSON.stringify([
        first.logger.records,
        first.result,
        again.logger.records,
        again.result,
      ]);
      expect(everything).not.toContain(TOKEN);
    } finally {
      await world.close();
    }
  });

  it("a release rolled back at 0% in a file without desired counts is never promoted", async () => {
    const world = await startInfraWorld({
      flavour,
      release: {
        api_blue_image: api("1.0.0"),
        api_green_image: api("1.0.0"),
        api_blue_weight: 100,
        api_green_weight: 0,
      },
      merge: "direct",
      promotion: { steps: [10, 50, 100], "bake-time": "0s" },
    });
    try {
      const deployed = await world.deploy({ images: `api=${api("1.1.0")}`, merge: "direct" });
      expect(deployed.error).toBeUndefined();
      expect(world.values()).toMatchObject({ api_green_image: api("1.1.0"), api_green_weight: 0 });

      const result = await world.rollback({ reason: "crash loop on start", merge: "direct" });
      expect(result.error).toBeUndefined();
      expect(result.result!.outputs.operation).toBe("rolled-back");
      expect(result.result!.outputs.landed).toBe("true");
      const evidence = JSON.parse(result.result!.outputs.evidence!) as {
        images: Record<string, { from: string; to: string }>;
      };
      expect(evidence.images).toEqual({ api: { from: api("1.1.0"), to: api("1.0.0") } });
      // The rollback is in the file: green holds the stable release again; the bad one is
      // named by the commit and stays in the file's history.
      expect(world.values()).toMatchObject({
        api_blue_image: api("1.0.0"),
        api_green_image: api("1.0.0"),
        api_blue_weight: 100,
        api_green_weight: 0,
      });
      const message = world.git("log", "-1", "--format=%B", "main");
      expect(message).toContain("Reason: crash loop on start");
      expect(message).toContain(`Rolled back api: ${api("1.1.0")} (stable: ${api("1.0.0")})`);
      expect(world.values("main~1")).toMatchObject({ api_green_image: api("1.1.0") });

      // The schedule's next ticks find nothing to promote.
      for (let i = 0; i < 2; i++) {
        const tick = await world.promote();
        expect(tick.error).toBeUndefined();
        expect(tick.result!.outputs.decision).toBe("idle");
      }
      expect(world.values()).toMatchObject({ api_green_image: api("1.0.0"), api_green_weight: 0 });
    } finally {
      await world.close();
    }
  });

  it("closes a pending promotion pull request, which would otherwise undo the rollback", async () => {
    const world = await startInfraWorld({
      flavour,
      release: release("1.0.0", "1.0.0", 0),
      merge: "pull-request",
      promotion: { steps: [10, 50, 100], "bake-time": "0s" },
    });
    try {
      await land(world, release("1.0.0", "1.1.0", 10), "Deploy 1.1.0, at 10%");
      const tick = await world.promote();
      expect(tick.result!.outputs.decision).toBe("advance");
      const url = tick.result!.outputs["pull-request-url"]!;
      const number = Number(url.split("/").at(-1));
      const result = await world.rollback({ reason: "5xx spike", merge: "direct" });
      expect(result.result!.outputs.operation).toBe("rolled-back");
      const { data: pull } = await world.octokit.request(
        "GET /repos/{owner}/{repo}/pulls/{pull_number}",
        {
          owner: "acme",
          repo: "infra",
          pull_number: number,
        },
      );
      expect(pull.state).toBe("closed");
      expect(pull.merged).toBe(false);
      expect(world.values()).toMatchObject({ api_green_weight: 0, web_green_weight: 0 });
    } finally {
      await world.close();
    }
  });

  it("fast path: all traffic back to blue with one direct commit; promote then sees a rolled-back release", async () => {
    const world = await startInfraWorld({
      flavour,
      release: release("1.0.0", "1.0.0", 0),
      merge: "direct",
    });
    try {
      await land(world, release("1.0.0", "1.1.0", 50), "Deploy 1.1.0, at 50%");
      const commits = world.git("rev-list", "--count", "main");
      const result = await world.rollback({ reason: "p99 latency doubled" });
      expect(result.result!.outputs.operation).toBe("rolled-back");
      expect(JSON.parse(result.result!.outputs.weights!)).toEqual({ api: 0, web: 0 });
      expect(world.values()).toMatchObject({
        api_blue_weight: 100,
        api_green_weight: 0,
        api_green_image: api("1.1.0"),
      });
      expect(world.git("log", "-1", "--format=%B", "main")).toContain(
        "Reason: p99 latency doubled",
      );
      expect(Number(world.git("rev-list", "--count", "main"))).toBe(Number(commits) + 1);

      const tick = await world.promote();
      expect(tick.result!.outputs.decision).toBe("idle");
      const { data: deployments } = await world.octokit.request(
        "GET /repos/{owner}/{repo}/deployments",
        {
          owner: "acme",
          repo: "infra",
        },
      );
      expect(deployments.map((d) => d.task)).toEqual(["greenlight:rollback"]);
    } finally {
      await world.close();
    }
  });
});
