/**
 * A plan that bakes from verification: the step's bake starts when verify first confirms
 * the new version answers, recorded once as a GitHub deployment of the step's commit. A
 * check that fails first holds the release for a person (on-failure: hold) until the hold
 * record is deleted.
 */
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { startInfraWorld } from "./infra-world.js";
import { listenOnLoopback } from "../../helpers/ports.js";
import { tempDir } from "../../helpers/run-context.js";
import { SkippingClock } from "../../helpers/skipping-clock.js";

/** A person's commit on main that deletes `path`, as a push to the infra repository. */
function deleteOnMain(bare: string, path: string) {
  const dir = tempDir("greenlight-person-");
  const git = (...args: string[]) =>
    execFileSync(
      "git",
      ["-C", dir, "-c", "user.name=Person", "-c", "user.email=person@example.com", ...args],
      { encoding: "utf8" },
    );
  execFileSync("git", ["clone", "--quiet", bare, dir]);
  git("rm", "--quiet", path);
  git("commit", "--quiet", "-m", "Release the hold");
  git("push", "--quiet", "origin", "HEAD:main");
}

describe("promote baking from verification", () => {
  it("starts the bake when verify confirms, records it once, and advances after it", async () => {
    let answering = true;
    const service = createServer((_req, res) => void res.writeHead(answering ? 200 : 503).end());
    await listenOnLoopback(service);
    const url = `http://127.0.0.1:${(service.address() as AddressInfo).port}/health`;
    const clock = new SkippingClock();
    const world = await startInfraWorld({
      sandbox: { now: () => clock.now() },
      merge: "direct",
      promotion: {
        steps: [50, 100],
        "bake-time": "1s",
        "bake-from": "verified",
        "on-failure": "hold",
        analyses: [{ name: "answers", verify: [{ url, attempts: 1 }] }],
      },
    });
    try {
      expect((await world.promote({}, clock)).result!.outputs.decision).toBe("advance");
      const step = world.git("rev-parse", "main");
      answering = false;
      const unconfirmed = await world.promote({}, clock);
      expect(unconfirmed.result!.outputs.decision).toBe("hold");
      answering = true;
      // The plan holds a failed check for a person (on-failure: hold), recorded beside the
      // release file; the person who sees it answer again deletes the record.
      expect((await world.promote({}, clock)).result!.outputs.decision).toBe("hold");
      deleteOnMain(world.bare, `${world.file}.greenlight-hold`);
      const confirmed = await world.promote({}, clock);
      expect(confirmed.result!.outputs.decision).toBe("wait");
      const list = () =>
        world.octokit
          .request("GET /repos/{owner}/{repo}/deployments", {
            owner: "acme",
            repo: "infra",
            task: "greenlight:verified",
          })
          .then((r) => r.data);
      const records = await list();
      // Recorded for the step's commit, not for the hold's commits after it.
      expect(records.map((d) => [d.sha, d.environment])).toEqual([[step, "production"]]);
      clock.skip(1_100);
      expect((await world.promote({}, clock)).result!.outputs.decision).toBe("advance");
      expect(world.values()).toMatchObject({ api_green_weight: 100 });
      expect(await list()).toHaveLength(1);
    } finally {
      await world.close();
      await new Promise<void>((resolve) => service.close(() => resolve()));
    }
  });
});
