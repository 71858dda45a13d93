/**
 * How open-pr (and promote's lander) handle what GitHub really answers, against the sandbox
 * that now answers the same way: auto-merge refused on a pull request with nothing pending,
 * review requests refused for good, GraphQL failures with HTTP 200, files over 1 MB, draft
 * with auto-merge, GHES before 3.14, protected branches and GITHUB_TOKEN.
 */
import { execFileSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigurationError } from "../../../src/core/errors.js";
import { MemoryLogger } from "../../../src/core/logger.js";
import { InfraRepo } from "../../../src/release/infra-repo.js";
import { GitHubLander } from "../../../src/release/land-change.js";
import type { Harness, RunOutcome } from "../../helpers/open-pr-harness.js";
import { fastClock, releaseFile, startHarness, TFVARS } from "../../helpers/open-pr-harness.js";
import { TestOctokit } from "../../helpers/sandbox.js";

const IMAGE = (svc: string, v: string) => `registry.example.com/${svc}:${v}`;
const WORKFLOW_TOKEN = "ghs_workflow";
const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
const PRIVATE_KEY = keys.privateKey.export({ type: "pkcs1", format: "pem" }).toString();
const PUBLIC_KEY = keys.publicKey.export({ type: "spki", format: "pem" }).toString();

function outputs(outcome: RunOutcome) {
  if (outcome.error) throw outcome.error;
  return outcome.result!.outputs;
}

function warnings(outcome: RunOutcome): string[] {
  return outcome.logger.records.filter((r) => r.level === "warning").map((r) => r.message);
}

let h: Harness;
afterEach(async () => {
  await h?.close();
});

function octokit(token = "sandbox-token") {
  return new TestOctokit({ baseUrl: h.sandbox.url, auth: token });
}

const repo = { owner: "acme", repo: "infra" };

async function requireCheck(context: string) {
  await octokit().rest.repos.updateBranchProtection({
    ...repo,
    branch: "main",
    required_status_checks: { strict: false, contexts: [context] },
    enforce_admins: true,
    required_pull_request_reviews: null,
    restrictions: null,
  });
}

