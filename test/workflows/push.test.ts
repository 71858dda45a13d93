/**
 * The documented pipeline on a push, run as docs/workflows.md shows it: its caller workflow
 * (release) and examples/app/.github/greenlight.yml. The push builds the three services once
 * with Buildah into a real registry, deploys QA by a direct commit to the infra repository
 * and opens production's pull request with the very digests QA runs.
 *
 * What the test rewrites, and only that: the registry host (the ECR host → a Debian
 * docker-registry on loopback HTTPS behind a private CA). The infra repository's main
 * requires an approving review, as the documented setup has it; INFRA_TOKEN is an
 * administrator's token and the rule does not include administrators, so QA's direct commit
 * lands while production's pull request waits for the platform team. The runner is configured as a
 * self-hosted one would be: the CA in its trust store (SSL_CERT_FILE for Buildah,
 * NODE_EXTRA_CA_CERTS for Node) and Buildah's storage and isolation through Buildah's own
 * variables (vfs storage in a temporary directory, chroot isolation), as root in a container.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestRegistry } from "../helpers/registry.js";
import {
  removeDir,
  requireCommand,
  skopeoDigest,
  skopeoRaw,
  startRegistry,
  writeScratchProject,
} from "../helpers/registry.js";
import { tempDir } from "../helpers/run-context.js";
import type { Receiver } from "../integration/notify/receivers.js";
import { slackWebhookReceiver } from "../integration/notify/receivers.js";
import { makeCertificate } from "../integration/verify/servers.js";
import { workflowExample } from "./docs-examples.js";
import { repoRoot } from "./harness/load.js";
import type { RunResult } from "./harness/workflow.js";
import { failedSteps } from "./harness/workflow.js";
import type { WorkflowWorld } from "./world.js";
import { INFRA_REPOSITORY, INFRA_TOKEN, startWorkflowWorld } from "./world.js";

const ECR = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";
const SERVICES = ["api", "webhooks", "worker"] as const;
const QA = "envs/qa/release.auto.tfvars.json";
const PRODUCTION = "envs/production/release.auto.tfvars.json";
const SLACK_PATH = "/services/T000/B000/slack-hook-secret";
const OLD = "1111111111111111111111111111111111111111111111111111111111111111";

/** An environment's release before the push: the same old release on both sides. */
function releaseFile(registry: string): string {
  const values: Record<string, string | number> = {};
  for (const service of SERVICES) {
    values[`${service}_blue_image`] = `${registry}/${service}@sha256:${OLD}`;
    values[`${service}_green_image`] = `${registry}/${service}@sha256:${OLD}`;
    if (service !== "worker") {
      values[`${service}_blue_weight`] = 100;
      values[`${service}_green_weight`] = 0;
    }
  }
  return `${JSON.stringify(values, null, 2)}\n`;
}

let root: string;
let registry: TestRegistry;
let slack: Receiver;
let world: WorkflowWorld;
let runnerEnv: Record<string, string>;

beforeAll(async () => {
  await requireCommand("buildah");
  await requireCommand("skopeo");
  root = tempDir("greenlight-push-");
  const cert = makeCertificate(root, 30, "loopback");
  registry = await startRegistry(join(root, "registry"), { tls: cert });
  slack = await slackWebhookReceiver(cert);
  // The runner's trust store: the system's CAs and the private one.
  const trust = join(root, "ca-bundle.pem");
  writeFileSync(
    trust,
    `${readFileSync("/etc/ssl/certs/ca-certificates.crt", "utf8")}\n${cert.cert}`,
  );
  const storageConf = join(root, "storage.conf");
  writeFileSync(
    storageConf,
    `[storage]\ndriver = "vfs"\ngraphroot = "${join(root, "buildah", "storage")}"\nrunroot = "${join(root, "buildah", "run")}"\n`,
  );
  runnerEnv = {
    NODE_EXTRA_CA_CERTS: cert.certFile,
    SSL_CERT_FILE: trust,
    CONTAINERS_STORAGE_CONF: storageConf,
    BUILDAH_ISOLATION: "chroot",
  };
  const onLoopback = (text: string) => text.replaceAll(ECR, registry.host);
  world = await startWorkflowWorld({
    app: {
      ".github/workflows/release.yml": onLoopback(workflowExample("docs/workflows.md", "release")),
      ".github/greenlight.yml": onLoopback(
        readFileSync(join(repoRoot, "examples/app/.github/greenlight.yml"), "utf8"),
      ),
    },
    infra: { [QA]: releaseFile(registry.host), [PRODUCTION]: releaseFile(registry.host) },
  });
  const [owner, repo] = INFRA_REPOSITORY.split("/") as [string, string];
  await world.sandbox.octokit(INFRA_TOKEN).rest.repos.updateBranchProtection({
    owner,
    repo,
    branch: "main",
    required_status_checks: null,
    enforce_admins: false,
    required_pull_request_reviews: { required_approving_review_count: 1 },
    restrictions: null,
  });
  // One Dockerfile with a FROM scratch stage per service, as the config's targets name them.
  writeScratchProject(world.appRepo, SERVICES);
  world.commitApp({}, "Services");
}, 120_000);

