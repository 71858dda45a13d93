/**
 * Answers GitHub really gives, as its documentation and public reports show them, and the
 * sandbox now gives too: auto-merge refused on a pull request with nothing pending, review
 * requests refused for good, GraphQL failures with HTTP 200, files over 1 MB, GitHub's
 * limits, protected branches, GITHUB_TOKEN's identity and GHES's JWT rule.
 */
import { generateKeyPairSync, sign } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitFiles, startTestSandbox, type TestSandbox } from "../../helpers/sandbox.js";

const repo = { owner: "acme", repo: "infra" };
const WORKFLOW_TOKEN = "ghs_workflowtoken";
const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
const LARGE = "x".repeat(1024 * 1024 + 10);

let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox({
    repos: {
      "acme/infra": { "README.md": "hello\n", "large.tfvars": LARGE },
      "acme/private": { "README.md": "private\n" },
    },
    workflowTokens: [WORKFLOW_TOKEN],
    collaborators: { "acme/private": ["alice"] },
    teams: { acme: ["platform"] },
    apps: [
      {
        id: 51,
        clientId: "Iv1.answers",
        publicKeyPem: keys.publicKey.export({ type: "spki", format: "pem" }).toString(),
        installations: [
          {
            id: 5,
            account: "acme",
            repositories: ["acme/infra", "acme/private"],
            permissions: { contents: "write", pull_requests: "write", members: "read" },
          },
        ],
      },
    ],
  });
});
afterAll(() => t.close());

let branches = 0;
/** A new branch off main with one commit writing `files`, and its pull request. */
async function openPull(
  files: Record<string, string>,
  options: { draft?: boolean; token?: string } = {},
) {
  const octokit = t.octokit();
  const branch = `feature/${++branches}`;
  const base = (await octokit.rest.git.getRef({ ...repo, ref: "heads/main" })).data.object.sha;
  const sha = await commitFiles(octokit, repo, base, files, `Change on ${branch}`);
  await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha });
  const pr = await t.octokit(options.token).rest.pulls.create({
    ...repo,
    head: branch,
    base: "main",
    title: `Change ${branch}`,
    draft: options.draft ?? false,
  });
  return pr.data;
}