describe("auto-merge", () => {
  it("merges a pull request with nothing pending at once, with the configured method", async () => {
    h = await startHarness();
    const outcome = await h.run({
      images: `svc0=${IMAGE("svc0", "2.0.0")}`,
      merge: "auto-merge",
      "merge-method": "squash",
    });
    const out = outputs(outcome);
    expect(out["operation"]).toBe("merged");
    expect(out["merge-sha"]).toBe(h.git("rev-parse", "main"));
    expect(h.git("log", "-1", "--format=%P", "main").split(" ")).toHaveLength(1);
    expect(JSON.parse(h.fileOn("main"))["svc0_green_image"]).toBe(IMAGE("svc0", "2.0.0"));
    const routes = h.sandbox.requests.map((r) => r.route);
    expect(routes).toContain("PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge");
  });

  it("queues auto-merge behind a required check, which merges the pull request when it passes", async () => {
    h = await startHarness();
    await requireCheck("ci");
    const out = outputs(
      await h.run({ images: `svc0=${IMAGE("svc0", "2.0.0")}`, merge: "auto-merge" }),
    );
    expect(out["operation"]).toBe("created");
    const number = Number(out["pull-request-number"]);
    const pr = await octokit().rest.pulls.get({ ...repo, pull_number: number });
    expect(pr.data.auto_merge?.merge_method).toBe("squash");
    expect(pr.data.merged).toBe(false);
    await octokit().rest.repos.createCommitStatus({
      ...repo,
      sha: pr.data.head.sha,
      state: "success",
      context: "ci",
    });
    expect((await octokit().rest.pulls.get({ ...repo, pull_number: number })).data.merged).toBe(
      true,
    );
  });

  it("names the repository setting when auto-merge is not allowed", async () => {
    h = await startHarness();
    await requireCheck("ci");
    await octokit().rest.repos.update({ ...repo, allow_auto_merge: false });
    const outcome = await h.run({ images: `svc0=${IMAGE("svc0", "2.0.0")}`, merge: "auto-merge" });
    expect(outcome.error).toBeInstanceOf(ConfigurationError);
    expect((outcome.error as Error).message).toMatch(
      /^Pull request #1 is open, but acme\/infra does not allow auto-merge: turn on "Allow auto-merge" in the repository's Settings → General → Pull Requests \(allow_auto_merge\), or set "merge" to pull-request\.$/,
    );
  });

  it("lets promote merge its waiting promotion pull request instead of leaving it open", async () => {
    h = await startHarness();
    const infra = new InfraRepo(octokit(), repo);
    const logger = new MemoryLogger();
    const lander = (mode: "pull-request" | "auto-merge") =>
      new GitHubLander({
        repo: infra,
        base: "main",
        file: TFVARS,
        environment: "production",
        mode,
        mergeMethod: "merge",
        labels: [],
        reviewers: [],
        source: {},
        clock: fastClock,
        logger,
      });
    const head = h.git("rev-parse", "main");
    // A promotion pull request that an earlier tick opened without auto-merge.
    const landed = await lander("pull-request").land({
      kind: "traffic",
      release: { weights: { svc0: 10 } },
      services: ["svc0"],
      headline: "Shift svc0 to 10%",
      body: "evidence",
      commitBody: "evidence",
      expectedHead: head,
      text: h.fileOn("main"),
      replanOnMovedBase: false,
    });
    expect(landed.pullRequest?.merged).toBe(false);
    const number = landed.pullRequest!.number;
    await lander("auto-merge").resume({
      branch: "greenlight/production/promote",
      number,
      url: landed.pullRequest!.url,
      nodeId: (await infra.pullRequest(number)).nodeId,
    });
    expect((await infra.pullRequest(number)).merged).toBe(true);
    expect(JSON.parse(h.fileOn("main"))["svc0_green_weight"]).toBe(10);
  });
});

describe("review requests", () => {
  it("asks for members: read when team reviewers are wanted from a GitHub App", async () => {
    h = await startHarness({
      sandbox: {
        apps: [
          {
            id: 8,
            clientId: "Iv1.teams",
            publicKeyPem: PUBLIC_KEY,
            installations: [
              {
                id: 3,
                account: "acme",
                repositories: ["acme/infra"],
                permissions: { contents: "write", pull_requests: "write", members: "read" },
              },
            ],
          },
        ],
      },
    });
    const app = { token: "", "app-id": "8", "private-key": PRIVATE_KEY };
    const out = outputs(
      await h.run({
        ...app,
        images: `svc0=${IMAGE("svc0", "2.0.0")}`,
        "team-reviewers": "platform",
      }),
    );
    const pr = await octokit().rest.pulls.get({
      ...repo,
      pull_number: Number(out["pull-request-number"]),
    });
    expect(pr.data.requested_teams?.map((team) => team.slug)).toEqual(["platform"]);
    // Without team reviewers the token is not given the organisation permission.
    outputs(await h.run({ ...app, images: `svc1=${IMAGE("svc1", "2.0.0")}` }));
  });

  it("warns, with the fix, when the token cannot read teams, and never retries the 422", async () => {
    h = await startHarness({ sandbox: { workflowTokens: [WORKFLOW_TOKEN] } });
    const outcome = await h.run({
      token: WORKFLOW_TOKEN,
      images: `svc0=${IMAGE("svc0", "2.0.0")}`,
      "team-reviewers": "platform",
    });
    expect(outputs(outcome)["operation"]).toBe("created");
    expect(warnings(outcome)).toEqual([
      `Pull request #1 was opened without review requests (team platform): the token cannot read the organisation's teams, so GitHub cannot find team platform (the workflow's GITHUB_TOKEN never can); for "team-reviewers" give open-pr a GitHub App installed with the organization permission "Members: read", or a token with the read:org scope.`,
    ]);
    const asks = h.sandbox.requests.filter((r) => r.route.endsWith("/requested_reviewers"));
    expect(asks.map((r) => r.status)).toEqual([422]);
  });

  it("warns when a reviewer is not a collaborator", async () => {
    h = await startHarness({ sandbox: { collaborators: { "acme/infra": ["alice"] } } });
    const outcome = await h.run({ images: `svc0=${IMAGE("svc0", "2.0.0")}`, reviewers: "mallory" });
    expect(outputs(outcome)["operation"]).toBe("created");
    expect(warnings(outcome)).toEqual([
      `Pull request #1 was opened without review requests (mallory): GitHub requests reviews only from collaborators of acme/infra; give those people or teams access to acme/infra (Settings → Collaborators and teams), or change "reviewers" and "team-reviewers".`,
    ]);
  });
});

