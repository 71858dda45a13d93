/**
 * Secrets: a URL with credentials given to an analysis is a secret. promote uses its user
 * info as Basic auth, and the password reaches no decision line, output, summary, log, or
 * GitHub deployment (description and payload), in any encoding.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../../src/core/summary.js";
import { leakCheck } from "../../helpers/secret-leaks.js";
import { startInfraWorld } from "../promote/infra-world.js";

const PASSWORD = "s3cr3t-metrics-password";

describe("Secrets: URLs with credentials", () => {
  it("authenticates with the user info and shows the password nowhere", async () => {
    const expected = `Basic ${Buffer.from(`reader:${PASSWORD}`).toString("base64")}`;
    const metrics = createServer((req, res) => {
      if (req.headers.authorization !== expected) return void res.writeHead(401).end();
      res.writeHead(200, { "content-type": "application/json" }).end('{"ratio": 0.01}');
    });
    await new Promise<void>((resolve) => metrics.listen(0, "127.0.0.1", resolve));
    const port = (metrics.address() as AddressInfo).port;
    const url = `http://reader:${PASSWORD}@127.0.0.1:${port}/ratio`;
    const world = await startInfraWorld({ merge: "direct" });
    try {
      const inputs = {
        steps: "50,100",
        "bake-time": "0s",
        analyses: JSON.stringify([
          {
            name: "errors",
            "http-json": { url, path: "$.ratio" },
            "failure-condition": "result > 0.05",
          },
        ]),
      };
      expect((await world.promote(inputs)).result?.outputs.decision).toBe("advance");
      // The second tick measures (the first only starts the release at its first step).
      const run = await world.promote(inputs);
      expect(run.error).toBeUndefined();
      expect(run.result!.outputs.evidence).toContain('"verdict":"passed"');
      const { outputs, summary } = run.result!;
      expect(outputs.decision).toBe("advance");
      const leaks = leakCheck([PASSWORD], { startLength: 10 });
      leaks(run.logger.text(), "log");
      leaks(JSON.stringify(outputs), "outputs");
      leaks(renderMarkdown(summary ?? []), "summary");
      const { data: deployments } = await world.octokit.request(
        "GET /repos/{owner}/{repo}/deployments",
        { owner: "acme", repo: "infra" },
      );
      expect(deployments.length).toBeGreaterThan(0);
      for (const deployment of deployments) {
        leaks(JSON.stringify(deployment), "deployment");
        const { data: statuses } = await world.octokit.request(
          "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses",
          { owner: "acme", repo: "infra", deployment_id: Number(deployment.id) },
        );
        leaks(JSON.stringify(statuses), "deployment status");
      }
    } finally {
      await world.close();
      await new Promise<void>((resolve) => metrics.close(() => resolve()));
    }
  });

  it("refuses a GitHub API URL with credentials, naming the token input, without echoing them", async () => {
    const world = await startInfraWorld({ merge: "direct" });
    try {
      const withCredentials = world.sandbox.url.replace("://", `://x:${PASSWORD}@`);
      const run = await world.promote({ "github-api-url": withCredentials, "dry-run": "true" });
      expect(String(run.error)).toMatch(
        /Input "github-api-url" carries credentials.*"token" input/,
      );
      leakCheck([PASSWORD], { startLength: 10 })(String(run.error), "error");
    } finally {
      await world.close();
    }
  });
});
