/**
 * Greenlight's GitHub traffic and the sandbox's answers, held to what GitHub publishes:
 * every REST request Greenlight sends (query and body) and every answer the sandbox gives
 * (status and body) against the OpenAPI description in @octokit/openapi, and every GraphQL
 * document Greenlight sends (with its variables) against @octokit/graphql-schema. The
 * sandbox's own code is typed with @octokit/openapi-types; this checks the bytes.
 *
 * Every route the sandbox serves is exercised here, so a new route cannot escape the check.
 */
import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../../src/core/clock.js";
import { createGitHubClient } from "../../../src/core/github/client.js";
import { MemoryLogger } from "../../../src/core/logger.js";
import { SecretRegistry } from "../../../src/core/secrets.js";
import { InfraRepo } from "../../../src/release/infra-repo.js";
import { GitHubReleaseSource } from "../../../src/release/github-release-source.js";
import {
  GitHubDeploymentRecorder,
  GitHubVerificationLog,
} from "../../../src/release/deployment-status.js";
import type { Exchange } from "../../../src/sandbox/index.js";
import { RateLimiter } from "../../../src/sandbox/rate-limit.js";
import { allRoutes } from "../../../src/sandbox/routes/index.js";
import { exchangeProblems, graphqlProblems } from "../../helpers/github-contract.js";
import type { Harness } from "../../helpers/open-pr-harness.js";
import { startHarness, TFVARS } from "../../helpers/open-pr-harness.js";
import { TestOctokit } from "../../helpers/sandbox.js";
import { startInfraWorld } from "../promote/infra-world.js";

const IMAGE = (svc: string, v: string) => `registry.example.com/${svc}:${v}`;
const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
const repo = { owner: "acme", repo: "infra" };

/**
 * Places where the published description contradicts itself, so no answer can satisfy it;
 * problems under them are reported upstream, not here.
 */
const DESCRIPTION_DEFECTS: { route: string; at: string; why: string }[] = [
  {
    route: "GET /app/installations",
    at: ".account:",
    why: "account is an allOf of simple-user and enterprise (it should be anyOf, as in the installation schema)",
  },
];

function knownDefect(route: string, problem: string): boolean {
  return DESCRIPTION_DEFECTS.some((d) => d.route === route && problem.includes(d.at));
}

const exchanges: { exchange: Exchange; greenlight: boolean }[] = [];
let greenlight = true;
const record = (exchange: Exchange) => exchanges.push({ exchange, greenlight });

let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    sandbox: {
      onExchange: record,
      workflowTokens: ["ghs_workflow"],
      apps: [
        {
          id: 77,
          clientId: "Iv1.contract",
          publicKeyPem: keys.publicKey.export({ type: "spki", format: "pem" }).toString(),
          installations: [
            {
              id: 7,
              account: "acme",
              repositories: ["acme/infra"],
              permissions: {
                contents: "write",
                pull_requests: "write",
                deployments: "write",
                members: "read",
                issues: "write",
              },
            },
          ],
        },
      ],
    },
  });
  await runGreenlight();
  greenlight = false;
  await tourTheSandbox();
}, 600_000);
afterAll(() => h?.close());

function octokit(token = "sandbox-token") {
  return new TestOctokit({ baseUrl: h.sandbox.url, auth: token });
}

function ok(outcome: { error?: unknown }) {
  if (outcome.error) throw outcome.error;
}