afterAll(async () => {
  await world?.close();
  await slack?.close();
  await registry?.stop();
  if (root) removeDir(root);
});

const environmentSecrets = () => ({
  INFRA_TOKEN,
  SLACK_WEBHOOK_URL: slack.url(SLACK_PATH),
});

let result: RunResult;
let sha: string;

describe("the documented pipeline on a push", () => {
  it("builds once, deploys QA by a direct commit and opens production's pull request", async () => {
    sha = world.sha();
    result = await world.run(".github/workflows/release.yml", {
      event: {
        name: "push",
        payload: { ref: "refs/heads/main", after: sha, repository: { full_name: "acme/shop" } },
      },
      secrets: {
        environments: { qa: environmentSecrets(), production: environmentSecrets() },
      },
      runnerEnv,
    });
    expect(failedSteps(result)).toBe("");
    expect(result.conclusion).toBe("success");
    const results = Object.fromEntries(
      Object.entries(result.jobs).map(([name, job]) => [name, job.result]),
    );
    expect(results).toEqual({
      "qa / preflight": "success",
      "qa / build": "success",
      "qa / migrate": "skipped",
      "qa / release": "success",
      "qa / verify": "success",
      "qa / notify": "success",
      "production / preflight": "success",
      "production / build": "skipped",
      "production / migrate": "skipped",
      "production / release": "success",
      // Auto-merge waits for the review: nothing is live yet to verify.
      "production / verify": "skipped",
      "production / notify": "success",
      promote: "skipped",
    });
  }, 240_000);

  it("puts in QA exactly the digests the registry serves for the commit", async () => {
    const qa = JSON.parse(await world.infraFile(QA)) as Record<string, unknown>;
    const built: Record<string, string> = {};
    for (const service of SERVICES) {
      const digest = await skopeoDigest(`${registry.host}/${service}:${sha}`);
      expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      built[service] = `${registry.host}/${service}@${digest}`;
      expect(qa[`${service}_green_image`]).toBe(built[service]);
      expect(qa[`${service}_blue_image`]).toBe(`${registry.host}/${service}@sha256:${OLD}`);
    }
    expect(JSON.parse(result.jobs["qa / release"]!.outputs["images"]!)).toEqual(built);
    // api is built for both of its platforms, as one image index.
    const api = await skopeoRaw(`${registry.host}/api:${sha}`);
    const platforms = (api.json["manifests"] as { platform: { architecture: string } }[]).map(
      (m) => m.platform.architecture,
    );
    expect(platforms.sort()).toEqual(["amd64", "arm64"]);
    // Only the build job logged in, and with the ECR password of the documented OIDC path.
    expect(result.cliCalls()).toContain(
      `docker login --username AWS --password-stdin ${registry.host}`,
    );
  });

  it("opens production's pull request with the same digests, production's main untouched", async () => {
    const octokit = world.sandbox.octokit(INFRA_TOKEN);
    const [owner, repo] = INFRA_REPOSITORY.split("/") as [string, string];
    const { data: pulls } = await octokit.rest.pulls.list({ owner, repo, state: "open" });
    expect(pulls).toHaveLength(1);
    const pull = pulls[0]!;
    expect(result.jobs["production / release"]!.outputs["pull-request-url"]).toBe(pull.html_url);
    expect(pull.labels.map((l) => l.name)).toEqual(["release"]);
    expect(pull.requested_teams?.map((t) => t.slug)).toEqual(["platform"]);
    expect(pull.auto_merge?.merge_method).toBe("squash");
    const proposed = JSON.parse(await world.infraFile(PRODUCTION, pull.head.ref)) as Record<
      string,
      unknown
    >;
    const qa = JSON.parse(await world.infraFile(QA)) as Record<string, unknown>;
    for (const service of SERVICES) {
      expect(proposed[`${service}_green_image`]).toBe(qa[`${service}_green_image`]);
      expect(proposed[`${service}_blue_image`]).toBe(`${registry.host}/${service}@sha256:${OLD}`);
    }
    expect(await world.infraFile(PRODUCTION)).toBe(releaseFile(registry.host));
  });

  it("tells Slack about both deploys, production's with its pull request", () => {
    expect(slack.requests.every((r) => r.url === SLACK_PATH && !r.refused)).toBe(true);
    const titles = slack.requests.map((r) => String(r.json?.["text"]));
    expect(titles).toEqual([
      expect.stringMatching(new RegExp(`Deploy of .*${sha}.* to qa succeeded$`)),
      expect.stringMatching(new RegExp(`Deploy of .*${sha}.* to production succeeded$`)),
    ]);
    const pullUrl = result.jobs["production / release"]!.outputs["pull-request-url"]!;
    expect(pullUrl).not.toBe("");
    expect(slack.requests[1]!.body).toContain(pullUrl);
  });
});
