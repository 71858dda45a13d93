/**
 * Every notification target the config file can name reaches its receiver through the
 * reusable workflows: the caller passes each secret by name, the secrets live in the
 * production environment, and the config names the variables. Receivers run on loopback
 * HTTPS behind a private CA (trusted through NODE_EXTRA_CA_CERTS, as on a self-hosted
 * runner) and check each vendor's signature independently of src/notify.
 */
import { rollbackCaller } from "./callers.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { tempDir } from "../helpers/run-context.js";
import type { Receiver } from "../integration/notify/receivers.js";
import {
  dingtalkReceiver,
  larkReceiver,
  pagerdutyReceiver,
  slackWebhookReceiver,
  teamsReceiver,
  webhookReceiver,
} from "../integration/notify/receivers.js";
import { makeCertificate } from "../integration/verify/servers.js";
import { failedSteps } from "./harness/workflow.js";
import type { WorkflowWorld } from "./world.js";
import { INFRA_TOKEN, startWorkflowWorld } from "./world.js";

const TFVARS = "envs/production/release.auto.tfvars.json";
const LARK_SECRET = "lark-signing-secret-4f3e2d";
const DING_SECRET = "SECa1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2";
const DING_TOKEN = "ding-access-token-8899aabbccdd";
const HOOK_SECRET = "generic-webhook-secret-1122";
const PD_KEY = "R0UT1NGKEY0123456789abcdef012345";
const SECRET_NAMES = [
  "INFRA_TOKEN",
  "SLACK_WEBHOOK_URL",
  "LARK_WEBHOOK_URL",
  "LARK_SECRET",
  "DINGTALK_WEBHOOK_URL",
  "DINGTALK_SECRET",
  "TEAMS_WEBHOOK_URL",
  "WEBHOOK_URL",
  "WEBHOOK_SECRET",
  "PAGERDUTY_ROUTING_KEY",
];

/** A rollback by hand, passing every secret by name. */
const CALLER = rollbackCaller(SECRET_NAMES);

let world: WorkflowWorld;
let receivers: Record<string, Receiver>;
let caFile: string;

beforeAll(async () => {
  const dir = tempDir("greenlight-notify-workflow-");
  const cert = makeCertificate(dir, 30, "receiver");
  caFile = cert.certFile;
  receivers = {
    slack: await slackWebhookReceiver(cert),
    lark: await larkReceiver(LARK_SECRET, Date.now, cert),
    dingtalk: await dingtalkReceiver(DING_SECRET, DING_TOKEN, Date.now, cert),
    teams: await teamsReceiver(cert),
    webhook: await webhookReceiver(HOOK_SECRET, Date.now, cert),
    pagerduty: await pagerdutyReceiver(PD_KEY, cert),
  };
  const config = {
    version: 1,
    environments: { production: { repository: "acme/infra", tfvars: TFVARS, merge: "direct" } },
    notifications: {
      slack: { "webhook-url-env": "SLACK_WEBHOOK_URL" },
      lark: { "webhook-url-env": "LARK_WEBHOOK_URL", "secret-env": "LARK_SECRET" },
      dingtalk: { "webhook-url-env": "DINGTALK_WEBHOOK_URL", "secret-env": "DINGTALK_SECRET" },
      teams: { "webhook-url-env": "TEAMS_WEBHOOK_URL" },
      webhook: { "url-env": "WEBHOOK_URL", "secret-env": "WEBHOOK_SECRET" },
      pagerduty: {
        "routing-key-env": "PAGERDUTY_ROUTING_KEY",
        url: receivers["pagerduty"]!.url("/v2/enqueue"),
      },
    },
  };
  world = await startWorkflowWorld({
    app: {
      ".github/workflows/rollback.yml": CALLER,
      ".github/greenlight.yml": YAML.stringify(config),
    },
    infra: {
      [TFVARS]: `${JSON.stringify({ api_blue_image: "registry.example.com/api:1.0.0", api_green_image: "registry.example.com/api:1.1.0", api_blue_weight: 50, api_green_weight: 50 }, null, 2)}\n`,
    },
  });
});

afterAll(async () => {
  await world?.close();
  await Promise.all(Object.values(receivers ?? {}).map((r) => r.close()));
});

describe("notifications through the reusable workflows", () => {
  it("reach Slack, Lark, DingTalk, Teams, the webhook and PagerDuty, each signed as its vendor checks", async () => {
    const result = await world.run(".github/workflows/rollback.yml", {
      event: {
        name: "workflow_dispatch",
        inputs: { environment: "production", reason: "error rate above 5% after deploy" },
      },
      secrets: {
        environments: {
          production: {
            INFRA_TOKEN,
            SLACK_WEBHOOK_URL: receivers["slack"]!.url("/services/T000/B000/slack-hook-secret"),
            LARK_WEBHOOK_URL: receivers["lark"]!.url("/open-apis/bot/v2/hook/0c2b-lark-hook-id"),
            LARK_SECRET,
            DINGTALK_WEBHOOK_URL: receivers["dingtalk"]!.url(
              `/robot/send?access_token=${DING_TOKEN}`,
            ),
            DINGTALK_SECRET: DING_SECRET,
            TEAMS_WEBHOOK_URL: receivers["teams"]!.url("/workflows/teams-hook-1234"),
            WEBHOOK_URL: receivers["webhook"]!.url("/hooks/greenlight"),
            WEBHOOK_SECRET: HOOK_SECRET,
            PAGERDUTY_ROUTING_KEY: PD_KEY,
          },
        },
      },
      runnerEnv: { NODE_EXTRA_CA_CERTS: caFile },
    });
    expect(failedSteps(result)).toBe("");
    // The environment names no verify checks: the verify after the rollback passes, and says so.
    expect(Object.values(result.jobs).map((job) => [job.name, job.result])).toEqual([
      ["rollback / rollback", "success"],
      ["rollback / verify", "success"],
      ["rollback / notify", "success"],
    ]);
    // The rollback landed: all traffic on the stable side.
    expect(JSON.parse(await world.infraFile(TFVARS))).toMatchObject({
      api_blue_weight: 100,
      api_green_weight: 0,
    });
    for (const [name, receiver] of Object.entries(receivers)) {
      expect(receiver.requests, name).toHaveLength(1);
      expect(receiver.requests[0]!.refused, name).toBeUndefined();
    }
    // A rollback that worked: PagerDuty at the config's severity (a warning by default).
    expect(receivers["pagerduty"]!.requests[0]!.json).toMatchObject({
      event_action: "trigger",
      payload: { severity: "warning", class: "rollback", group: "production" },
    });
    // Which release was rolled back to which, with the reason, in the evidence and the messages.
    const evidence = JSON.parse(result.jobs["rollback / rollback"]!.outputs["evidence"]!) as {
      images: Record<string, { from: string; to: string }>;
      reason: string;
    };
    expect(evidence.images).toEqual({
      api: { from: "registry.example.com/api:1.1.0", to: "registry.example.com/api:1.0.0" },
    });
    const slackText = receivers["slack"]!.requests[0]!.body;
    expect(slackText).toContain("registry.example.com/api:1.1.0");
    expect(slackText).toContain("registry.example.com/api:1.0.0");
    expect(slackText).toContain("error rate above 5% after deploy");
    expect(slackText).not.toMatch(/fail/i);
    expect(slackText).toContain("no verify checks ran after the rollback");
    const notify = result.jobs["rollback / notify"]!.steps.find((s) =>
      s.uses?.includes("/notify@"),
    )!;
    expect(notify.log).not.toMatch(/::warning::|::error::/);
  });
});
