/**
 * A bad release rolled back by the documented pipeline's schedule: its caller workflow
 * (release) and examples/app/.github/greenlight.yml. Production's previous release is
 * finalized; a new release lands on green (as the push path lands it, after the finalize);
 * scheduled ticks move it to 10%, the live error rate in a real Prometheus is above the
 * gate, and a tick rolls it back. The environment's verify checks then run against the stable
 * side, and the notification says the rollback worked. A rollback by hand while the stable
 * side fails its checks is notified as a failed rollback.
 *
 * What the test rewrites, and only that: the Prometheus URL (→ the loopback Prometheus), the
 * bake time (10m → 2s), the error-rate analysis's measurement interval (the 1m default →
 * 1s), and production's verify check (its URL → a loopback HTTPS endpoint, with a 10s
 * deadline). The endpoint answers as production's load balancer would: the bad release
 * answers errors while green takes any traffic, the stable side answers 200 (until the test
 * makes it unhealthy).
 */
import { rollbackCaller, scheduledTick } from "./callers.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import type { PrometheusServer } from "../helpers/prometheus.js";
import { startPrometheus } from "../helpers/prometheus.js";
import { tempDir } from "../helpers/run-context.js";
import { gitLog } from "../helpers/sandbox.js";
import type { Receiver } from "../integration/notify/receivers.js";
import { slackWebhookReceiver } from "../integration/notify/receivers.js";
import type { TestServer } from "../integration/verify/servers.js";
import { makeCertificate, sendJson, startServer } from "../integration/verify/servers.js";
import { workflowExample } from "./docs-examples.js";
import type { GreenMetrics } from "./green-metrics.js";
import { startGreenMetrics } from "./green-metrics.js";
import { repoRoot } from "./harness/load.js";
import type { RunResult } from "./harness/workflow.js";
import { failedSteps } from "./harness/workflow.js";
import type { WorkflowWorld } from "./world.js";
import { INFRA_TOKEN, startWorkflowWorld } from "./world.js";

const ECR = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";
const PRODUCTION = "envs/production/release.auto.tfvars.json";
const STABLE = "1111111111111111111111111111111111111111111111111111111111111111";
const BAD = "3333333333333333333333333333333333333333333333333333333333333333";
const SERVICES = ["api", "webhooks", "worker"];
const SLACK_PATH = "/services/T000/B000/slack-hook-secret";

/** Production's release file with `green` on the green side; a finalized release has green = blue. */
function productionFile(green: string): string {
  const values: Record<string, string | number> = {};
  for (const service of SERVICES) {
    values[`${service}_blue_image`] = `${ECR}/${service}@sha256:${STABLE}`;
    values[`${service}_green_image`] = `${ECR}/${service}@sha256:${green}`;
    if (service !== "worker") {
      values[`${service}_blue_weight`] = 100;
      values[`${service}_green_weight`] = 0;
    }
  }
  return `${JSON.stringify(values, null, 2)}\n`;
}

/** A rollback by hand, passing the secrets it needs by name. */
const ROLLBACK_CALLER = rollbackCaller(["INFRA_TOKEN", "SLACK_WEBHOOK_URL"]);

let world: WorkflowWorld;
let prometheus: PrometheusServer;
let metrics: GreenMetrics;
let slack: Receiver;
let health: TestServer;
let caFile: string;
let stableHealthy = true;
/** Green weights production's load balancer had when each health request came in. */
const healthRequests: number[] = [];

/** production's health as its users reach it: the bad release fails while it takes traffic. */
async function answerHealth(res: Parameters<typeof sendJson>[0]): Promise<void> {
  const values = JSON.parse(await world.infraFile(PRODUCTION)) as Record<string, number>;
  const green = Math.max(values["api_green_weight"] ?? 0, values["webhooks_green_weight"] ?? 0);
  healthRequests.push(green);
  if (green > 0 || !stableHealthy) sendJson(res, 503, { status: "down" });
  else sendJson(res, 200, { status: "ok" });
}

function scenarioConfig(): string {
  const doc = YAML.parseDocument(
    readFileSync(join(repoRoot, "examples/app/.github/greenlight.yml"), "utf8"),
  );
  const production = ["environments", "production"];
  doc.setIn([...production, "promotion", "bake-time"], "2s");
  doc.setIn([...production, "promotion", "analyses", 0, "prometheus", "url"], prometheus.url);
  doc.setIn([...production, "promotion", "analyses", 0, "interval"], "1s");
  doc.setIn([...production, "verify", "checks", 0, "url"], health.url("/health"));
  doc.setIn([...production, "verify", "deadline"], "10s");
  doc.setIn([...production, "verify", "interval"], "1s");
  return doc.toString();
}

