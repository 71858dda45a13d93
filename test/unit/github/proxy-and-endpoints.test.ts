import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/core/clock.js";
import { silentLogger } from "../../../src/core/logger.js";
import { SecretRegistry } from "../../../src/core/secrets.js";
import { createGitHubClient, type GitHubClientOptions } from "../../../src/core/github/client.js";
import { startFakeGitHub, type FakeGitHub } from "../../helpers/fake-github.js";
import { startForwardProxy, type ForwardProxy } from "../../helpers/forward-proxy.js";

const started: (FakeGitHub | ForwardProxy)[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

async function servers() {
  const github = await startFakeGitHub((request) =>
    request.url.endsWith("graphql")
      ? { status: 200, body: { data: { path: request.url } } }
      : { status: 200, body: { full_name: "acme/infra" } },
  );
  const proxy = await startForwardProxy();
  started.push(github, proxy);
  return { github, proxy };
}

function options(overrides: Partial<GitHubClientOptions>): GitHubClientOptions {
  return {
    token: "ghp_proxyTestToken01",
    repository: "acme/infra",
    logger: silentLogger,
    clock: new ManualClock(),
    secrets: new SecretRegistry(),
    env: {},
    ...overrides,
  };
}

const REPO = { owner: "acme", repo: "infra" };

describe("proxies", () => {
  it("sends requests through an explicit proxy in absolute form", async () => {
    const { github, proxy } = await servers();
    const client = await createGitHubClient(options({ baseUrl: github.url, proxy: proxy.url }));
    const { data } = await client.octokit.request("GET /repos/{owner}/{repo}", REPO);
    expect(data.full_name).toBe("acme/infra");
    expect(proxy.seen).toEqual([`GET ${github.url}/repos/acme/infra`]);
    expect(github.requests).toHaveLength(1);
  });

  it("uses HTTP_PROXY from the environment, and NO_PROXY to bypass it", async () => {
    const { github, proxy } = await servers();
    const proxied = await createGitHubClient(
      options({ baseUrl: github.url, env: { HTTP_PROXY: proxy.url } }),
    );
    await proxied.octokit.request("GET /repos/{owner}/{repo}", REPO);
    expect(proxy.seen).toEqual([`GET ${github.url}/repos/acme/infra`]);

    const bypassing = await createGitHubClient(
      options({ baseUrl: github.url, env: { HTTP_PROXY: proxy.url, NO_PROXY: "127.0.0.1" } }),
    );
    await bypassing.octokit.request("GET /repos/{owner}/{repo}", REPO);
    expect(proxy.seen).toHaveLength(1);
    expect(github.requests).toHaveLength(2);
  });

  it("connects directly without a proxy", async () => {
    const { github, proxy } = await servers();
    const client = await createGitHubClient(options({ baseUrl: github.url }));
    await client.octokit.request("GET /repos/{owner}/{repo}", REPO);
    expect(proxy.seen).toEqual([]);
    expect(github.requests).toHaveLength(1);
  });
});

describe("endpoints", () => {
  it("sends GraphQL to /api/graphql when the REST root is a GHES /api/v3", async () => {
    const { github } = await servers();
    const client = await createGitHubClient(options({ baseUrl: `${github.url}/api/v3` }));
    await client.octokit.request("GET /repos/{owner}/{repo}", REPO);
    expect(await client.graphql("{ path }")).toEqual({ path: "/api/graphql" });
    // octokit.graphql (used by callers holding only the Octokit) goes to the same place.
    expect(await client.octokit.graphql("{ path }")).toEqual({ path: "/api/graphql" });
    expect(github.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /api/v3/repos/acme/infra",
      "POST /api/graphql",
      "POST /api/graphql",
    ]);
  });

  it("takes the REST root from GITHUB_API_URL and honours an explicit GraphQL URL", async () => {
    const { github } = await servers();
    const client = await createGitHubClient(
      options({ env: { GITHUB_API_URL: github.url }, graphqlUrl: `${github.url}/custom/graphql` }),
    );
    await client.octokit.rest.repos.get(REPO);
    expect(await client.graphql("{ path }")).toEqual({ path: "/custom/graphql" });
    expect(github.requests[0]?.url).toBe("/repos/acme/infra");
  });

  it("sends the user agent and the token", async () => {
    const { github } = await servers();
    const client = await createGitHubClient(
      options({ baseUrl: github.url, userAgent: "greenlight-test/1" }),
    );
    await client.octokit.request("GET /repos/{owner}/{repo}", REPO);
    expect(github.requests[0]?.headers["user-agent"]).toMatch(/^greenlight-test\/1 /);
    expect(github.requests[0]?.headers.authorization).toBe("token ghp_proxyTestToken01");
  });
});
