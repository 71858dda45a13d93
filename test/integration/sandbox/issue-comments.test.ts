/**
 * Conversation comments on issues and pull requests, answered the way GitHub answers them:
 * 201 with the comment, 404 for an unknown issue, 422 for a blank body, and a list oldest first.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitFiles, startTestSandbox, type TestSandbox } from "../../helpers/sandbox.js";

let t: TestSandbox;
const repo = { owner: "acme", repo: "infra" };
let pullNumber: number;

beforeAll(async () => {
  t = await startTestSandbox({ repos: { "acme/infra": { "README.md": "hello\n" } } });
  const octokit = t.octokit();
  const base = (await octokit.rest.git.getRef({ ...repo, ref: "heads/main" })).data.object.sha;
  const sha = await commitFiles(octokit, repo, base, { "a.txt": "a\n" }, "Add a");
  await octokit.rest.git.createRef({ ...repo, ref: "refs/heads/topic", sha });
  const pull = await octokit.rest.pulls.create({
    ...repo,
    head: "topic",
    base: "main",
    title: "T",
  });
  pullNumber = pull.data.number;
});
afterAll(() => t.close());

describe("issue comments", () => {
  it("creates a comment on a pull request and lists the comments oldest first", async () => {
    const octokit = t.octokit();
    const created = await octokit.rest.issues.createComment({
      ...repo,
      issue_number: pullNumber,
      body: "Closing: superseded.",
    });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      body: "Closing: superseded.",
      user: { login: "sandbox-user" },
      issue_url: expect.stringMatching(new RegExp(`/repos/acme/infra/issues/${pullNumber}$`)),
      html_url: expect.stringContaining(`/pull/${pullNumber}#issuecomment-${created.data.id}`),
    });
    expect(created.headers.location).toBe(created.data.url);
    await octokit.rest.issues.createComment({ ...repo, issue_number: pullNumber, body: "second" });

    const listed = await octokit.rest.issues.listComments({ ...repo, issue_number: pullNumber });
    expect(listed.data.map((c) => c.body)).toEqual(["Closing: superseded.", "second"]);
    const issue = await octokit.rest.issues.get({ ...repo, issue_number: pullNumber });
    expect(issue.data.comments).toBe(2);
    const pull = await octokit.rest.pulls.get({ ...repo, pull_number: pullNumber });
    expect(pull.data.comments).toBe(2);

    const page = await octokit.rest.issues.listComments({
      ...repo,
      issue_number: pullNumber,
      per_page: 1,
      page: 2,
    });
    expect(page.data.map((c) => c.body)).toEqual(["second"]);
  });

  it("answers 404 for an unknown issue and 422 for a blank or missing body", async () => {
    const octokit = t.octokit();
    await expect(
      octokit.rest.issues.createComment({ ...repo, issue_number: 9999, body: "x" }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      octokit.rest.issues.listComments({ ...repo, issue_number: 9999 }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      octokit.rest.issues.createComment({ ...repo, issue_number: pullNumber, body: "  " }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        ...repo,
        issue_number: pullNumber,
      } as never),
    ).rejects.toMatchObject({ status: 422 });
    const listed = await octokit.rest.issues.listComments({ ...repo, issue_number: pullNumber });
    expect(listed.data.every((c) => c.body?.trim() !== "")).toBe(true);
  });
});
