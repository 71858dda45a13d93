/**
 * A deploy that arrives while another release is mid-promotion: the new release never
 * inherits the old one's traffic. Its green weight starts at 0 (blue, the last stable
 * release, takes everything back), its promotion starts at the first step, and the
 * superseded promotion's pull request is closed with a comment naming both releases.
 */
import { describe, expect, it } from "vitest";
import { systemClock } from "../../../src/core/clock.js";
import { MemoryLogger } from "../../../src/core/logger.js";
import { InfraRepo } from "../../../src/release/infra-repo.js";
import { GitHubLander } from "../../../src/release/land-change.js";
import { CANDIDATE, STABLE, TFVARS, releaseFile, startInfraWorld } from "./infra-world.js";
import type { InfraWorld, RunOutcome } from "./infra-world.js";

const repo = { owner: "acme", repo: "infra" };
const PLAN = { steps: [10, 50, 100], "bake-time": "0s" };
const NEWER = "registry.example.com/api:1.2.0";
const NEWEST = "registry.example.com/api:1.3.0";

function outputsOf(outcome: RunOutcome): Partial<Record<string, string>> {
  if (outcome.error) throw outcome.error;
  return outcome.result!.outputs;
}

async function tick(world: InfraWorld): Promise<string> {
  return outputsOf(await world.promote()).decision!;
}

interface Stage {
  image: string;
  green: number;
  blue: number;
}

/** Every version of the release file on main, oldest first. */
function historyOf(world: InfraWorld): Stage[] {
  // First parents only: each is a state main actually held, a merged pull request one step.
  const commits = world.git("rev-list", "--reverse", "--first-parent", "main").split("\n");
  return commits.map((commit) => {
    const values = world.values(commit);
    return {
      image: values["api_green_image"] as string,
      green: values["api_green_weight"] as number,
      blue: values["api_blue_weight"] as number,
    };
  });
}

/**
 * The rule under test, checked on every commit: a new green image arrives with no traffic,
 * and traffic only grows one plan step at a time for the image that was already there.
 */
function expectNoInheritedTraffic(stages: Stage[]): void {
  for (let i = 1; i < stages.length; i++) {
    const [before, after] = [stages[i - 1]!, stages[i]!];
    expect(after.green + after.blue).toBe(100);
    if (after.image !== before.image) expect(after, `commit ${i}`).toMatchObject({ green: 0 });
    if (after.green > before.green) {
      expect(after.image, `commit ${i}`).toBe(before.image);
      const next = PLAN.steps.find((step) => step > before.green);
      expect(after.green, `commit ${i}`).toBe(next);
    }
  }
}