describe("GraphQL failures with HTTP 200", () => {
  it("re-reads the branch after a commit whose answer timed out, and commits only once", async () => {
    h = await startHarness();
    h.sandbox.faults.add({
      route: "POST /graphql",
      kind: "graphql-error",
      afterWrite: true,
      times: 1,
    });
    const out = outputs(await h.run({ images: `svc0=${IMAGE("svc0", "2.0.0")}` }));
    expect(out["operation"]).toBe("created");
    expect(h.git("rev-list", "--count", `main..${out["branch"]}`)).toBe("1");
    expect(h.sandbox.requests.filter((r) => r.route === "POST /graphql")).toHaveLength(1);
  });

  it("waits out RATE_LIMITED until the reset and then commits", async () => {
    h = await startHarness();
    h.sandbox.faults.add({
      route: "POST /graphql",
      kind: "graphql-error",
      errorType: "RATE_LIMITED",
      retryAfterSeconds: 30,
      times: 1,
    });
    const outcome = await h.run({ images: `svc0=${IMAGE("svc0", "2.0.0")}` });
    expect(outputs(outcome)["operation"]).toBe("created");
    expect(warnings(outcome)[0]).toMatch(
      /^GitHub API rate limit used up at a GraphQL mutation; waiting/,
    );
    expect(h.git("rev-list", "--count", "main..greenlight/production/deploy-svc0")).toBe("1");
  });

  it("retries auto-merge through NOT_FOUND for a pull request GitHub does not see yet", async () => {
    h = await startHarness();
    h.sandbox.faults.add({
      route: "POST /graphql",
      kind: "graphql-error",
      errorType: "NOT_FOUND",
      message: "Could not resolve to a node with the global id of 'PR_kwDOA'.",
      // The first GraphQL request is the commit: let it through, fail the auto-merge.
      skip: 1,
      times: 1,
    });
    const out = outputs(
      await h.run({ images: `svc0=${IMAGE("svc0", "2.0.0")}`, merge: "auto-merge" }),
    );
    expect(out["operation"]).toBe("merged");
    expect(h.sandbox.requests.filter((r) => r.faulted === "graphql-error")).toHaveLength(1);
  });
});

describe("files over 1 MB", () => {
  it("reads a large tfvars file through the blob API instead of as empty", async () => {
    const large = JSON.parse(releaseFile(3)) as Record<string, unknown>;
    large["padding"] = "x".repeat(1024 * 1024);
    h = await startHarness({ files: { [TFVARS]: JSON.stringify(large, null, 2) + "\n" } });
    const out = outputs(await h.run({ images: `svc0=${IMAGE("svc0", "2.0.0")}` }));
    const text = execFileSync("git", ["--git-dir", h.bare, "show", `${out["branch"]}:${TFVARS}`], {
      encoding: "utf8",
      maxBuffer: 16 << 20,
    });
    const after = JSON.parse(text) as Record<string, unknown>;
    expect(after["svc0_green_image"]).toBe(IMAGE("svc0", "2.0.0"));
    expect(after["padding"]).toBe(large["padding"]);
    expect(h.sandbox.requests.map((r) => r.route)).toContain(
      "GET /repos/{owner}/{repo}/git/blobs/{file_sha}",
    );
  });
});

