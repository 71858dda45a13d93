import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/core/clock.js";
import { OperationFailedError } from "../../../src/core/errors.js";
import { MemoryLogger } from "../../../src/core/logger.js";
import { SecretRegistry } from "../../../src/core/secrets.js";
import { createGitHubClient, type GitHubClient } from "../../../src/core/github/client.js";
import {
  startFakeGitHub,
  untilSleeping,
  type FakeGitHub,
  type Handler,
} from "../../helpers/fake-github.js";

const REPO = { owner: "acme", repo: "infra" };
let server: FakeGitHub | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(handler: Handler, retries?: number) {
  server = await startFakeGitHub(handler);
  const clock = new ManualClock(Date.UTC(2026, 0, 1, 12, 0, 0));
  const logger = new MemoryLogger();
  const client = await createGitHubClient({
    token: "ghp_plainTestToken0001",
    repository: "acme/infra",
    baseUrl: server.url,
    logger,
    clock,
    secrets: new SecretRegistry(),
    env: {},
    ...(retries === undefined ? {} : { retries }),
  });
  return { server, clock, logger, client };
}

const ok: Handler = () => ({ status: 200, body: { full_name: "acme/infra" } });

/** Answers the first requests with `first`, the rest with 200. */
function failingFirst(times: number, first: Handler): Handler {
  return (request, index) => (index < times ? first(request, index) : ok(request, index));
}

function getRepo(client: GitHubClient) {
  return client.octokit.request("GET /repos/{owner}/{repo}", REPO);
}

