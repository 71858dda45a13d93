/**
 * The documented pipeline's schedule, run as docs/workflows.md shows it: its caller workflow
 * (release) and examples/app/.github/greenlight.yml. With a release in production's green
 * side (as the push path lands it), scheduled ticks move traffic 10 → 50 → 100 and finalize
 * against a live error rate from a real Prometheus.
 *
 * What the test rewrites, and only that: the Prometheus URL (→ the loopback Prometheus) and
 * the bake time (10m → seconds). The push path is push.test.ts.
 */
import { scheduledTick } from "./callers.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrometheusServer } from "../helpers/prometheus.js";
import { startPrometheus } from "../helpers/prometheus.js";
import { tempDir } from "../helpers/run-context.js";
import type { Receiver } from "../integration/notify/receivers.js";
import { slackWebhookReceiver } from "../integration/notify/receivers.js";
import { makeCertificate } from "../integration/verify/servers.js";
import { workflowExample } from "./docs-examples.js";
import type { GreenMetrics } from "./green-metrics.js";
import { startGreenMetrics } from "./green-metrics.js";
import { repoRoot } from "./harness/load.js";
import { failedSteps } from "./harness/workflow.js";
import type { WorkflowWorld } from "./world.js";
import { INFRA_TOKEN, startWorkflowWorld } from "./world.js";

const ECR = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";
const PRODUCTION = "envs/production/release.auto.tfvars.json";
const STABLE = "1111111111111111111111111111111111111111111111111111111111111111";
const CANDIDATE = "2222222222222222222222222222222222222222222222222222222222222222";

/** Production with a release on the green side at weight 0, as the push path lands it. */
function productionFile(): string {
  const values: Record<string, string | number> = {};
  for (const service of ["api", "webhooks", "worker"]) {
    values[`${service}_blue_image`] = `${ECR}/${service}@sha256:${STABLE}`;
    values[`${service}_green_image`] = `${ECR}/${service}@sha256:${CANDIDATE}`;
    if (service !== "worker") {
      values[`${service}_blue_weight`] = 100;
      values[`${service}_green_weight`] = 0;
    }
  }
  return `${JSON.stringify(values, null, 2)}\n`;
}

let world: WorkflowWorld;
let prometheus: PrometheusServer;
let metrics: GreenMetrics;
let slack: Receiver;
let caFile: string;

beforeAll(async () => {
  const dir = tempDir("greenlight-pipeline-");
  const cert = makeCertificate(dir, 30, "loopback");
  caFile = cert.certFile;
  metrics = await startGreenMetrics();
  prometheus = await startPrometheus({ targets: [metrics.target], scrapeIntervalS: 1 });
  await prometheus.waitForData('http_requests_total{color="green"}');
  slack = await slackWebhookReceiver(cert);
  const config = readFileSync(join(repoRoot, "examples/app/.github/greenlight.yml"), "utf8")
    .replace("http://prometheus.internal:9090", prometheus.url)
    .replace("bake-time: 10m", "bake-time: 2s");
  world = await startWorkflowWorld({
    app: {
      ".github/workflows/release.yml": workflowExample("docs/workflows.md", "release"),
      ".github/greenlight.yml": config,
    },
    infra: { [PRODUCTION]: productionFile() },
  });
}, 120_000);

afterAll(async () => {
  await world?.close();
  await prometheus?.stop();
  await metrics?.stop();
  await slack?.close();
});

const tick = () =>
  scheduledTick(
    world,
    ".github/workflows/release.yml",
    { INFRA_TOKEN, SLACK_WEBHOOK_URL: slack.url("/services/T000/B000/slack-hook-secret") },
    caFile,
  );

const greenWeight = async () =>
  (JSON.parse(await world.infraFile(PRODUCTION)) as Record<string, number>)["api_green_weight"];

describe("the documented pipeline on its schedule", () => {
  it("runs only the promote job on a schedule, in the release concurrency group", async () => {
    const { result, decision } = await tick();
    expect(failedSteps(result)).toBe("");
    expect(decision).toBe("advance");
    expect(await greenWeight()).toBe(10);
    // The tick names the release, and the notification says which one advanced.
    const outputs = result.jobs["promote / tick"]!.outputs;
    expect(outputs["version"]).toBe(`sha256:${CANDIDATE}`);
    expect(JSON.parse(outputs["images"]!)).toEqual({
      api: `${ECR}/api@sha256:${CANDIDATE}`,
      webhooks: `${ECR}/webhooks@sha256:${CANDIDATE}`,
      worker: `${ECR}/worker@sha256:${CANDIDATE}`,
    });
    expect(slack.requests.at(-1)!.body).toContain(
      `Promotion of api, webhooks, worker sha256:${CANDIDATE} to production succeeded`,
    );
    expect(result.jobs["qa"]!.result).toBe("skipped");
    expect(result.jobs["production"]!.result).toBe("skipped");
    expect(result.concurrency.map((c) => c.group)).toEqual([
      "greenlight-release-acme/shop-production",
    ]);
  });

  it("promotes on to 50 and 100 and finalizes while the live error rate stays low", async () => {
    metrics.setErrorShare(0);
    const decisions: string[] = [];
    const weights = new Set<number>();
    for (let i = 0; i < 40 && !decisions.includes("finalize"); i++) {
      const { result, decision } = await tick();
      expect(failedSteps(result)).toBe("");
      decisions.push(decision);
      weights.add((await greenWeight()) ?? -1);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    expect(decisions.filter((d) => !["wait", "idle", ""].includes(d))).toEqual([
      "advance",
      "advance",
      "finalize",
    ]);
    expect([...weights].filter((w) => w > 10 && w < 100)).toEqual([50]);
    const final = JSON.parse(await world.infraFile(PRODUCTION)) as Record<string, unknown>;
    expect(final["api_blue_image"]).toBe(`${ECR}/api@sha256:${CANDIDATE}`);
  });
});