/** Writes the release file on main directly, as the push path lands a release. */
async function landRelease(content: string, message: string): Promise<void> {
  const repo = { owner: "acme", repo: "infra" };
  const octokit = world.sandbox.octokit(INFRA_TOKEN);
  const head = (await octokit.rest.git.getRef({ ...repo, ref: "heads/main" })).data.object.sha;
  const parent = (await octokit.rest.git.getCommit({ ...repo, commit_sha: head })).data;
  const tree = await octokit.rest.git.createTree({
    ...repo,
    base_tree: parent.tree.sha,
    tree: [{ path: PRODUCTION, mode: "100644", type: "blob", content }],
  });
  const commit = await octokit.rest.git.createCommit({
    ...repo,
    message,
    tree: tree.data.sha,
    parents: [head],
  });
  await octokit.rest.git.updateRef({ ...repo, ref: "heads/main", sha: commit.data.sha });
}

beforeAll(async () => {
  const dir = tempDir("greenlight-rollback-schedule-");
  const cert = makeCertificate(dir, 30, "loopback");
  caFile = cert.certFile;
  // The bad release: half of green's requests fail from the start.
  metrics = await startGreenMetrics(0.5);
  prometheus = await startPrometheus({ targets: [metrics.target], scrapeIntervalS: 1 });
  await prometheus.waitForData('http_requests_total{color="green"}');
  slack = await slackWebhookReceiver(cert);
  health = await startServer((_req, res) => answerHealth(res), { tls: cert });
  world = await startWorkflowWorld({
    app: {
      ".github/workflows/release.yml": workflowExample("docs/workflows.md", "release"),
      ".github/workflows/rollback.yml": ROLLBACK_CALLER,
      ".github/greenlight.yml": scenarioConfig(),
    },
    // The previous release, finalized: blue and green both hold it, all traffic on blue.
    infra: { [PRODUCTION]: productionFile(STABLE) },
  });
  await landRelease(productionFile(BAD), "Deploy api, webhooks, worker 3333333 to production");
}, 120_000);

afterAll(async () => {
  await world?.close();
  await prometheus?.stop();
  await metrics?.stop();
  await slack?.close();
  await health?.close();
});

const tick = () =>
  scheduledTick(
    world,
    ".github/workflows/release.yml",
    { INFRA_TOKEN, SLACK_WEBHOOK_URL: slack.url(SLACK_PATH) },
    caFile,
  );

const production = async () =>
  JSON.parse(await world.infraFile(PRODUCTION)) as Record<string, string | number>;

const jobResults = (result: RunResult) =>
  Object.fromEntries(Object.values(result.jobs).map((job) => [job.name, job.result]));

/** What Slack received: each message's title (Slack's `text`) and its whole payload. */
const slackMessages = () =>
  slack.requests.map((r) => ({ title: String(r.json?.["text"]), body: r.body }));

