import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gitLog, gitShow, startTestSandbox, type TestSandbox } from "../../helpers/sandbox.js";

let t: TestSandbox;
let bare: string;
const repo = { owner: "acme", repo: "infra" };

beforeAll(async () => {
  t = await startTestSandbox({
    repos: { "acme/infra": { "README.md": "hello\n", "envs/prod/app.tfvars": 'image = "v1"\n' } },
  });
  bare = t.repoPaths["acme/infra"]!;
});
afterAll(() => t.close());

describe("reading", () => {
  it("serves a file with its blob sha and base64 content, and 404 for a missing one", async () => {
    const octokit = t.octokit();
    const { data } = await octokit.rest.repos.getContent({ ...repo, path: "envs/prod/app.tfvars" });
    if (Array.isArray(data) || data.type !== "file") throw new Error("expected a file");
    expect(Buffer.from(data.content, "base64").toString()).toBe('image = "v1"\n');
    const blob = await gitShow(bare, "main:envs/prod/app.tfvars");
    expect(blob).toBe('image = "v1"\n');
    await expect(
      octokit.rest.repos.getContent({ ...repo, path: "nope.txt" }),
    ).rejects.toMatchObject({
      status: 404,
      response: { data: { message: "Not Found" } },
    });
    const dir = await octokit.rest.repos.getContent({ ...repo, path: "envs" });
    expect(Array.isArray(dir.data) && dir.data.map((e) => [e.name, e.type])).toEqual([
      ["prod", "dir"],
    ]);
  });

  it("sends rate-limit headers and refuses an unknown token with Bad credentials", async () => {
    const { headers } = await t.octokit().rest.repos.get(repo);
    expect(headers["x-ratelimit-limit"]).toBe("5000");
    expect(headers["x-ratelimit-resource"]).toBe("core");
    await expect(t.octokit("wrong").rest.repos.get(repo)).rejects.toMatchObject({
      status: 401,
      response: { data: { message: "Bad credentials", status: "401" } },
    });
  });
});