describe("a deploy during a promotion", () => {
  it.each([
    { advances: 1, weight: 10 },
    { advances: 2, weight: 50 },
    { advances: 3, weight: 100 },
  ])(
    "at $weight% (before finalize): the new release starts with no traffic and its promotion at the first step",
    async ({ advances, weight }) => {
      const world = await startInfraWorld({ promotion: PLAN, merge: "direct" });
      try {
        for (let i = 0; i < advances; i++) expect(await tick(world)).toBe("advance");
        expect(world.values()).toMatchObject({
          api_green_image: CANDIDATE,
          api_green_weight: weight,
        });

        const deployed = outputsOf(await world.deploy({ images: `api=${NEWER}` }));
        expect(world.values()).toMatchObject({
          api_blue_image: STABLE,
          api_green_image: NEWER,
          api_blue_weight: 100,
          api_green_weight: 0,
        });
        expect(JSON.parse(deployed.superseded!)).toEqual([
          { service: "api", previous: CANDIDATE, next: NEWER, weight },
        ]);

        // The next tick treats it as a fresh release: the first step, not the next one; its
        // outputs name the new release, not the superseded one.
        expect(outputsOf(await world.promote())).toMatchObject({
          decision: "advance",
          version: "1.2.0",
          services: "api",
          images: JSON.stringify({ api: NEWER }),
        });
        expect(world.values()).toMatchObject({ api_green_image: NEWER, api_green_weight: 10 });
        expectNoInheritedTraffic(historyOf(world));
      } finally {
        await world.close();
      }
    },
  );

  it("closes the superseded promotion pull request with a comment naming both releases", async () => {
    const world = await startInfraWorld({
      promotion: PLAN,
      merge: "pull-request",
      file: releaseFile({ api_blue_weight: 50, api_green_weight: 50 }),
    });
    try {
      expect(await tick(world)).toBe("advance");
      const { data: open } = await world.octokit.rest.pulls.list({ ...repo, state: "open" });
      expect(open).toHaveLength(1);
      const promotion = open[0]!;
      expect(world.values(promotion.head.ref)).toMatchObject({ api_green_weight: 100 });

      const deployed = outputsOf(await world.deploy({ images: `api=${NEWER}`, merge: "direct" }));
      expect(deployed.operation).toBe("pushed");
      expect(world.values()).toMatchObject({ api_green_image: NEWER, api_green_weight: 0 });

      const closed = await world.octokit.rest.pulls.get({ ...repo, pull_number: promotion.number });
      expect(closed.data.state).toBe("closed");
      expect(closed.data.merged).toBe(false);
      const { data: comments } = await world.octokit.rest.issues.listComments({
        ...repo,
        issue_number: promotion.number,
      });
      expect(comments.map((c) => c.body)).toEqual([
        expect.stringContaining(
          `Greenlight closed this pull request: ${NEWER} supersedes ${CANDIDATE} on api, which had 50% of the traffic.`,
        ),
      ]);

      // The next tick proposes the first step for the new release.
      expect(await tick(world)).toBe("advance");
      const { data: next } = await world.octokit.rest.pulls.list({ ...repo, state: "open" });
      expect(next).toHaveLength(1);
      expect(world.values(next[0]!.head.ref)).toMatchObject({
        api_green_image: NEWER,
        api_green_weight: 10,
      });
    } finally {
      await world.close();
    }
  });

  it("a promotion step decided for the old release is refused once a new release holds green", async () => {
    // A tick decides on what it read; in pull-request mode the step is planned again on what
    // the base holds when it lands. If a deploy got there first, the step no longer applies.
    const world = await startInfraWorld({ promotion: PLAN, merge: "pull-request" });
    try {
      const decidedOn = world.git("rev-parse", "main");
      outputsOf(await world.deploy({ images: `api=${NEWER}`, merge: "direct" }));
      const lander = new GitHubLander({
        repo: new InfraRepo(world.octokit, repo),
        base: "main",
        file: TFVARS,
        environment: "production",
        mode: "pull-request",
        mergeMethod: "squash",
        labels: [],
        reviewers: [],
        source: {},
        clock: systemClock,
        logger: new MemoryLogger(),
      });
      const landed = await lander.land({
        kind: "traffic",
        release: { weights: { api: 10 }, decidedFor: { api: CANDIDATE } },
        services: ["api"],
        headline: "Promote api in production to 10%",
        body: "",
        commitBody: "",
        expectedHead: decidedOn,
        text: releaseFile(),
        replanOnMovedBase: false,
      });
      expect(landed).toEqual({ outcome: "superseded", committed: false });
      const { data: pulls } = await world.octokit.rest.pulls.list({ ...repo, state: "all" });
      expect(pulls).toEqual([]);
      expect(world.values()).toMatchObject({ api_green_image: NEWER, api_green_weight: 0 });
    } finally {
      await world.close();
    }
  });

  for (const merge of ["direct", "pull-request"] as const) {
    it(`${merge}: two deploys racing with a tick never give a new release traffic before its first step`, async () => {
      const world = await startInfraWorld({
        promotion: PLAN,
        merge,
        file: releaseFile({ api_blue_weight: 50, api_green_weight: 50 }),
      });
      try {
        for (let round = 0; round < 3; round++) {
          const outcomes = await Promise.all([
            world.deploy({ images: `api=${NEWER}-${round}`, merge: "direct" }),
            world.deploy({ images: `api=${NEWEST}-${round}`, merge: "direct" }),
            world.promote(),
          ]);
          for (const outcome of outcomes) expect(outcome.error).toBeUndefined();
          // Whatever promotion pull request is left open lands now, as a reviewer would merge it.
          const { data: open } = await world.octokit.rest.pulls.list({ ...repo, state: "open" });
          for (const pr of open) {
            await world.octokit.rest.pulls
              .merge({ ...repo, pull_number: pr.number })
              .catch(() => undefined);
          }
          const stages = historyOf(world);
          expectNoInheritedTraffic(stages);
          expect([NEWER, NEWEST].map((i) => `${i}-${round}`)).toContain(stages.at(-1)!.image);
        }
      } finally {
        await world.close();
      }
    });
  }
});
