/**
 * The GraphQL endpoint as open-pr drives it: createCommitOnBranch lands a verified commit in
 * the bare repository only when expectedHeadOid is still the head, with GitHub's error shapes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gitLog, gitShow, startTestSandbox, type TestSandbox } from "../../helpers/sandbox.js";

let t: TestSandbox;
let bare: string;
const repo = { owner: "acme", repo: "infra" };

const COMMIT = `mutation($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) {
    commit { oid messageHeadline signature { isValid wasSignedByGitHub } parents(first: 5) { nodes { oid } } }
    ref { name target { oid } }
  }
}`;

function b64(text: string): string {
  return Buffer.from(text, "utf8").toString("base64");
}

async function head(branch = "main"): Promise<string> {
  return (await t.octokit().rest.git.getRef({ ...repo, ref: `heads/${branch}` })).data.object.sha;
}

function commitInput(expectedHeadOid: string, extra: Record<string, unknown> = {}) {
  return {
    input: {
      branch: { repositoryNameWithOwner: "acme/infra", branchName: "main" },
      expectedHeadOid,
      message: { headline: "Deploy svc0", body: "Image 2.0.0" },
      fileChanges: {
        additions: [{ path: "envs/prod/release.json", contents: b64('{"image":"2.0.0"}\n') }],
      },
      ...extra,
    },
  };
}

interface CommitResult {
  createCommitOnBranch: {
    commit: {
      oid: string;
      messageHeadline: string;
      signature: { isValid: boolean; wasSignedByGitHub: boolean } | null;
      parents: { nodes: { oid: string }[] };
    };
    ref: { name: string; target: { oid: string } };
  };
}

beforeAll(async () => {
  t = await startTestSandbox({
    repos: {
      "acme/infra": {
        "README.md": "hello\n",
        "envs/prod/release.json": '{"image":"1.0.0"}\n',
        "old.txt": "x\n",
      },
    },
  });
  bare = t.repoPaths["acme/infra"]!;
});
afterAll(() => t.close());

describe("createCommitOnBranch", () => {
  it("lands a verified commit on the branch, authored by the caller and committed by GitHub", async () => {
    const before = await head();
    const octokit = t.octokit();
    const result = await octokit.graphql<CommitResult>(COMMIT, {
      ...commitInput(before, {
        fileChanges: {
          additions: [{ path: "envs/prod/release.json", contents: b64('{"image":"2.0.0"}\n') }],
          deletions: [{ path: "old.txt" }],
        },
      }),
    });
    const { commit, ref } = result.createCommitOnBranch;
    expect(commit.messageHeadline).toBe("Deploy svc0");
    expect(commit.signature).toEqual({ isValid: true, wasSignedByGitHub: true });
    expect(commit.parents.nodes).toEqual([{ oid: before }]);
    expect(ref).toEqual({ name: "main", target: { oid: commit.oid } });

    const log = await gitLog(bare, "main");
    expect(log[0]).toMatchObject({
      sha: commit.oid,
      parents: [before],
      subject: "Deploy svc0",
      authorName: "sandbox-user",
      committerName: "GitHub",
      committerEmail: "noreply@github.com",
    });
    expect(log[0]!.message.trim()).toBe("Deploy svc0\n\nImage 2.0.0");
    expect(await gitShow(bare, "main:envs/prod/release.json")).toBe('{"image":"2.0.0"}\n');
    await expect(gitShow(bare, "main:old.txt")).rejects.toThrow();
    const rest = await octokit.rest.git.getCommit({ ...repo, commit_sha: commit.oid });
    expect(rest.data.verification.verified).toBe(true);
  });

  it("refuses a stale expectedHeadOid with STALE_DATA and GitHub's message, writing nothing", async () => {
    const current = await head();
    const stale = (await gitLog(bare, "main"))[1]!.sha;
    const error = await t
      .octokit()
      .graphql(COMMIT, commitInput(stale))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "GraphqlResponseError",
      errors: [
        {
          type: "STALE_DATA",
          path: ["createCommitOnBranch"],
          message: `Expected branch to point to "${stale}" but it did not.  Pull and try again.`,
        },
      ],
      data: { createCommitOnBranch: null },
    });
    expect(await head()).toBe(current);
  });

  it("lets exactly one of ten concurrent commits with the same expectedHeadOid land", async () => {
    const before = await head();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        t.octokit().graphql<CommitResult>(COMMIT, {
          ...commitInput(before, {
            fileChanges: { additions: [{ path: `racer-${i}.txt`, contents: b64(`${i}\n`) }] },
          }),
        }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    const log = await gitLog(bare, "main");
    expect(log[1]!.sha).toBe(before);
  });

  it("answers NOT_FOUND for an unknown repository and branch, and rejects bad base64", async () => {
    const octokit = t.octokit();
    const current = await head();
    const noRepo = await octokit
      .graphql(COMMIT, {
        ...commitInput(current, {
          branch: { repositoryNameWithOwner: "acme/nope", branchName: "main" },
        }),
      })
      .catch((e: unknown) => e);
    expect(noRepo).toMatchObject({
      errors: [
        {
          type: "NOT_FOUND",
          message: "Could not resolve to a Repository with the name 'acme/nope'.",
        },
      ],
    });
    const noBranch = await octokit
      .graphql(COMMIT, {
        ...commitInput(current, {
          branch: { repositoryNameWithOwner: "acme/infra", branchName: "nope" },
        }),
      })
      .catch((e: unknown) => e);
    expect(noBranch).toMatchObject({ errors: [{ type: "NOT_FOUND" }] });
    const badBase64 = await octokit
      .graphql(COMMIT, {
        ...commitInput(current, {
          fileChanges: { additions: [{ path: "a.txt", contents: "abc" }] },
        }),
      })
      .catch((e: unknown) => e);
    expect(badBase64).toMatchObject({ errors: [{ type: "UNPROCESSABLE" }] });
    expect(await head()).toBe(current);
  });

  it("validates queries against GitHub's schema and counts the graphql rate limit", async () => {
    const response = await fetch(`${t.sandbox.url}/graphql`, {
      method: "POST",
      headers: { authorization: "bearer sandbox-token", "content-type": "application/json" },
      body: JSON.stringify({
        query: '{ repository(owner: "acme", name: "infra") { noSuchField } }',
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-ratelimit-resource")).toBe("graphql");
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toContain("noSuchField");

    const anonymous = await fetch(`${t.sandbox.url}/graphql`, {
      method: "POST",
      body: JSON.stringify({ query: "{ viewer { login } }" }),
    });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { message: string }).message).toBe(
      "This endpoint requires you to be authenticated.",
    );
  });

  it("answers queries on repositories, refs and history", async () => {
    const data = await t.octokit().graphql<{
      viewer: { login: string };
      repository: {
        nameWithOwner: string;
        defaultBranchRef: {
          name: string;
          target: {
            oid: string;
            history: { totalCount: number; nodes: { messageHeadline: string }[] };
          };
        };
      };
    }>(
      `{ viewer { login }
         repository(owner: "acme", name: "infra") {
           nameWithOwner
           defaultBranchRef { name target { oid history(first: 1, path: "envs/prod/release.json") { totalCount nodes { messageHeadline } } } }
         } }`,
    );
    expect(data.viewer.login).toBe("sandbox-user");
    expect(data.repository.nameWithOwner).toBe("acme/infra");
    expect(data.repository.defaultBranchRef.name).toBe("main");
    expect(data.repository.defaultBranchRef.target.oid).toBe(await head());
    expect(data.repository.defaultBranchRef.target.history.totalCount).toBe(2);
    expect(data.repository.defaultBranchRef.target.history.nodes).toEqual([
      { messageHeadline: "Deploy svc0" },
    ]);
  });
});