describe("Git Data API commit", () => {
  it("lands blob → tree (base_tree) → commit → fast-forward ref update in the bare repo", async () => {
    const octokit = t.octokit();
    const head = (await octokit.rest.git.getRef({ ...repo, ref: "heads/main" })).data.object.sha;
    const parent = (await octokit.rest.git.getCommit({ ...repo, commit_sha: head })).data;
    const blob = await octokit.rest.git.createBlob({
      ...repo,
      content: Buffer.from("new\n").toString("base64"),
      encoding: "base64",
    });
    const tree = await octokit.rest.git.createTree({
      ...repo,
      base_tree: parent.tree.sha,
      tree: [
        { path: "envs/prod/app.tfvars", mode: "100644", type: "blob", content: 'image = "v2"\n' },
        { path: "added/new.txt", mode: "100644", type: "blob", sha: blob.data.sha },
        { path: "README.md", mode: "100644", type: "blob", sha: null },
      ],
    });
    expect(tree.status).toBe(201);
    const commit = await octokit.rest.git.createCommit({
      ...repo,
      message: "Bump image",
      tree: tree.data.sha,
      parents: [head],
    });
    // Only commits GitHub makes for an App (or createCommitOnBranch) are signed and verified.
    expect(commit.data.verification).toMatchObject({ verified: false, reason: "unsigned" });
    await octokit.rest.git.updateRef({
      ...repo,
      ref: "heads/main",
      sha: commit.data.sha,
      force: false,
    });

    const log = await gitLog(bare, "main");
    expect(log[0]).toMatchObject({ sha: commit.data.sha, parents: [head], subject: "Bump image" });
    expect(await gitShow(bare, "main:envs/prod/app.tfvars")).toBe('image = "v2"\n');
    expect(await gitShow(bare, "main:added/new.txt")).toBe("new\n");
    await expect(gitShow(bare, "main:README.md")).rejects.toThrow();
  });

  it("refuses a non-fast-forward update with 422 and leaves the ref alone", async () => {
    const octokit = t.octokit();
    const head = (await octokit.rest.git.getRef({ ...repo, ref: "heads/main" })).data.object.sha;
    const parent = (await octokit.rest.git.getCommit({ ...repo, commit_sha: head })).data;
    const sideways = await octokit.rest.git.createCommit({
      ...repo,
      message: "Sideways",
      tree: parent.tree.sha,
      parents: parent.parents.map((p) => p.sha),
    });
    await expect(
      octokit.rest.git.updateRef({
        ...repo,
        ref: "heads/main",
        sha: sideways.data.sha,
        force: false,
      }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { message: "Update is not a fast forward" } },
    });
    expect((await gitLog(bare, "main"))[0]!.sha).toBe(head);
    await expect(
      octokit.rest.git.updateRef({ ...repo, ref: "heads/main", sha: "1".repeat(40) }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { message: "Object does not exist" } },
    });
  });

  it("creates, lists and deletes refs with GitHub's 422s", async () => {
    const octokit = t.octokit();
    const head = (await octokit.rest.git.getRef({ ...repo, ref: "heads/main" })).data.object.sha;
    const created = await octokit.rest.git.createRef({
      ...repo,
      ref: "refs/heads/feature/a",
      sha: head,
    });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(created.data.url);
    await expect(
      octokit.rest.git.createRef({ ...repo, ref: "refs/heads/feature/a", sha: head }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { message: "Reference already exists" } },
    });
    const matching = await octokit.rest.git.listMatchingRefs({ ...repo, ref: "heads/feat" });
    expect(matching.data.map((r) => r.ref)).toEqual(["refs/heads/feature/a"]);
    expect((await octokit.rest.git.deleteRef({ ...repo, ref: "heads/feature/a" })).status).toBe(
      204,
    );
    await expect(
      octokit.rest.git.deleteRef({ ...repo, ref: "heads/feature/a" }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { message: "Reference does not exist" } },
    });
  });

  it("lets exactly one of 20 concurrent compare-and-swap updates from the same parent win", async () => {
    const octokit = t.octokit();
    const head = (await octokit.rest.git.getRef({ ...repo, ref: "heads/main" })).data.object.sha;
    const parent = (await octokit.rest.git.getCommit({ ...repo, commit_sha: head })).data;
    const commits = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        octokit.rest.git.createCommit({
          ...repo,
          message: `Racer ${i}`,
          tree: parent.tree.sha,
          parents: [head],
        }),
      ),
    );
    const results = await Promise.allSettled(
      commits.map((c) =>
        octokit.rest.git.updateRef({ ...repo, ref: "heads/main", sha: c.data.sha, force: false }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r as PromiseRejectedResult).reason.status)).toEqual(
      Array(19).fill(422),
    );
    const log = await gitLog(bare, "main");
    expect(log[1]!.sha).toBe(head);
    expect(commits.map((c) => c.data.sha)).toContain(log[0]!.sha);
  });

  it("lists commits touching a path, newest first, with Link pagination", async () => {
    const octokit = t.octokit();
    const page = await octokit.rest.repos.listCommits({
      ...repo,
      path: "envs/prod/app.tfvars",
      per_page: 1,
    });
    expect(page.data).toHaveLength(1);
    expect(page.data[0]!.commit.message).toBe("Bump image");
    expect(page.headers.link).toContain('rel="next"');
    const all = await octokit.paginate(octokit.rest.repos.listCommits, {
      ...repo,
      path: "envs/prod/app.tfvars",
      per_page: 1,
    });
    expect(all.map((c) => c.commit.message)).toEqual(["Bump image", "Initial commit"]);
  });
});