/** What Greenlight itself sends, through its actions and its promote/rollback building blocks. */
async function runGreenlight() {
  const app = {
    token: "",
    "app-id": "77",
    "private-key": keys.privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
  };
  // A pull request with everything on it, opened with an App token, then updated.
  ok(
    await h.run({
      ...app,
      images: `svc0=${IMAGE("svc0", "2.0.0")}`,
      labels: "deploy",
      assignees: "bob",
      reviewers: "alice",
      "team-reviewers": "platform",
    }),
  );
  ok(await h.run({ images: `svc0=${IMAGE("svc0", "3.0.0")}` }));
  // Auto-merge with nothing pending (merged at once) and behind a required check.
  ok(await h.run({ images: `svc1=${IMAGE("svc1", "2.0.0")}`, merge: "auto-merge" }));
  greenlight = false;
  await octokit().rest.repos.updateBranchProtection({
    ...repo,
    branch: "main",
    required_status_checks: { strict: false, contexts: ["ci"] },
    enforce_admins: false,
    required_pull_request_reviews: null,
    restrictions: null,
  });
  greenlight = true;
  ok(await h.run({ images: `svc2=${IMAGE("svc2", "2.0.0")}`, merge: "auto-merge" }));
  greenlight = false;
  await octokit().rest.repos.deleteBranchProtection({ ...repo, branch: "main" });
  greenlight = true;
  // A direct commit, a wait for a merge, and a branch restarted after its pull request merged.
  ok(await h.run({ images: `svc2=${IMAGE("svc2", "9.0.0")}`, merge: "direct" }));
  ok(
    await h.run({
      images: `svc0=${IMAGE("svc0", "4.0.0")}`,
      merge: "auto-merge",
      "wait-for-merge": "true",
    }),
  );
  ok(await h.run({ images: `svc0=${IMAGE("svc0", "4.0.1")}` }));
  ok(await h.run({ images: `svc0=${IMAGE("svc0", "4.0.1")}` }));

  // promote's building blocks: the release source (GraphQL), deployments, verifications.
  const client = await createGitHubClient({
    token: "sandbox-token",
    repository: "acme/infra",
    baseUrl: h.sandbox.url,
    logger: new MemoryLogger(),
    clock: systemClock,
    secrets: new SecretRegistry(),
    env: {},
  });
  const infra = new InfraRepo(client.octokit, repo);
  const source = new GitHubReleaseSource(client.graphql, infra);
  const overview = await source.overview({
    base: "main",
    path: TFVARS,
    branches: ["greenlight/production/promote", "greenlight/production/rollback"],
    depth: 5,
  });
  const head = overview!.head;
  const recorder = new GitHubDeploymentRecorder(client.octokit, repo);
  await recorder.record({
    environment: "production",
    onceFor: "hold",
    ref: head,
    task: "deploy:promote",
    state: "success",
    description: "advance to 10%",
    payload: { step: 10 },
  });
  const verifications = new GitHubVerificationLog(client.octokit, repo);
  await verifications.confirm("production", head, { analyses: [] });
  await verifications.confirmedAt("production", head);

  // Whole promote and rollback ticks, in pull-request mode.
  const world = await startInfraWorld({
    promotion: { steps: [10, 50, 100], "bake-time": "0s" },
    merge: "auto-merge",
    sandbox: { onExchange: record },
  });
  try {
    ok(await world.promote());
    ok(await world.promote());
    ok(await world.rollback({ services: "api", reason: "contract" }));
  } finally {
    await world.close();
  }
}