/** POST /graphql by hand, to see the HTTP status GitHub answers with. */
async function graphql(
  query: string,
  variables: Record<string, unknown> = {},
  token = "sandbox-token",
) {
  const response = await fetch(`${t.sandbox.url}/graphql`, {
    method: "POST",
    headers: { authorization: `bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as {
      data?: unknown;
      errors?: { type?: string; message: string }[];
    },
  };
}

const ENABLE = `mutation($id: ID!) {
  enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: SQUASH }) { clientMutationId }
}`;

async function protect(contexts: string[], approvals = 0) {
  await t.octokit().rest.repos.updateBranchProtection({
    ...repo,
    branch: "main",
    required_status_checks: { strict: false, contexts },
    enforce_admins: true,
    required_pull_request_reviews:
      approvals > 0 ? { required_approving_review_count: approvals } : null,
    restrictions: null,
  });
}

async function unprotect() {
  await t.octokit().rest.repos.deleteBranchProtection({ ...repo, branch: "main" });
}

describe("auto-merge", () => {
  it("refuses a pull request with nothing pending: clean status, HTTP 200", async () => {
    const pr = await openPull({ "clean.txt": "c\n" });
    const answer = await graphql(ENABLE, { id: pr.node_id });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toMatchObject([
      { type: "UNPROCESSABLE", message: "Pull request Pull request is in clean status" },
    ]);
    expect(
      (await t.octokit().rest.pulls.get({ ...repo, pull_number: pr.number })).data.merged,
    ).toBe(false);
  });

  it("refuses one whose only failing check is optional: unstable status", async () => {
    const pr = await openPull({ "unstable.txt": "u\n" });
    await t.octokit().rest.repos.createCommitStatus({
      ...repo,
      sha: pr.head.sha,
      state: "failure",
      context: "lint",
    });
    const answer = await graphql(ENABLE, { id: pr.node_id });
    expect(answer.body.errors?.[0]?.message).toBe(
      "Pull request Pull request is in unstable status",
    );
  });

  it("refuses one that conflicts with its base: dirty status", async () => {
    const first = await openPull({ "same.txt": "one\n" });
    const second = await openPull({ "same.txt": "two\n" });
    await t.octokit().rest.pulls.merge({ ...repo, pull_number: first.number });
    const answer = await graphql(ENABLE, { id: second.node_id });
    expect(answer.body.errors?.[0]?.message).toBe("Pull request Pull request is in dirty status");
  });

  it("refuses a draft", async () => {
    const pr = await openPull({ "draft.txt": "d\n" }, { draft: true });
    const answer = await graphql(ENABLE, { id: pr.node_id });
    expect(answer.body.errors?.[0]?.message).toBe("Pull request Pull request is in draft status");
  });

  it("refuses every pull request while allow_auto_merge is off", async () => {
    const pr = await openPull({ "off.txt": "o\n" });
    await protect(["ci"]);
    try {
      const settings = await t.octokit().rest.repos.update({ ...repo, allow_auto_merge: false });
      expect(settings.data.allow_auto_merge).toBe(false);
      const answer = await graphql(ENABLE, { id: pr.node_id });
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toMatchObject([
        {
          type: "UNPROCESSABLE",
          message: "Pull request Auto merge is not allowed for this repository",
        },
      ]);
    } finally {
      await t.octokit().rest.repos.update({ ...repo, allow_auto_merge: true });
      await unprotect();
    }
  });
});

describe("review requests", () => {
  it("refuses teams for a token that cannot read them, with a team node id, and for good", async () => {
    const pr = await openPull({ "teams.txt": "t\n" });
    const request = t.octokit(WORKFLOW_TOKEN).rest.pulls.requestReviewers({
      ...repo,
      pull_number: pr.number,
      team_reviewers: ["platform"],
    });
    await expect(request).rejects.toMatchObject({
      status: 422,
      response: {
        data: {
          message: "Validation Failed",
          errors: [expect.stringMatching(/^Could not resolve to a node with the global id of 'T_/)],
        },
      },
    });
    // A token that can read teams (here a personal token) gets the team.
    const ok = await t.octokit().rest.pulls.requestReviewers({
      ...repo,
      pull_number: pr.number,
      team_reviewers: ["platform"],
    });
    expect(ok.data.requested_teams?.map((team) => team.slug)).toEqual(["platform"]);
  });

  it("refuses people and teams who are not collaborators", async () => {
    const octokit = t.octokit();
    const base = (
      await octokit.rest.git.getRef({ owner: "acme", repo: "private", ref: "heads/main" })
    ).data.object.sha;
    await octokit.rest.git.createRef({
      owner: "acme",
      repo: "private",
      ref: "refs/heads/x",
      sha: base,
    });
    const commit = await octokit.graphql<{ createCommitOnBranch: { commit: { oid: string } } }>(
      `mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }`,
      {
        input: {
          branch: { repositoryNameWithOwner: "acme/private", branchName: "x" },
          expectedHeadOid: base,
          message: { headline: "x" },
          fileChanges: {
            additions: [{ path: "x.txt", contents: Buffer.from("x").toString("base64") }],
          },
        },
      },
    );
    expect(commit.createCommitOnBranch.commit.oid).toMatch(/^[0-9a-f]{40}$/);
    const pr = await octokit.rest.pulls.create({
      owner: "acme",
      repo: "private",
      head: "x",
      base: "main",
      title: "x",
    });
    const message =
      "Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the acme/private repository.";
    for (const body of [{ reviewers: ["mallory"] }, { team_reviewers: ["ghosts"] }]) {
      await expect(
        octokit.rest.pulls.requestReviewers({
          owner: "acme",
          repo: "private",
          pull_number: pr.data.number,
          ...body,
        }),
      ).rejects.toMatchObject({ status: 422, response: { data: { message } } });
    }
    const ok = await octokit.rest.pulls.requestReviewers({
      owner: "acme",
      repo: "private",
      pull_number: pr.data.number,
      reviewers: ["alice"],
    });
    expect(ok.status).toBe(201);
  });
});

describe("GraphQL failures come with HTTP 200", () => {
  it.each([
    ["NOT_FOUND", "NOT_FOUND", /Could not resolve/],
    ["a timeout", undefined, /^Something went wrong while executing your query/],
    ["RATE_LIMITED", "RATE_LIMITED", /rate limit exceeded/],
  ])("%s", async (_name, errorType, message) => {
    t.sandbox.faults.add({
      route: "POST /graphql",
      kind: "graphql-error",
      times: 1,
      ...(errorType ? { errorType } : {}),
      ...(errorType === "NOT_FOUND"
        ? { message: "Could not resolve to a node with the global id of 'PR_x'." }
        : {}),
    });
    const answer = await graphql("query { viewer { login } }");
    expect(answer.status).toBe(200);
    expect(answer.body.data).toBeNull();
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors![0]!.type).toBe(errorType);
    expect(answer.body.errors![0]!.message).toMatch(message);
    if (errorType === "RATE_LIMITED") {
      expect(answer.headers.get("x-ratelimit-remaining")).toBe("0");
      expect(Number(answer.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
    }
  });

  it("can do a mutation and lose its answer", async () => {
    const head = (await t.octokit().rest.git.getRef({ ...repo, ref: "heads/main" })).data.object
      .sha;
    await t.octokit().rest.git.createRef({ ...repo, ref: "refs/heads/lost", sha: head });
    t.sandbox.faults.add({
      route: "POST /graphql",
      kind: "graphql-error",
      afterWrite: true,
      times: 1,
    });
    const answer = await graphql(
      `
        mutation ($input: CreateCommitOnBranchInput!) {
          createCommitOnBranch(input: $input) {
            commit {
              oid
            }
          }
        }
      `,
      {
        input: {
          branch: { repositoryNameWithOwner: "acme/infra", branchName: "lost" },
          expectedHeadOid: head,
          message: { headline: "lost answer" },
          fileChanges: {
            additions: [{ path: "lost.txt", contents: Buffer.from("l").toString("base64") }],
          },
        },
      },
    );
    expect(answer.body.errors?.[0]?.message).toMatch(/^Something went wrong/);
    const moved = (await t.octokit().rest.git.getRef({ ...repo, ref: "heads/lost" })).data.object
      .sha;
    expect(moved).not.toBe(head);
  });
});

describe("files over 1 MB", () => {
  it('answers content "" with encoding none, and the bytes through raw and the blob API', async () => {
    const octokit = t.octokit();
    const json = await octokit.rest.repos.getContent({ ...repo, path: "large.tfvars" });
    expect(json.data).toMatchObject({
      type: "file",
      encoding: "none",
      content: "",
      size: LARGE.length,
    });
    const raw = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
      ...repo,
      path: "large.tfvars",
      mediaType: { format: "raw" },
    });
    expect(String(raw.data)).toBe(LARGE);
    const blob = await octokit.rest.git.getBlob({
      ...repo,
      file_sha: (json.data as { sha: string }).sha,
    });
    expect(Buffer.from(blob.data.content, "base64").toString()).toBe(LARGE);
  });
});

describe("limits", () => {
  it("refuses a pull request body over 65,536 characters", async () => {
    const pr = await openPull({ "body.txt": "b\n" });
    await expect(
      t.octokit().rest.pulls.update({ ...repo, pull_number: pr.number, body: "x".repeat(65_537) }),
    ).rejects.toMatchObject({
      status: 422,
      response: {
        data: {
          errors: [
            {
              resource: "Issue",
              field: "body",
              code: "custom",
              message: "body is too long (maximum is 65536 characters)",
            },
          ],
        },
      },
    });
    const ok = await t
      .octokit()
      .rest.pulls.update({ ...repo, pull_number: pr.number, body: "x".repeat(65_536) });
    expect(ok.status).toBe(200);
  });

  it("on GHES 3.13 knows an App only by its id in the JWT's iss", async () => {
    const ghes = await startTestSandbox({
      repos: { "acme/infra": { "README.md": "x\n" } },
      enterpriseVersion: "3.13.2",
      apps: [
        {
          id: 51,
          clientId: "Iv1.answers",
          publicKeyPem: keys.publicKey.export({ type: "spki", format: "pem" }).toString(),
          installations: [{ id: 5, account: "acme", repositories: ["acme/infra"] }],
        },
      ],
    });
    try {
      const now = Math.floor(Date.now() / 1000);
      const jwt = (iss: string) => {
        const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
        const input = `${part({ alg: "RS256", typ: "JWT" })}.${part({ iat: now - 60, exp: now + 500, iss })}`;
        return `${input}.${sign("sha256", Buffer.from(input), keys.privateKey).toString("base64url")}`;
      };
      const ask = (iss: string) =>
        fetch(`${ghes.sandbox.url}/app`, { headers: { authorization: `Bearer ${jwt(iss)}` } });
      const byClientId = await ask("Iv1.answers");
      expect(byClientId.status).toBe(401);
      expect(byClientId.headers.get("x-github-enterprise-version")).toBe("3.13.2");
      expect((await ask("51")).status).toBe(200);
    } finally {
      await ghes.close();
    }
  });
});

describe("protected branches", () => {
  it("refuses direct writes and merges until the required check passes", async () => {
    const octokit = t.octokit();
    const pr = await openPull({ "protected.txt": "p\n" });
    await protect(["ci"]);
    try {
      const got = await octokit.rest.repos.getBranchProtection({ ...repo, branch: "main" });
      expect(got.data.required_status_checks?.contexts).toEqual(["ci"]);
      const head = (await octokit.rest.git.getRef({ ...repo, ref: "heads/main" })).data.object.sha;
      const direct = await graphql(
        `
          mutation ($input: CreateCommitOnBranchInput!) {
            createCommitOnBranch(input: $input) {
              commit {
                oid
              }
            }
          }
        `,
        {
          input: {
            branch: { repositoryNameWithOwner: "acme/infra", branchName: "main" },
            expectedHeadOid: head,
            message: { headline: "direct" },
            fileChanges: {
              additions: [{ path: "d.txt", contents: Buffer.from("d").toString("base64") }],
            },
          },
        },
      );
      expect(direct.status).toBe(200);
      expect(direct.body.errors?.[0]?.message).toBe(
        `protected branch 'main' check failed:\n  Required status check "ci" is expected.`,
      );
      await expect(
        octokit.rest.git.updateRef({ ...repo, ref: "heads/main", sha: pr.head.sha }),
      ).rejects.toMatchObject({
        status: 422,
        message: expect.stringContaining('Required status check "ci" is expected.'),
      });
      await expect(
        octokit.rest.pulls.merge({ ...repo, pull_number: pr.number }),
      ).rejects.toMatchObject({
        status: 405,
        response: { data: { message: 'Required status check "ci" is expected.' } },
      });
      await octokit.rest.repos.createCommitStatus({
        ...repo,
        sha: pr.head.sha,
        state: "success",
        context: "ci",
      });
      const merged = await octokit.rest.pulls.merge({ ...repo, pull_number: pr.number });
      expect(merged.data.merged).toBe(true);
    } finally {
      await unprotect();
    }
    await expect(
      octokit.rest.repos.getBranchProtection({ ...repo, branch: "main" }),
    ).rejects.toMatchObject({
      status: 404,
      response: { data: { message: "Branch not protected" } },
    });
  });

  it("asks for an approving review when reviews are required", async () => {
    const pr = await openPull({ "reviewed.txt": "r\n" });
    await protect([], 1);
    try {
      await expect(
        t.octokit().rest.pulls.merge({ ...repo, pull_number: pr.number }),
      ).rejects.toMatchObject({
        status: 405,
        response: {
          data: {
            message: "At least 1 approving review is required by reviewers with write access.",
          },
        },
      });
    } finally {
      await unprotect();
    }
  });
});

describe("GITHUB_TOKEN", () => {
  it("opens pull requests as github-actions[bot]", async () => {
    const pr = await openPull({ "bot.txt": "b\n" }, { token: WORKFLOW_TOKEN });
    expect(pr.user?.login).toBe("github-actions[bot]");
    expect(pr.user?.type).toBe("Bot");
  });
});