describe("blobs, trees and contents", () => {
  it("reads blobs and trees back, recursively and by commit", async () => {
    const octokit = t.octokit();
    const blob = await octokit.rest.git.createBlob({ ...repo, content: "plain text\n" });
    expect(blob.status).toBe(201);
    const read = await octokit.rest.git.getBlob({ ...repo, file_sha: blob.data.sha });
    expect(Buffer.from(read.data.content, "base64").toString()).toBe("plain text\n");
    expect(read.data).toMatchObject({ encoding: "base64", size: 11 });
    await expect(
      octokit.rest.git.getBlob({ ...repo, file_sha: "1".repeat(40) }),
    ).rejects.toMatchObject({ status: 404 });

    const recursive = await octokit.rest.git.getTree({ ...repo, tree_sha: "main", recursive: "1" });
    expect(recursive.data.tree.map((e) => `${e.type} ${e.path}`)).toContain(
      "blob envs/prod/app.tfvars",
    );
    expect(recursive.data.truncated).toBe(false);
  });

  it("keeps untouched subtrees when a nested path changes from a base tree", async () => {
    const octokit = t.octokit();
    const head = (await octokit.rest.git.getRef({ ...repo, ref: "heads/main" })).data.object.sha;
    const base = (await octokit.rest.git.getCommit({ ...repo, commit_sha: head })).data.tree.sha;
    const before = await octokit.rest.git.getTree({ ...repo, tree_sha: base });
    const tree = await octokit.rest.git.createTree({
      ...repo,
      base_tree: base,
      tree: [
        { path: "envs/qa/app.tfvars", mode: "100644", type: "blob", content: 'image = "qa"\n' },
      ],
    });
    const entry = (list: { path?: string; sha?: string }[], path: string) =>
      list.find((e) => e.path === path)?.sha;
    expect(entry(tree.data.tree, "added")).toBe(entry(before.data.tree, "added"));
    expect(entry(tree.data.tree, "envs")).not.toBe(entry(before.data.tree, "envs"));
    const envs = await octokit.rest.git.getTree({
      ...repo,
      tree_sha: entry(tree.data.tree, "envs")!,
    });
    expect(envs.data.tree.map((e) => e.path)).toEqual(["prod", "qa"]);
    await expect(
      octokit.rest.git.createTree({
        ...repo,
        base_tree: "1".repeat(40),
        tree: [{ path: "a", mode: "100644", type: "blob", content: "a" }],
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      octokit.rest.git.createCommit({
        ...repo,
        message: "x",
        tree: tree.data.sha,
        parents: ["2".repeat(40)],
      }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it("serves contents at a ref, raw on request, and 404 for a missing ref", async () => {
    const octokit = t.octokit();
    const first = (await gitLog(bare, "main")).at(-1)!.sha;
    const old = await octokit.rest.repos.getContent({
      ...repo,
      path: "envs/prod/app.tfvars",
      ref: first,
    });
    expect(Buffer.from((old.data as { content: string }).content, "base64").toString()).toBe(
      'image = "v1"\n',
    );
    const raw = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
      ...repo,
      path: "envs/prod/app.tfvars",
      mediaType: { format: "raw" },
    });
    expect(String(raw.data)).toBe('image = "v2"\n');
    await expect(
      octokit.rest.repos.getContent({ ...repo, path: "README.md", ref: "no-such-branch" }),
    ).rejects.toMatchObject({
      status: 404,
      response: { data: { message: "No commit found for the ref no-such-branch" } },
    });
  });
});

describe("commit history", () => {
  it("lists commits from a branch or sha and shows one commit with its files", async () => {
    const octokit = t.octokit();
    const log = await gitLog(bare, "main");
    const fromSha = await octokit.rest.repos.listCommits({ ...repo, sha: log[1]!.sha });
    expect(fromSha.data.map((c) => c.sha)).toEqual(log.slice(1).map((e) => e.sha));
    await expect(
      octokit.rest.repos.listCommits({ ...repo, sha: "no-such-branch" }),
    ).rejects.toMatchObject({ status: 404 });

    const bump = log.find((e) => e.subject === "Bump image")!;
    const commit = await octokit.rest.repos.getCommit({ ...repo, ref: bump.sha });
    expect(commit.data.files?.map((f) => [f.filename, f.status]).sort()).toEqual([
      ["README.md", "removed"],
      ["added/new.txt", "added"],
      ["envs/prod/app.tfvars", "modified"],
    ]);
    expect(commit.data.stats).toMatchObject({ additions: 2, deletions: 2 });
  });
});
