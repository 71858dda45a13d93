/**
 * A plan that bakes from verification: the step's bake starts when verify first confirms
 * the new version answers, recorded once as a GitHub deployment of the step's commit.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { startInfraWorld } from "./infra-world.js";
import { listenOnLoopback } from "../../helpers/ports.js";
import { SkippingClock } from "../../helpers/skipping-clock.js";

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
      answering = false;
      const unconfirmed = await world.promote({}, clock);
      expect(unconfirmed.result!.outputs.decision).toBe("hold");
      answering = true;
      const confirmed = await world.promote({}, clock);
      expect(confirmed.result!.outputs.decision).toBe("wait");
      const head = world.git("rev-parse", "main");
      const list = () =>
        world.octokit
          .request("GET /repos/{owner}/{repo}/deployments", {
            owner: "acme",
            repo: "infra",
            task: "greenlight:verified",
          })
          .then((r) => r.data);
      const records = await list();
      expect(records.map((d) => [d.sha, d.environment])).toEqual([[head, "production"]]);
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
