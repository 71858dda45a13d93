/**
 * Pull requests in the sandbox: GitHub's 422s on create, the list filters open-pr relies on,
 * merges made with real git (checked in the bare repository), auto-merge through GraphQL,
 * and the labels, assignees and reviewers set on a new pull request.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  commitFiles,
  gitLog,
  gitShow,
  startTestSandbox,
  type TestSandbox,
} from "../../helpers/sandbox.js";

let t: TestSandbox;
let bare: string;
const repo = { owner: "acme", repo: "infra" };

beforeAll(async () => {
  t = await startTestSandbox({
    repos: { "acme/infra": { "README.md": "hello\n", "app.tfvars": 'image = "v1"\n' } },
  });
  bare = t.repoPaths["acme/infra"]!;
});
afterAll(() => t.close());

/** A branch from `from` with one commit that writes `files`; returns the commit sha. */
async function branchWith(
  branch: string,
  files: Record<string, string>,
  from = "main",
): Promise<string> {
  const octokit = t.octokit();
  const base = (await octokit.rest.git.getRef({ ...repo, ref: `heads/${from}` })).data.object.sha;
  const sha = await commitFiles(octokit, repo, base, files, `Change on ${branch}`);
  const exists = await octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` }).then(
    () => true,
    () => false,
  );
  if (exists)
    await octokit.rest.git.updateRef({
      ...repo,
      ref: `heads/${branch}`,
      sha,
      force: true,
    });
  else
    await octokit.rest.git.createRef({
      ...repo,
      ref: `refs/heads/${branch}`,
      sha,
    });
  return sha;
}

async function openPull(branch: string, files: Record<string, string>, title = `PR ${branch}`) {
  await branchWith(branch, files);
  return (
    await t
      .octokit()
      .rest.pulls.create({ ...repo, head: branch, base: "main", title, body: "Body" })
  ).data;
}

describe("creating and finding pull requests", () => {
  it("creates a pull request and refuses a second one for the branch with GitHub's 422", async () => {
    const pr = await openPull("feature/one", { "one.txt": "1\n" });
    expect(pr).toMatchObject({
      state: "open",
      merged: false,
      mergeable: true,
      head: { ref: "feature/one" },
      base: { ref: "main" },
    });
    expect(pr.node_id).toMatch(/^PR_/);
    const again = await t
      .octokit()
      .rest.pulls.create({ ...repo, head: "feature/one", base: "main", title: "Again" })
      .catch((e: unknown) => e);
    expect(again).toMatchObject({
      status: 422,
      response: {
        data: {
          message: "Validation Failed",
          errors: [
            {
              resource: "PullRequest",
              code: "custom",
              message: "A pull request already exists for acme:feature/one.",
            },
          ],
        },
      },
    });
    expect((again as Error).message).toContain(
      "A pull request already exists for acme:feature/one.",
    );
  });

  it("refuses a pull request with no commits and one from a missing branch", async () => {
    const octokit = t.octokit();
    const main = (await octokit.rest.git.getRef({ ...repo, ref: "heads/main" })).data.object.sha;
    await octokit.rest.git.createRef({ ...repo, ref: "refs/heads/empty", sha: main });
    await expect(
      octokit.rest.pulls.create({ ...repo, head: "empty", base: "main", title: "x" }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ message: "No commits between main and empty" }] } },
    });
    await expect(
      octokit.rest.pulls.create({ ...repo, head: "missing", base: "main", title: "x" }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ field: "head", code: "invalid" }] } },
    });
  });

  it("lists with head, base and state filters, newest first, with Link pagination", async () => {
    const octokit = t.octokit();
    await openPull("feature/two", { "two.txt": "2\n" });
    await openPull("feature/three", { "three.txt": "3\n" });
    const byHead = await octokit.rest.pulls.list({
      ...repo,
      head: "acme:feature/two",
      state: "all",
    });
    expect(byHead.data.map((p) => p.head.ref)).toEqual(["feature/two"]);
    const otherOwner = await octokit.rest.pulls.list({
      ...repo,
      head: "someone:feature/two",
      state: "all",
    });
    expect(otherOwner.data).toEqual([]);
    const page = await octokit.rest.pulls.list({ ...repo, base: "main", per_page: 2 });
    expect(page.data.map((p) => p.head.ref)).toEqual(["feature/three", "feature/two"]);
    expect(page.headers.link).toContain('rel="next"');
    const all = await octokit.paginate(octokit.rest.pulls.list, { ...repo, per_page: 1 });
    expect(all.map((p) => p.head.ref)).toEqual(["feature/three", "feature/two", "feature/one"]);
    expect((await octokit.rest.pulls.list({ ...repo, state: "closed" })).data).toEqual([]);
  });

  it("updates title, body and base, closes and reopens", async () => {
    const octokit = t.octokit();
    const pr = await openPull("feature/edit", { "edit.txt": "e\n" });
    await octokit.rest.git.createRef({
      ...repo,
      ref: "refs/heads/release",
      sha: (await octokit.rest.git.getRef({ ...repo, ref: "heads/main" })).data.object.sha,
    });
    const edited = await octokit.rest.pulls.update({
      ...repo,
      pull_number: pr.number,
      title: "New title",
      body: "New body",
      base: "release",
    });
    expect(edited.data).toMatchObject({
      title: "New title",
      body: "New body",
      base: { ref: "release" },
    });
    const closed = await octokit.rest.pulls.update({
      ...repo,
      pull_number: pr.number,
      state: "closed",
    });
    expect(closed.data).toMatchObject({ state: "closed", merged: false, merged_at: null });
    expect(closed.data.closed_at).not.toBeNull();
    const reopened = await octokit.rest.pulls.update({
      ...repo,
      pull_number: pr.number,
      state: "open",
    });
    expect(reopened.data.state).toBe("open");
  });
});

describe("merging with real git", () => {
  it("merges with a merge commit that has the base and the head as parents", async () => {
    const octokit = t.octokit();
    const pr = await openPull("feature/merge", { "merge.txt": "m\n" });
    // Move main meanwhile, so the merge is a real three-way merge.
    await branchWith("main", { "README.md": "hello again\n" });
    const baseBefore = (await gitLog(bare, "main"))[0]!.sha;
    const wrongSha = await octokit.rest.pulls
      .merge({ ...repo, pull_number: pr.number, sha: baseBefore })
      .catch((e: unknown) => e);
    expect(wrongSha).toMatchObject({
      status: 409,
      response: { data: { message: "Head branch was modified. Review and try the merge again." } },
    });

    const merged = await octokit.rest.pulls.merge({
      ...repo,
      pull_number: pr.number,
      sha: pr.head.sha,
      merge_method: "merge",
    });
    expect(merged.data).toMatchObject({
      merged: true,
      message: "Pull Request successfully merged",
    });
    const [top] = await gitLog(bare, "main");
    expect(top).toMatchObject({
      sha: merged.data.sha,
      parents: [baseBefore, pr.head.sha],
      subject: `Merge pull request #${pr.number} from acme/feature/merge`,
    });
    expect(await gitShow(bare, "main:merge.txt")).toBe("m\n");
    expect(await gitShow(bare, "main:README.md")).toBe("hello again\n");

    const after = (await octokit.rest.pulls.get({ ...repo, pull_number: pr.number })).data;
    expect(after).toMatchObject({
      state: "closed",
      merged: true,
      merge_commit_sha: merged.data.sha,
    });
    expect(after.merged_at).not.toBeNull();
    await expect(
      octokit.rest.pulls.merge({ ...repo, pull_number: pr.number }),
    ).rejects.toMatchObject({ status: 405 });
    expect(
      (await octokit.rest.pulls.checkIfMerged({ ...repo, pull_number: pr.number })).status,
    ).toBe(204);
  });

  it("squashes into one single-parent commit and rebases onto the base", async () => {
    const octokit = t.octokit();
    const squashPr = await openPull("feature/squash", { "squash.txt": "s\n" }, "Squash me");
    const squashed = await octokit.rest.pulls.merge({
      ...repo,
      pull_number: squashPr.number,
      merge_method: "squash",
    });
    const [squashTop] = await gitLog(bare, "main");
    expect(squashTop).toMatchObject({
      sha: squashed.data.sha,
      subject: `Squash me (#${squashPr.number})`,
    });
    expect(squashTop!.parents).toHaveLength(1);

    const rebasePr = await openPull("feature/rebase", { "rebase.txt": "r\n" });
    await branchWith("main", { "moved.txt": "moved\n" });
    const base = (await gitLog(bare, "main"))[0]!.sha;
    const rebased = await octokit.rest.pulls.merge({
      ...repo,
      pull_number: rebasePr.number,
      merge_method: "rebase",
    });
    const [rebaseTop] = await gitLog(bare, "main");
    expect(rebaseTop).toMatchObject({
      sha: rebased.data.sha,
      parents: [base],
      subject: "Change on feature/rebase",
    });
    expect(await gitShow(bare, "main:rebase.txt")).toBe("r\n");
  });

  it("rebases a branch that was restarted from the base with a two-parent commit", async () => {
    const octokit = t.octokit();
    const pr = await openPull("feature/restart", { "restart.txt": "old\n" });
    await octokit.rest.pulls.update({ ...repo, pull_number: pr.number, state: "closed" });
    // What open-pr does: a commit on the old head and the base, whose tree is the base's plus the change.
    const main = (await gitLog(bare, "main"))[0]!.sha;
    const parent = (await octokit.rest.git.getCommit({ ...repo, commit_sha: main })).data;
    const tree = await octokit.rest.git.createTree({
      ...repo,
      base_tree: parent.tree.sha,
      tree: [{ path: "restart.txt", mode: "100644", type: "blob", content: "new\n" }],
    });
    const restart = await octokit.rest.git.createCommit({
      ...repo,
      message: "Restart",
      tree: tree.data.sha,
      parents: [pr.head.sha, main],
    });
    await octokit.rest.git.updateRef({
      ...repo,
      ref: "heads/feature/restart",
      sha: restart.data.sha,
    });
    const again = await octokit.rest.pulls.create({
      ...repo,
      head: "feature/restart",
      base: "main",
      title: "Again",
    });
    const rebased = await octokit.rest.pulls.merge({
      ...repo,
      pull_number: again.data.number,
      merge_method: "rebase",
    });
    const log = await gitLog(bare, "main");
    expect(log[0]!.sha).toBe(rebased.data.sha);
    expect(log.slice(0, 3).every((c) => c.parents.length === 1)).toBe(true);
    expect(await gitShow(bare, "main:restart.txt")).toBe("new\n");
  });

  it("answers 405 for a pull request that conflicts with its base", async () => {
    const octokit = t.octokit();
    const pr = await openPull("feature/conflict", { "app.tfvars": 'image = "branch"\n' });
    await branchWith("main", { "app.tfvars": 'image = "main"\n' });
    const fresh = (await octokit.rest.pulls.get({ ...repo, pull_number: pr.number })).data;
    expect(fresh).toMatchObject({ mergeable: false, mergeable_state: "dirty" });
    await expect(
      octokit.rest.pulls.merge({ ...repo, pull_number: pr.number }),
    ).rejects.toMatchObject({
      status: 405,
      response: { data: { message: "Pull Request is not mergeable" } },
    });
  });

  it("queues auto-merge behind a required check and merges once it passes", async () => {
    const octokit = t.octokit();
    const pr = await openPull("feature/auto", { "auto.txt": "a\n" });
    await octokit.rest.repos.updateBranchProtection({
      ...repo,
      branch: "main",
      required_status_checks: { strict: false, contexts: ["ci"] },
      enforce_admins: true,
      required_pull_request_reviews: null,
      restrictions: null,
    });
    try {
      const result = await octokit.graphql<{
        enablePullRequestAutoMerge: {
          pullRequest: { merged: boolean; autoMergeRequest: { mergeMethod: string } | null };
        };
      }>(
        `mutation($id: ID!, $mergeMethod: PullRequestMergeMethod!) {
          enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: $mergeMethod }) {
            clientMutationId pullRequest { merged autoMergeRequest { mergeMethod } }
          }
        }`,
        // "method" is reserved by @octokit/graphql, so the variable has another name.
        { id: pr.node_id, mergeMethod: "SQUASH" },
      );
      expect(result.enablePullRequestAutoMerge.pullRequest).toEqual({
        merged: false,
        autoMergeRequest: { mergeMethod: "SQUASH" },
      });
      await octokit.rest.repos.createCommitStatus({
        ...repo,
        sha: pr.head.sha,
        state: "success",
        context: "ci",
      });
      const [top] = await gitLog(bare, "main");
      const merged = await octokit.rest.pulls.get({ ...repo, pull_number: pr.number });
      expect(merged.data.merged).toBe(true);
      expect(merged.data.merge_commit_sha).toBe(top!.sha);
      expect(top!.parents).toHaveLength(1);
    } finally {
      await octokit.rest.repos.deleteBranchProtection({ ...repo, branch: "main" });
    }
    const unknown = await octokit
      .graphql(
        `mutation { enablePullRequestAutoMerge(input: { pullRequestId: "PR_bm9wZQ" }) { clientMutationId } }`,
      )
      .catch((e: unknown) => e);
    expect(unknown).toMatchObject({ errors: [{ type: "NOT_FOUND" }] });
  });
});

