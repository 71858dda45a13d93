/**
 * A scheduled tick whose analysis fails rolls the release back, and the notification says
 * so as the docs promise: a rollback that worked (not a failure), naming the release that
 * was rolled back, although the tick job itself fails.
 */
import { scheduledTick } from "./callers.js";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { tempDir } from "../helpers/run-context.js";
import type { Receiver } from "../integration/notify/receivers.js";
import { slackWebhookReceiver } from "../integration/notify/receivers.js";
import { makeCertificate } from "../integration/verify/servers.js";
import type { WorkflowWorld } from "./world.js";
import { INFRA_TOKEN, startWorkflowWorld } from "./world.js";

const TFVARS = "envs/production/release.auto.tfvars.json";
const STABLE = "registry.example.com/api:1.0.0";
const CANDIDATE = "registry.example.com/api:1.1.0";

const CALLER = `name: promote
on:
  schedule: [{ cron: "*/5 * * * *" }]
permissions: {}
jobs:
  promote:
    permissions: { contents: read }
    uses: greenlight-actions/greenlight/.github/workflows/promote.yml@0000000000000000000000000000000000000000 # v0.1.0
    with: { environment: production }
    secrets:
      INFRA_TOKEN: \${{ secrets.INFRA_TOKEN }}
      SLACK_WEBHOOK_URL: \${{ secrets.SLACK_WEBHOOK_URL }}
`;

let world: WorkflowWorld;
let slack: Receiver;
let caFile: string;
let metrics: ReturnType<typeof createServer>;

beforeAll(async () => {
  const dir = tempDir("greenlight-promote-notify-");
  const cert = makeCertificate(dir, 30, "loopback");
  caFile = cert.certFile;
  slack = await slackWebhookReceiver(cert);
  // The release's error share, far above the plan's limit.
  metrics = createServer((_, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ errors: 0.4 }));
  });
  await new Promise<void>((resolve) => metrics.listen(0, "127.0.0.1", resolve));
  const { port } = metrics.address() as AddressInfo;
  const config = {
    version: 1,
    environments: {
      production: {
        repository: "acme/infra",
        tfvars: TFVARS,
        merge: "direct",
        promotion: {
          steps: [10, 50, 100],
          "bake-time": "1m",
          analyses: [
            {
              name: "errors",
              "http-json": { url: `http://127.0.0.1:${port}/errors`, path: "$.errors" },
              "failure-condition": "result > 0.05",
              "failure-limit": 0,
            },
          ],
        },
      },
    },
    notifications: { slack: { "webhook-url-env": "SLACK_WEBHOOK_URL" } },
  };
  world = await startWorkflowWorld({
    app: {
      ".github/workflows/promote.yml": CALLER,
      ".github/greenlight.yml": YAML.stringify(config),
    },
    infra: {
      [TFVARS]: `${JSON.stringify({ api_blue_image: STABLE, api_green_image: CANDIDATE, api_blue_weight: 50, api_green_weight: 50 }, null, 2)}\n`,
    },
  });
}, 120_000);

afterAll(async () => {
  await world?.close();
  await slack?.close();
  await new Promise((resolve) => metrics?.close(resolve));
});

describe("a promotion tick that rolls back", () => {
  it("notifies a rollback that worked, naming the release", async () => {
    const { result } = await scheduledTick(
      world,
      ".github/workflows/promote.yml",
      { INFRA_TOKEN, SLACK_WEBHOOK_URL: slack.url("/services/T000/B000/slack-hook-secret") },
      caFile,
    );
    const tick = result.jobs["promote / tick"]!;
    expect(tick.outputs).toMatchObject({
      decision: "rollback",
      version: "1.1.0",
      services: "api",
      images: JSON.stringify({ api: CANDIDATE }),
    });
    // The release failed: the tick job fails, so a caller can follow up on it.
    expect(tick.result).toBe("failure");
    expect(result.jobs["promote / notify"]!.result).toBe("success");
    expect(JSON.parse(await world.infraFile(TFVARS))).toMatchObject({
      api_blue_weight: 100,
      api_green_weight: 0,
    });
    expect(slack.requests).toHaveLength(1);
    const message = slack.requests[0]!.body;
    expect(message).toContain("Rollback of api 1.1.0 to production succeeded");
    expect(message).not.toContain("to production failed");
    // The evidence says why.
    expect(message).toMatch(/errors: 0.4/);
  });
});