describe("rate limits", () => {
  it("waits out a secondary rate limit's retry-after once on the clock, then succeeds", async () => {
    const { server, clock, logger, client } = await setup(
      failingFirst(1, () => ({
        status: 403,
        headers: { "retry-after": "30" },
        body: { message: "You have exceeded a secondary rate limit." },
      })),
    );
    const pending = getRepo(client);
    await untilSleeping(clock);
    expect(clock.sleeps).toEqual([30_000]);
    expect(server.requests).toHaveLength(1);
    await clock.advance(30_000);
    const { data } = await pending;
    expect(data.full_name).toBe("acme/infra");
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([30_000]);
    expect(logger.text()).toMatch(
      /warning: GitHub rate-limited GET \/repos\/\{owner\}\/\{repo\}.*30 s/,
    );
  });

  it("retries a rate-limited POST too, since GitHub did not process it", async () => {
    const { server, clock, client } = await setup(
      failingFirst(1, () => ({ status: 429, headers: { "retry-after": "5" }, body: {} })),
    );
    const pending = client.octokit.request("POST /repos/{owner}/{repo}/git/refs", {
      ...REPO,
      ref: "refs/heads/x",
      sha: "a".repeat(40),
    });
    await untilSleeping(clock);
    await clock.advance(5_000);
    await pending;
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "POST"]);
    expect(clock.sleeps).toEqual([5_000]);
  });

  it("waits until x-ratelimit-reset when the primary rate limit is used up", async () => {
    const resetAt = Date.UTC(2026, 0, 1, 12, 2, 0) / 1000; // two minutes after "now"
    const { server, clock, logger, client } = await setup(
      failingFirst(1, () => ({
        status: 403,
        headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(resetAt) },
        body: { message: "API rate limit exceeded for installation ID 1." },
      })),
    );
    const pending = getRepo(client);
    await untilSleeping(clock);
    // Until the reset, plus one second for GitHub's whole-second resolution.
    expect(clock.sleeps).toEqual([121_000]);
    await clock.advance(121_000);
    await pending;
    expect(server.requests).toHaveLength(2);
    expect(logger.text()).toContain("until it resets at 2026-01-01T12:02:00.000Z");
  });

  it("waits a minute, doubling, for a secondary rate limit that names no time", async () => {
    const { server, clock, client } = await setup(
      failingFirst(2, () => ({
        status: 403,
        body: { message: "You have exceeded a secondary rate limit and have been blocked." },
      })),
    );
    const pending = getRepo(client);
    await untilSleeping(clock);
    await clock.advance(60_000);
    await untilSleeping(clock);
    await clock.advance(120_000);
    await pending;
    expect(clock.sleeps).toEqual([60_000, 120_000]);
    expect(server.requests).toHaveLength(3);
  });

  it("does not retry a 403 that is not a rate limit", async () => {
    const { server, clock, client } = await setup(() => ({
      status: 403,
      body: { message: "Resource not accessible by integration" },
    }));
    await expect(getRepo(client)).rejects.toMatchObject({ status: 403 });
    expect(server.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it("fails instead of idling when the wait would be longer than the limit", async () => {
    const resetAt = Date.UTC(2026, 0, 1, 13, 0, 0) / 1000; // an hour away
    const { server, clock, client } = await setup(() => ({
      status: 403,
      headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(resetAt) },
      body: { message: "API rate limit exceeded" },
    }));
    const error = await getRepo(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationFailedError);
    expect((error as Error).message).toMatch(/rate-limited GET .* for 3601 s/);
    expect(server.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it("gives up after `retries` rate-limit waits", async () => {
    const { server, clock, client } = await setup(
      () => ({ status: 429, headers: { "retry-after": "1" }, body: {} }),
      2,
    );
    const outcome = getRepo(client).catch((e: unknown) => e);
    for (let i = 0; i < 2; i++) {
      await untilSleeping(clock);
      await clock.advance(1_000);
    }
    expect(await outcome).toMatchObject({ status: 429 });
    expect(server.requests).toHaveLength(3);
    expect(clock.sleeps).toEqual([1_000, 1_000]);
  });
});

describe("transient failures", () => {
  it("retries a 500 on a GET with exponential backoff and succeeds", async () => {
    const { server, clock, logger, client } = await setup(
      failingFirst(2, () => ({ status: 500, body: { message: "Server Error" } })),
    );
    const pending = getRepo(client);
    await untilSleeping(clock);
    await clock.advance(1_000);
    await untilSleeping(clock);
    await clock.advance(2_000);
    const { data } = await pending;
    expect(data.full_name).toBe("acme/infra");
    expect(server.requests).toHaveLength(3);
    expect(clock.sleeps).toEqual([1_000, 2_000]);
    expect(logger.text()).toContain(
      "GitHub answered 500 to GET /repos/{owner}/{repo}; retrying in 1 s",
    );
  });

  it("retries a GET whose connection dropped", async () => {
    const { server, clock, client } = await setup(
      failingFirst(1, () => ({ status: 0, hangUp: true })),
    );
    const pending = getRepo(client);
    await untilSleeping(clock);
    await clock.advance(1_000);
    await pending;
    expect(server.requests).toHaveLength(2);
  });

  it("stops after `retries` retries and throws the last error", async () => {
    const { server, clock, client } = await setup(() => ({ status: 503, body: {} }));
    const outcome = getRepo(client).catch((e: unknown) => e);
    for (const wait of [1_000, 2_000, 4_000]) {
      await untilSleeping(clock);
      await clock.advance(wait);
    }
    expect(await outcome).toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(4);
    expect(clock.sleeps).toEqual([1_000, 2_000, 4_000]);
  });

  it("does not retry a 422", async () => {
    const { server, clock, client } = await setup(() => ({
      status: 422,
      body: { message: "Reference already exists" },
    }));
    await expect(
      client.octokit.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
        ...REPO,
        ref: "heads/main",
        sha: "b".repeat(40),
      }),
    ).rejects.toMatchObject({ status: 422 });
    expect(server.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it("does not retry a POST that got a 502: the create may have happened", async () => {
    const { server, clock, client } = await setup(failingFirst(1, () => ({ status: 502 })));
    await expect(
      client.octokit.request("POST /repos/{owner}/{repo}/pulls", {
        ...REPO,
        head: "feature",
        base: "main",
        title: "t",
      }),
    ).rejects.toMatchObject({ status: 502 });
    expect(server.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it("does not retry a POST whose connection dropped", async () => {
    const { server, client } = await setup(failingFirst(1, () => ({ status: 0, hangUp: true })));
    await expect(
      client.octokit.request("POST /repos/{owner}/{repo}/git/refs", {
        ...REPO,
        ref: "refs/heads/x",
        sha: "a".repeat(40),
      }),
    ).rejects.toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(1);
  });

  it("retries a POST the caller marks idempotent", async () => {
    const { server, clock, client } = await setup(failingFirst(1, () => ({ status: 502 })));
    const pending = client.octokit.request("POST /repos/{owner}/{repo}/git/blobs", {
      ...REPO,
      content: "x",
      request: { idempotent: true },
    });
    await untilSleeping(clock);
    await clock.advance(1_000);
    await pending;
    expect(server.requests).toHaveLength(2);
  });

  it("retries a GraphQL query on a 502 but not a mutation", async () => {
    const graphqlOk = { status: 200, body: { data: { viewer: { login: "bot" } } } };
    const { server, clock, client } = await setup((request, index) =>
      index === 0 || request.body.includes("mutation") ? { status: 502 } : graphqlOk,
    );
    const query = client.graphql<{ viewer: { login: string } }>("query { viewer { login } }");
    await untilSleeping(clock);
    await clock.advance(1_000);
    expect(await query).toEqual({ viewer: { login: "bot" } });
    expect(server.requests).toHaveLength(2);

    await expect(
      client.graphql(
        "mutation($id: ID!) { enablePullRequestAutoMerge(input: {pullRequestId: $id}) { clientMutationId } }",
        { id: "PR_1" },
      ),
    ).rejects.toMatchObject({ status: 502 });
    expect(server.requests).toHaveLength(3);
    expect(clock.sleeps).toEqual([1_000]);
  });

  it("waits out GraphQL's RATE_LIMITED answer", async () => {
    const resetAt = Date.UTC(2026, 0, 1, 12, 0, 30) / 1000;
    const { server, clock, client } = await setup((_request, index) =>
      index === 0
        ? {
            status: 200,
            headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(resetAt) },
            body: { errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded" }] },
          }
        : { status: 200, body: { data: { ok: true } } },
    );
    const pending = client.graphql("{ ok }");
    await untilSleeping(clock);
    expect(clock.sleeps).toEqual([31_000]);
    await clock.advance(31_000);
    expect(await pending).toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });
});

describe("request count", () => {
  it("counts every HTTP request, retries included", async () => {
    const { clock, client } = await setup(failingFirst(1, () => ({ status: 500 })));
    expect(client.requestCount()).toBe(0);
    const pending = getRepo(client);
    await untilSleeping(clock);
    await clock.advance(1_000);
    await pending;
    await getRepo(client);
    expect(client.requestCount()).toBe(3);
  });
});