describe("a bad release on the documented pipeline's schedule", () => {
  it("is moved to 10%, rolled back by a tick on the live error rate, and the stable side verified", async () => {
    const first = await tick();
    expect(failedSteps(first.result)).toBe("");
    // Deployed after a finalize, it is a release to promote, not an idle environment.
    expect(first.decision).toBe("advance");
    expect((await production())["api_green_weight"]).toBe(10);

    let rolledBack: RunResult | undefined;
    const decisions: string[] = [];
    for (let i = 0; i < 30 && !rolledBack; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const { result, decision } = await tick();
      decisions.push(decision);
      if (decision === "rollback") rolledBack = result;
      else expect(failedSteps(result)).toBe("");
    }
    expect(decisions.filter((d) => d !== "wait")).toEqual(["rollback"]);
    const result = rolledBack!;

    // The infra repository: all traffic back on the stable side and, as production's file
    // has no desired counts, the stable release on green too, in one commit on main that
    // says why and names the bad release it took away.
    const values = await production();
    for (const service of ["api", "webhooks"]) {
      expect(values[`${service}_blue_weight`], service).toBe(100);
      expect(values[`${service}_green_weight`], service).toBe(0);
    }
    const [head] = await gitLog(world.infraRepo, "main");
    expect(head!.subject).toMatch(
      /^Roll back api, webhooks, worker in production: analysis failed: error-rate/,
    );
    for (const service of SERVICES) {
      const stable = `${ECR}/${service}@sha256:${STABLE}`;
      expect(values[`${service}_blue_image`]).toBe(stable);
      expect(values[`${service}_green_image`]).toBe(stable);
      expect(head!.message).toContain(
        `${service} green-image: "${ECR}/${service}@sha256:${BAD}" -> "${stable}"`,
      );
    }

    // Job results: the tick fails (the release failed), the rollback it made is on main, the
    // stable side passed its checks, and the notification went out.
    expect(jobResults(result)).toEqual({
      qa: "skipped",
      production: "skipped",
      "promote / tick": "failure",
      "promote / verify": "success",
      "promote / notify": "success",
    });
    expect(result.jobs["promote / tick"]!.outputs["landed"]).toBe("true");
    expect(result.jobs["promote / verify"]!.outputs["passed"]).toBe("true");
    // The verify reached production after the rollback, when green had no traffic any more.
    expect(healthRequests.length).toBeGreaterThan(0);
    expect(healthRequests.at(-1)).toBe(0);

    // What Slack got: a rollback that worked, with the analysis and the verify in the evidence.
    const rollbacks = slackMessages().filter((m) => m.title.includes("Rollback"));
    expect(rollbacks).toHaveLength(1);
    const [message] = rollbacks;
    expect(message!.title).toMatch(/^🟠 Rollback of .* to production succeeded$/);
    expect(message!.title).not.toMatch(/fail/i);
    expect(message!.body).toContain("error-rate");
    expect(message!.body).toContain(
      `stable side passed its verify checks after the rollback (127.0.0.1:${health.port}/health)`,
    );
  }, 300_000);

  it("stays rolled back on the next tick, with nothing to notify", async () => {
    const before = slack.requests.length;
    const { result, decision } = await tick();
    expect(failedSteps(result)).toBe("");
    expect(decision).toBe("idle");
    expect(result.jobs["promote / verify"]!.result).toBe("skipped");
    expect(result.jobs["promote / notify"]!.result).toBe("skipped");
    expect(slack.requests.length).toBe(before);
  }, 120_000);

  it("reports a rollback by hand whose stable side fails its checks as a failed rollback", async () => {
    stableHealthy = false;
    const before = slack.requests.length;
    const result = await world.run(".github/workflows/rollback.yml", {
      event: {
        name: "workflow_dispatch",
        inputs: { environment: "production", reason: "errors reported by support" },
      },
      secrets: {
        environments: { production: { INFRA_TOKEN, SLACK_WEBHOOK_URL: slack.url(SLACK_PATH) } },
      },
      runnerEnv: { NODE_EXTRA_CA_CERTS: caFile },
    });
    expect(jobResults(result)).toEqual({
      "rollback / rollback": "success",
      "rollback / verify": "failure",
      "rollback / notify": "success",
    });
    expect(result.conclusion).toBe("failure");
    expect(result.jobs["rollback / verify"]!.outputs["passed"]).toBe("false");
    const [message, ...more] = slackMessages().slice(before);
    expect(more).toEqual([]);
    // Already rolled back by the tick: no release left on green to name, only the services.
    expect(message!.title).toBe("🔴 Rollback of api, webhooks, worker to production failed");
    expect(message!.body).toContain(
      `stable side failed its verify checks after the rollback (127.0.0.1:${health.port}/health)`,
    );
    expect(message!.body).toContain("errors reported by support");
  }, 120_000);

  it("names the release it rolled back by hand in the notification", async () => {
    stableHealthy = true;
    await landRelease(productionFile(BAD), "Deploy api, webhooks, worker 3333333 to production");
    const before = slack.requests.length;
    const result = await world.run(".github/workflows/rollback.yml", {
      event: {
        name: "workflow_dispatch",
        inputs: { environment: "production", reason: "errors reported by support" },
      },
      secrets: {
        environments: { production: { INFRA_TOKEN, SLACK_WEBHOOK_URL: slack.url(SLACK_PATH) } },
      },
      runnerEnv: { NODE_EXTRA_CA_CERTS: caFile },
    });
    expect(failedSteps(result)).toBe("");
    expect(result.jobs["rollback / rollback"]!.outputs["version"]).toBe(`sha256:${BAD}`);
    const [message, ...more] = slackMessages().slice(before);
    expect(more).toEqual([]);
    expect(message!.title).toBe(
      `🟠 Rollback of api, webhooks, worker sha256:${BAD} to production succeeded`,
    );
    expect(message!.body).toContain(`${ECR}/api@sha256:${STABLE}`);
  }, 120_000);
});