/** Every other route the sandbox serves, so each answer is checked too. */
async function tourTheSandbox() {
  const o = octokit();
  await o.request("GET /rate_limit");
  await o.request("GET /user");
  await o.rest.repos.get(repo);
  await o.rest.repos.update({ ...repo, allow_auto_merge: true });
  const main = (await o.rest.git.getRef({ ...repo, ref: "heads/main" })).data.object.sha;
  await o.rest.git.listMatchingRefs({ ...repo, ref: "heads/" });
  const commit = await o.rest.git.getCommit({ ...repo, commit_sha: main });
  await o.rest.git.getTree({ ...repo, tree_sha: commit.data.tree.sha });
  const blob = await o.rest.git.createBlob({ ...repo, content: "tour\n", encoding: "utf-8" });
  await o.rest.git.getBlob({ ...repo, file_sha: blob.data.sha });
  await o.request("GET /repos/{owner}/{repo}/contents", repo).catch(() => undefined);
  await o.rest.repos.getContent({ ...repo, path: "main.tf" });
  await o.rest.repos.getContent({ ...repo, path: "nope.tf" }).catch(() => undefined);
  await o.rest.repos.getBranch({ ...repo, branch: "main" });
  await o.rest.repos.listCommits({ ...repo, per_page: 2 });
  await o.rest.repos.getCommit({ ...repo, ref: main });
  await o.rest.repos.createCommitStatus({ ...repo, sha: main, state: "success", context: "ci" });
  await o.rest.repos.getCombinedStatusForRef({ ...repo, ref: main });
  await o.rest.repos.listCommitStatusesForRef({ ...repo, ref: main });
  await o.rest.repos.getBranchProtection({ ...repo, branch: "main" }).catch(() => undefined);
  await o.rest.repos.updateBranchProtection({
    ...repo,
    branch: "main",
    required_status_checks: null,
    enforce_admins: true,
    required_pull_request_reviews: { required_approving_review_count: 1 },
    restrictions: null,
  });
  await o.rest.repos.getBranchProtection({ ...repo, branch: "main" });
  await o.rest.repos.deleteBranchProtection({ ...repo, branch: "main" });
  await o.rest.git.createRef({ ...repo, ref: "refs/heads/tour", sha: main });
  await o.rest.git.updateRef({ ...repo, ref: "heads/tour", sha: main, force: true });
  const tree = await o.rest.git.createTree({
    ...repo,
    base_tree: commit.data.tree.sha,
    tree: [{ path: "tour.txt", mode: "100644", type: "blob", sha: blob.data.sha }],
  });
  const tourCommit = await o.rest.git.createCommit({
    ...repo,
    message: "tour",
    tree: tree.data.sha,
    parents: [main],
  });
  await o.rest.git.updateRef({ ...repo, ref: "heads/tour", sha: tourCommit.data.sha });
  const pr = await o.rest.pulls.create({ ...repo, head: "tour", base: "main", title: "tour" });
  const n = { ...repo, pull_number: pr.data.number };
  const issue = { ...repo, issue_number: pr.data.number };
  await o.rest.pulls.list({ ...repo, state: "all", per_page: 5 });
  await o.rest.pulls.get(n);
  await o.rest.pulls.update({ ...n, body: "touring" });
  await o.rest.pulls.listFiles(n);
  await o.rest.pulls.requestReviewers({ ...n, reviewers: ["carol"] });
  await o.rest.pulls.listRequestedReviewers(n);
  await o.rest.pulls.removeRequestedReviewers({ ...n, reviewers: ["carol"] });
  await o.rest.issues.get(issue);
  await o.rest.issues.addLabels({ ...issue, labels: ["tour"] });
  await o.rest.issues.setLabels({ ...issue, labels: ["tour", "more"] });
  await o.rest.issues.listLabelsOnIssue(issue);
  await o.rest.issues.removeLabel({ ...issue, name: "more" });
  await o.rest.issues.createLabel({ ...repo, name: "extra", color: "00ff00" });
  await o.rest.issues.getLabel({ ...repo, name: "extra" });
  await o.rest.issues.listLabelsForRepo(repo);
  await o.rest.issues.createComment({ ...issue, body: "hello" });
  await o.rest.issues.listComments(issue);
  await o.rest.issues.addAssignees({ ...issue, assignees: ["bob"] });
  await o.rest.issues.removeAssignees({ ...issue, assignees: ["bob"] });
  await o.rest.pulls.checkIfMerged(n).catch(() => undefined);
  await o.rest.pulls.merge({ ...n, merge_method: "merge" });
  await o.rest.pulls.checkIfMerged(n);
  await o.rest.git.deleteRef({ ...repo, ref: "heads/tour" });
  const deployment = await o.rest.repos.createDeployment({
    ...repo,
    ref: main,
    environment: "tour",
    auto_merge: false,
    required_contexts: [],
  });
  const id = (deployment.data as { id: number }).id;
  await o.rest.repos.listDeployments({ ...repo, environment: "tour" });
  await o.rest.repos.getDeployment({ ...repo, deployment_id: id });
  const status = await o.rest.repos.createDeploymentStatus({
    ...repo,
    deployment_id: id,
    state: "inactive",
  });
  await o.rest.repos.listDeploymentStatuses({ ...repo, deployment_id: id });
  await o.rest.repos.getDeploymentStatus({
    ...repo,
    deployment_id: id,
    status_id: Number(status.data.id),
  });
  await o.rest.repos.deleteDeployment({ ...repo, deployment_id: id });
  // The App's own routes, with its JWT and an installation token.
  await appTour();
}

