/**
 * Switchable faults and the request log: error statuses, GitHub's secondary rate limit,
 * latency, and the write that succeeds but answers 502 — checked in the bare repository.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../../src/core/clock.js";
import { createGitHubClient } from "../../../src/core/github/client.js";
import { MemoryLogger } from "../../../src/core/logger.js";
import { SecretRegistry } from "../../../src/core/secrets.js";
import { SECONDARY_RATE_LIMIT_MESSAGE } from "../../../src/sandbox/server.js";
import { commitFiles, gitLog, startTestSandbox, type TestSandbox } from "../../helpers/sandbox.js";

let t: TestSandbox;
let bare: string;
const repo = { owner: "acme", repo: "infra" };

beforeAll(async () => {
  t = await startTestSandbox({ repos: { "acme/infra": { "README.md": "hello\n" } } });
  bare = t.repoPaths["acme/infra"]!;
});
afterEach(() => t.sandbox.faults.clear());
afterAll(() => t.close());

async function mainSha(): Promise<string> {
  return (await gitLog(bare, "main"))[0]!.sha;
}

describe("faults", () => {
  it("answers a status on one route only, for a set number of requests, and logs it", async () => {
    const octokit = t.octokit();
    t.sandbox.faults.add({
      route: "GET /repos/{owner}/{repo}",
      kind: "status",
      status: 503,
      times: 1,
    });
    const first = await octokit.rest.repos.get(repo).catch((e: unknown) => e);
    expect(first).toMatchObject({ status: 503 });
    expect((await octokit.rest.repos.get(repo)).status).toBe(200);
    expect((await octokit.rest.git.getRef({ ...repo, ref: "heads/main" })).status).toBe(200);
    const logged = t.sandbox.requests
      .filter((r) => r.route === "GET /repos/{owner}/{repo}")
      .slice(-2);
    expect(logged.map((r) => [r.method, r.path, r.status, r.faulted])).toEqual([
      ["GET", "/repos/acme/infra", 503, "status"],
      ["GET", "/repos/acme/infra", 200, undefined],
    ]);
  });

  it("answers GitHub's secondary rate limit with retry-after, and a custom message when asked", async () => {
    t.sandbox.faults.add({ kind: "secondary-rate-limit", retryAfterSeconds: 30, times: 1 });
    const limited = await fetch(`${t.sandbox.url}/repos/acme/infra`, {
      headers: { authorization: "token sandbox-token" },
    });
    expect(limited.status).toBe(403);
    expect(limited.headers.get("retry-after")).toBe("30");
    expect(((await limited.json()) as { message: string }).message).toBe(
      SECONDARY_RATE_LIMIT_MESSAGE,
    );

    t.sandbox.faults.add({
      kind: "status",
      status: 422,
      message: "Could not resolve to a node with the global id of 'x'.",
      times: 1,
    });
    await expect(
      t.octokit().rest.issues.addLabels({ ...repo, issue_number: 1, labels: ["a"] }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { message: "Could not resolve to a node with the global id of 'x'." } },
    });
  });

  it("is waited out by Greenlight's client, not hammered", async () => {
    const sleeps: number[] = [];
    const clock: Clock = { now: () => new Date(), sleep: async (ms) => void sleeps.push(ms) };
    const client = await createGitHubClient({
      repository: "acme/infra",
      token: "sandbox-token",
      baseUrl: t.sandbox.url,
      logger: new MemoryLogger(),
      clock,
      secrets: new SecretRegistry(),
      env: {},
    });
    t.sandbox.faults.add({
      route: "GET /repos/{owner}/{repo}",
      kind: "secondary-rate-limit",
      retryAfterSeconds: 30,
      times: 1,
    });
    expect((await client.octokit.rest.repos.get(repo)).status).toBe(200);
    expect(sleeps).toEqual([30_000]);
    expect(client.requestCount()).toBe(2);
  });

  it("adds latency to matching requests and leaves reads alone when only mutations are hit", async () => {
    t.sandbox.faults.add({ route: "GET /repos/{owner}/{repo}", kind: "latency", latencyMs: 150 });
    const started = performance.now();
    await t.octokit().rest.repos.get(repo);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);

    t.sandbox.faults.clear();
    t.sandbox.faults.add({ kind: "status", status: 500, onlyMutating: true });
    expect((await t.octokit().rest.repos.get(repo)).status).toBe(200);
    await expect(t.octokit().rest.git.createBlob({ ...repo, content: "x" })).rejects.toMatchObject({
      status: 500,
    });
  });

  it("performs the write and then answers 502, so a blind retry of the create gets 422", async () => {
    const octokit = t.octokit();
    const head = await mainSha();
    t.sandbox.faults.add({
      route: "POST /repos/{owner}/{repo}/git/refs",
      kind: "write-then-502",
      times: 1,
    });
    const lost = await octokit.rest.git
      .createRef({ ...repo, ref: "refs/heads/written", sha: head })
      .catch((e: unknown) => e);
    expect(lost).toMatchObject({ status: 502 });
    expect((await gitLog(bare, "written"))[0]!.sha).toBe(head);
    await expect(
      octokit.rest.git.createRef({ ...repo, ref: "refs/heads/written", sha: head }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { message: "Reference already exists" } },
    });
    const entries = t.sandbox.requests
      .filter((r) => r.route === "POST /repos/{owner}/{repo}/git/refs")
      .slice(-2);
    expect(entries.map((r) => [r.status, r.faulted])).toEqual([
      [502, "write-then-502"],
      [422, undefined],
    ]);
  });

  it("makes a pull request that answered 502 findable, and refuses its duplicate", async () => {
    const octokit = t.octokit();
    const head = await mainSha();
    const sha = await commitFiles(octokit, repo, head, { "x.txt": "x\n" }, "x");
    await octokit.rest.git.createRef({ ...repo, ref: "refs/heads/pr-502", sha });
    t.sandbox.faults.add({
      route: "POST /repos/{owner}/{repo}/pulls",
      kind: "write-then-502",
      times: 1,
    });
    await expect(
      octokit.rest.pulls.create({ ...repo, head: "pr-502", base: "main", title: "x" }),
    ).rejects.toMatchObject({ status: 502 });
    const found = await octokit.rest.pulls.list({ ...repo, head: "acme:pr-502" });
    expect(found.data).toHaveLength(1);
    await expect(
      octokit.rest.pulls.create({ ...repo, head: "pr-502", base: "main", title: "x" }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it("sends rate-limit headers on every answer, faults included", async () => {
    t.sandbox.faults.add({ kind: "status", status: 500, times: 1 });
    const failed = await fetch(`${t.sandbox.url}/repos/acme/infra`, {
      headers: { authorization: "token sandbox-token" },
    });
    expect(failed.status).toBe(500);
    expect(failed.headers.get("x-ratelimit-limit")).toBe("5000");
    const missing = await fetch(`${t.sandbox.url}/no/such/route`, {
      headers: { authorization: "token sandbox-token" },
    });
    expect(missing.status).toBe(404);
    expect(Number(missing.headers.get("x-ratelimit-remaining"))).toBeLessThan(5000);
    expect(t.sandbox.requests.at(-1)).toMatchObject({
      route: "unmatched",
      status: 404,
      tokenKind: "token",
    });
  });
});