describe("limits", () => {
  it("refuses draft with auto-merge as bad input, before any API call", async () => {
    h = await startHarness();
    const outcome = await h.run({
      images: `svc0=${IMAGE("svc0", "2.0.0")}`,
      merge: "auto-merge",
      draft: "true",
    });
    expect(outcome.error).toBeInstanceOf(ConfigurationError);
    expect((outcome.error as Error).message).toBe(
      `Input "draft" is true with "merge" auto-merge, but GitHub does not auto-merge a draft pull request; set "draft" to false, or "merge" to pull-request.`,
    );
    expect(h.sandbox.requests).toHaveLength(0);
  });

  it("says that app-client-id needs GHES 3.14, and works with app-id there", async () => {
    h = await startHarness({
      sandbox: {
        enterpriseVersion: "3.13.0",
        apps: [
          {
            id: 9,
            clientId: "Iv1.old",
            publicKeyPem: PUBLIC_KEY,
            installations: [{ id: 4, account: "acme", repositories: ["acme/infra"] }],
          },
        ],
      },
    });
    const byClientId = await h.run({
      token: "",
      "app-client-id": "Iv1.old",
      "private-key": PRIVATE_KEY,
      images: `svc0=${IMAGE("svc0", "2.0.0")}`,
    });
    expect(byClientId.error).toBeInstanceOf(ConfigurationError);
    expect((byClientId.error as Error).message).toBe(
      `Input "app-client-id" needs GitHub Enterprise Server 3.14 or later, and this server runs 3.13.0; give the App's numeric id as "app-id" instead (the App's settings page, "App ID").`,
    );
    const byId = await h.run({
      token: "",
      "app-id": "9",
      "private-key": PRIVATE_KEY,
      images: `svc0=${IMAGE("svc0", "2.0.0")}`,
    });
    expect(outputs(byId)["operation"]).toBe("created");
  });
});

describe("protected branches", () => {
  it("names the setting when a direct commit to a protected base is refused, and writes nothing", async () => {
    h = await startHarness();
    await requireCheck("ci");
    const before = h.git("rev-parse", "main");
    const outcome = await h.run({ images: `svc0=${IMAGE("svc0", "2.0.0")}`, merge: "direct" });
    expect(outcome.error).toBeInstanceOf(ConfigurationError);
    expect((outcome.error as Error).message).toBe(
      `GitHub refused the commit to branch "main" of acme/infra because the branch is protected (protected branch 'main' check failed: Required status check "ci" is expected.); land changes there through a pull request ("merge": pull-request or auto-merge), or let this token bypass the rule in the repository's Settings → Branches (branch protection) or Settings → Rules (rulesets).`,
    );
    expect(h.git("rev-parse", "main")).toBe(before);
  });
});

describe("GITHUB_TOKEN", () => {
  it("warns that a pull request it opens starts no workflows when auto-merge waits for checks", async () => {
    h = await startHarness({ sandbox: { workflowTokens: [WORKFLOW_TOKEN] } });
    await requireCheck("ci");
    const outcome = await h.run({
      token: WORKFLOW_TOKEN,
      images: `svc0=${IMAGE("svc0", "2.0.0")}`,
      merge: "auto-merge",
    });
    expect(outputs(outcome)["operation"]).toBe("created");
    expect(warnings(outcome)).toEqual([
      `Pull request #1 was opened with the workflow's GITHUB_TOKEN, and GitHub starts no workflow runs for it, so required checks never report and auto-merge may never finish; give open-pr a GitHub App (app-id and private-key) or a personal access token instead.`,
    ]);
    const plain = await h.run({ token: WORKFLOW_TOKEN, images: `svc1=${IMAGE("svc1", "2.0.0")}` });
    expect(warnings(plain)).toEqual([]);
  });
});