async function appTour() {
  const client = await createGitHubClient({
    app: {
      appId: "77",
      privateKey: keys.privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
    },
    repository: "acme/infra",
    baseUrl: h.sandbox.url,
    logger: new MemoryLogger(),
    clock: systemClock,
    secrets: new SecretRegistry(),
    env: {},
  });
  await client.octokit.request("GET /installation/repositories");
  await client.revoke();
  const { createPrivateKey, sign } = await import("node:crypto");
  const now = Math.floor(Date.now() / 1000);
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const input = `${part({ alg: "RS256", typ: "JWT" })}.${part({ iat: now - 60, exp: now + 500, iss: "77" })}`;
  const jwt = `${input}.${sign("sha256", Buffer.from(input), createPrivateKey(keys.privateKey.export({ type: "pkcs1", format: "pem" }))).toString("base64url")}`;
  const asApp = new TestOctokit({ baseUrl: h.sandbox.url, auth: jwt, authStrategy: undefined });
  await asApp.request("GET /app", { headers: { authorization: `Bearer ${jwt}` } });
  await asApp.request("GET /app/installations", { headers: { authorization: `Bearer ${jwt}` } });
  await asApp.request("GET /app/installations/{installation_id}", {
    installation_id: 7,
    headers: { authorization: `Bearer ${jwt}` },
  });
}

describe("GitHub's published contracts", () => {
  it("every REST request Greenlight sends matches GitHub's OpenAPI description", () => {
    const problems = exchanges
      .filter((e) => e.greenlight && e.exchange.route !== "POST /graphql" && !e.exchange.faulted)
      .flatMap(({ exchange }) =>
        exchangeProblems(exchange)
          .filter(
            (p) => p.startsWith("request") || p.startsWith("query") || p.includes("not in GitHub"),
          )
          .map((p) => `${exchange.route}: ${p}`),
      );
    expect([...new Set(problems)]).toEqual([]);
    expect(exchanges.filter((e) => e.greenlight).length).toBeGreaterThan(50);
  });

  it("every sandbox answer matches GitHub's OpenAPI description", () => {
    const problems = exchanges
      .filter((e) => e.exchange.route !== "POST /graphql" && !e.exchange.faulted)
      .flatMap(({ exchange }) =>
        exchangeProblems(exchange)
          .filter((p) => !knownDefect(exchange.route, p))
          .map((p) => `${exchange.route}: ${p}`),
      );
    expect([...new Set(problems)]).toEqual([]);
  });

  it("every GraphQL document Greenlight sends validates against GitHub's schema", () => {
    const documents = exchanges.filter((e) => e.greenlight && e.exchange.route === "POST /graphql");
    expect(documents.length).toBeGreaterThan(5);
    const problems = documents.flatMap(({ exchange }) => {
      const body = exchange.requestBody as { query: string; variables?: Record<string, unknown> };
      return graphqlProblems(body.query, body.variables).map(
        (p) => `${body.query.slice(0, 60).replace(/\s+/g, " ")}…: ${p}`,
      );
    });
    expect([...new Set(problems)]).toEqual([]);
  });

  it("exercises every route the sandbox serves", () => {
    const served = new Set(exchanges.map((e) => e.exchange.route));
    const routes = allRoutes(new RateLimiter(() => new Date())).map(
      (r) => `${r.method} ${r.template}`,
    );
    expect(routes.filter((r) => !served.has(r))).toEqual([]);
  });
});