describe("labels, assignees and reviewers", () => {
  it("adds labels (creating unknown ones), assignees and requested reviewers", async () => {
    const octokit = t.octokit();
    const pr = await openPull("feature/decorate", { "decorate.txt": "d\n" });
    const labels = await octokit.rest.issues.addLabels({
      ...repo,
      issue_number: pr.number,
      labels: ["deploy", "production"],
    });
    expect(labels.status).toBe(200);
    expect(labels.data.map((l) => [l.name, l.color])).toEqual([
      ["deploy", "ededed"],
      ["production", "ededed"],
    ]);
    await octokit.rest.issues.addLabels({ ...repo, issue_number: pr.number, labels: ["Deploy"] });
    const assigned = await octokit.rest.issues.addAssignees({
      ...repo,
      issue_number: pr.number,
      assignees: ["bob"],
    });
    expect(assigned.status).toBe(201);
    const reviewers = await octokit.rest.pulls.requestReviewers({
      ...repo,
      pull_number: pr.number,
      reviewers: ["alice"],
      team_reviewers: ["ops"],
    });
    expect(reviewers.status).toBe(201);
    await expect(
      octokit.rest.pulls.requestReviewers({
        ...repo,
        pull_number: pr.number,
        reviewers: ["sandbox-user"],
      }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { message: "Review cannot be requested from pull request author." } },
    });

    const got = (await octokit.rest.pulls.get({ ...repo, pull_number: pr.number })).data;
    expect(got.labels.map((l) => l.name)).toEqual(["deploy", "production"]);
    expect(got.assignees?.map((a) => a.login)).toEqual(["bob"]);
    expect(got.requested_reviewers?.map((r) => r.login)).toEqual(["alice"]);
    expect(got.requested_teams?.map((r) => r.slug)).toEqual(["ops"]);

    await octokit.rest.pulls.removeRequestedReviewers({
      ...repo,
      pull_number: pr.number,
      reviewers: ["alice"],
    });
    await octokit.rest.issues.removeLabel({ ...repo, issue_number: pr.number, name: "deploy" });
    const after = (await octokit.rest.pulls.get({ ...repo, pull_number: pr.number })).data;
    expect(after.requested_reviewers).toEqual([]);
    expect(after.labels.map((l) => l.name)).toEqual(["production"]);
  });
});
