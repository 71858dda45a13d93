/**
 * A first release (no stable image, no desired count to scale) that fails a gate cannot be
 * rolled back, so promote holds it — and the hold is written to the infra repository, so a
 * later tick whose gates pass does not advance it. A new version deployed after it is not
 * held. Through a pull request, later ticks wait for its review, and hold once it is merged.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { systemClock } from "../../../src/core/clock.js";
import { MemoryLogger } from "../../../src/core/logger.js";
import { InfraRepo } from "../../../src/release/infra-repo.js";
import { GitHubLander } from "../../../src/release/land-change.js";
import { CANDIDATE, startInfraWorld, TFVARS } from "./infra-world.js";
import type { RunOutcome } from "./infra-world.js";
import { listenOnLoopback } from "../../helpers/ports.js";

const HOLD = `${TFVARS}.greenlight-hold`;
const NEWER = "registry.example.com/api:1.2.0";

function outputsOf(outcome: RunOutcome): Partial<Record<string, string>> {
  if (outcome.error) throw outcome.error;
  return outcome.result!.outputs;
}

describe("a first release whose gate fails", () => {
  it("is held in Git, stays held on a tick whose gates pass, and does not hold a new version", async () => {
    let answering = false;
    const service = createServer((_req, res) => void res.writeHead(answering ? 200 : 503).end());
    await listenOnLoopback(service);
    const url = `http://127.0.0.1:${(service.address() as AddressInfo).port}/health`;
    const world = await startInfraWorld({
      merge: "direct",
      release: {
        api_blue_image: "",
        api_green_image: CANDIDATE,
        api_blue_weight: 100,
        api_green_weight: 0,
      },
      promotion: {
        steps: [50, 100],
        "bake-time": "1s",
        "on-failure": "rollback",
        analyses: [{ name: "answers", verify: [{ url, attempts: 1 }] }],
      },
    });
    try {
      const failed = await world.promote();
      expect(failed.error).toBeUndefined();
      expect(failed.result!.outputs.decision).toBe("hold");
      expect(JSON.parse(failed.result!.outputs.evidence!)).toMatchObject({
        reason: expect.stringMatching(/holding instead of rolling back/) as string,
      });
      const record = JSON.parse(world.git("show", `main:${HOLD}`)) as Record<string, unknown>;
      expect(record).toMatchObject({
        environment: "production",
        images: { api: CANDIDATE },
        reason: expect.stringMatching(/^analysis failed: answers/) as string,
      });
      expect(world.git("log", "-1", "--format=%s", "main")).toMatch(/^Hold api in production: /);
      const held = world.git("rev-parse", "main");

      answering = true;
      const later = await world.promote();
      expect(later.result!.outputs.decision).toBe("hold");
      expect(JSON.parse(later.result!.outputs.evidence!)).toMatchObject({
        reason: expect.stringMatching(
          new RegExp(
            `^the release api ${CANDIDATE.replace(/[.]/g, "\\.")} is held since .*: it failed a gate \\(analysis failed: answers .*\\) and has no stable release to roll back to, so promote will not advance it; withdraw the first release .*, deploy a new version, or delete ${HOLD.replace(/[.]/g, "\\.")} from main for promote to judge it again$`,
          ),
        ) as string,
      });
      expect(world.git("rev-parse", "main")).toBe(held);
      expect(world.values()).toMatchObject({ api_green_image: CANDIDATE, api_green_weight: 0 });

      expect((await world.deploy({ images: `api=${NEWER}`, merge: "direct" })).error).toBe(
        undefined,
      );
      const next = await world.promote();
      expect(next.result!.outputs.decision).toBe("advance");
      expect(world.values()).toMatchObject({ api_green_image: NEWER, api_green_weight: 50 });
    } finally {
      await world.close();
      await new Promise<void>((resolve) => service.close(() => resolve()));
    }
  });

  it("through a pull request: the hold waits for its review, and holds once merged", async () => {
    const service = createServer((_req, res) => void res.writeHead(503).end());
    await listenOnLoopback(service);
    const url = `http://127.0.0.1:${(service.address() as AddressInfo).port}/health`;
    const world = await startInfraWorld({
      merge: "pull-request",
      release: {
        api_blue_image: "",
        api_green_image: CANDIDATE,
        api_blue_weight: 100,
        api_green_weight: 0,
      },
      promotion: {
        steps: [50, 100],
        "bake-time": "1s",
        "on-failure": "rollback",
        analyses: [{ name: "answers", verify: [{ url, attempts: 1 }] }],
      },
    });
    try {
      const main = world.git("rev-parse", "main");
      const failed = await world.promote();
      expect(failed.result!.outputs.decision).toBe("hold");
      expect(world.git("rev-parse", "main")).toBe(main);
      const repo = { owner: "acme", repo: "infra" };
      const open = (await world.octokit.request("GET /repos/{owner}/{repo}/pulls", repo)).data;
      expect(open).toHaveLength(1);
      const files = await world.octokit.request(
        "GET /repos/{owner}/{repo}/pulls/{pull_number}/files",
        { ...repo, pull_number: open[0]!.number },
      );
      expect(files.data.map((f) => f.filename)).toEqual([HOLD]);

      const waiting = await world.promote();
      expect(waiting.result!.outputs.decision).toBe("wait");
      expect(JSON.parse(waiting.result!.outputs.evidence!)).toMatchObject({
        reason: expect.stringMatching(
          new RegExp(`^rollback pull request #${open[0]!.number} is waiting to be merged`),
        ) as string,
      });

      await world.octokit.request("PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge", {
        ...repo,
        pull_number: open[0]!.number,
      });
      const held = await world.promote();
      expect(held.result!.outputs.decision).toBe("hold");
      expect(JSON.parse(held.result!.outputs.evidence!)).toMatchObject({
        reason: expect.stringMatching(/^the release api .* is held since /) as string,
      });
      expect(world.values()).toMatchObject({ api_green_image: CANDIDATE, api_green_weight: 0 });
    } finally {
      await world.close();
      await new Promise<void>((resolve) => service.close(() => resolve()));
    }
  });

  it("lands its record on a base that moved since the tick read it, and only once", async () => {
    const world = await startInfraWorld({ merge: "direct" });
    try {
      const decidedOn = world.git("rev-parse", "main");
      const text = world.git("show", `main:${TFVARS}`) + "\n";
      outputsOf(await world.deploy({ images: `api=${NEWER}`, merge: "direct" }));
      const moved = world.git("rev-parse", "main");
      const lander = new GitHubLander({
        repo: new InfraRepo(world.octokit, { owner: "acme", repo: "infra" }),
        base: "main",
        file: TFVARS,
        environment: "production",
        mode: "direct",
        mergeMethod: "squash",
        labels: [],
        reviewers: [],
        source: {},
        clock: systemClock,
        logger: new MemoryLogger(),
      });
      const content = `${JSON.stringify({ images: { api: CANDIDATE } })}\n`;
      const request = {
        kind: "hold" as const,
        release: {},
        uploads: [{ path: HOLD, content }],
        services: ["api"],
        headline: "Hold api in production",
        body: "",
        commitBody: "",
        expectedHead: decidedOn,
        text,
        replanOnMovedBase: true,
      };
      expect(await lander.land(request)).toMatchObject({ outcome: "committed", committed: true });
      expect(world.git("rev-parse", "main^")).toBe(moved);
      expect(world.git("show", `main:${HOLD}`) + "\n").toBe(content);
      // The deploy that moved the base is kept: the hold changes no value.
      expect(world.values()).toMatchObject({ api_green_image: NEWER });
      const head = world.git("rev-parse", "main");
      expect(await lander.land({ ...request, expectedHead: head })).toEqual({
        outcome: "unchanged",
        committed: false,
      });
      expect(world.git("rev-parse", "main")).toBe(head);
    } finally {
      await world.close();
    }
  });
});
