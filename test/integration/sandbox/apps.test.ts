/**
 * GitHub App authentication against the sandbox: JWTs checked against the App's public key
 * and GitHub's time limits, installation tokens limited to their repositories and
 * permissions, and revocation — driven by Greenlight's own GitHub client as the actions are.
 */
import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../../src/core/clock.js";
import { createGitHubClient } from "../../../src/core/github/client.js";
import { MemoryLogger } from "../../../src/core/logger.js";
import { SecretRegistry } from "../../../src/core/secrets.js";
import { startTestSandbox, TestOctokit, type TestSandbox } from "../../helpers/sandbox.js";

const APP_ID = 4242;
const INSTALLATION_ID = 77;

function rsaKeys() {
  return generateKeyPairSync("rsa", { modulusLength: 2048 });
}

const app = rsaKeys();
const stranger = rsaKeys();

function jwt(key: KeyObject, claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${part({ alg: "RS256", typ: "JWT" })}.${part(claims)}`;
  return `${input}.${sign("sha256", Buffer.from(input), key).toString("base64url")}`;
}

const now = () => Math.floor(Date.now() / 1000);
const validJwt = (key = app.privateKey) =>
  jwt(key, { iat: now() - 60, exp: now() + 540, iss: String(APP_ID) });

let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox({
    repos: {
      "acme/infra": { "README.md": "infra\n" },
      "acme/other": { "README.md": "other\n" },
      "acme/private": { "README.md": "private\n" },
    },
    apps: [
      {
        id: APP_ID,
        clientId: "Iv1.sandbox",
        publicKeyPem: app.publicKey.export({ type: "spki", format: "pem" }).toString(),
        installations: [
          {
            id: INSTALLATION_ID,
            account: "acme",
            repositories: ["acme/infra", "acme/other"],
            permissions: { contents: "write", pull_requests: "write", metadata: "read" },
          },
        ],
      },
    ],
  });
});
afterAll(() => t.close());

function withAuth(token: string) {
  return new TestOctokit({ baseUrl: t.sandbox.url, auth: token });
}

describe("App JWTs", () => {
  it("finds the installation on a repository with a JWT signed by the App's key", async () => {
    const octokit = withAuth(validJwt());
    const { data } = await octokit.rest.apps.getRepoInstallation({ owner: "acme", repo: "infra" });
    expect(data).toMatchObject({ id: INSTALLATION_ID, app_id: APP_ID, account: { login: "acme" } });
    await expect(
      octokit.rest.apps.getRepoInstallation({ owner: "acme", repo: "private" }),
    ).rejects.toMatchObject({ status: 404 });
    expect((await octokit.rest.apps.getAuthenticated()).data).toMatchObject({
      id: APP_ID,
      client_id: "Iv1.sandbox",
    });
  });

  it("refuses a JWT signed with another key, an expired one and one that lives over ten minutes", async () => {
    const refused = async (token: string) =>
      withAuth(token)
        .rest.apps.getRepoInstallation({ owner: "acme", repo: "infra" })
        .catch((e: { status: number; response: { data: { message: string } } }) => [
          e.status,
          e.response.data.message,
        ]);
    expect(await refused(validJwt(stranger.privateKey))).toEqual([
      401,
      "A JSON web token could not be decoded",
    ]);
    expect(
      await refused(jwt(app.privateKey, { iat: now() - 700, exp: now() - 60, iss: APP_ID })),
    ).toEqual([
      401,
      "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
    ]);
    expect(
      await refused(jwt(app.privateKey, { iat: now(), exp: now() + 3600, iss: APP_ID })),
    ).toEqual([401, "'Expiration time' claim ('exp') is too far in the future"]);
  });
});

describe("installation tokens", () => {
  async function mint(body: Record<string, unknown>) {
    return withAuth(validJwt()).request("POST /app/installations/{installation_id}/access_tokens", {
      installation_id: INSTALLATION_ID,
      ...body,
    });
  }

  it("reach only the repositories and permissions they were minted for", async () => {
    const { data, status } = await mint({
      repositories: ["infra"],
      permissions: { contents: "read" },
    });
    expect(status).toBe(201);
    expect(data).toMatchObject({
      repository_selection: "selected",
      permissions: { contents: "read", metadata: "read" },
    });
    expect(data.repositories?.map((r) => r.full_name)).toEqual(["acme/infra"]);
    const octokit = withAuth(data.token);
    expect(
      (await octokit.rest.repos.getContent({ owner: "acme", repo: "infra", path: "README.md" }))
        .status,
    ).toBe(200);
    // Another repository of the same installation is invisible to this token: 404, as on GitHub.
    await expect(octokit.rest.repos.get({ owner: "acme", repo: "other" })).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      octokit.rest.git.createRef({
        owner: "acme",
        repo: "infra",
        ref: "refs/heads/x",
        sha: "0".repeat(40),
      }),
    ).rejects.toMatchObject({
      status: 403,
      response: { data: { message: "Resource not accessible by integration" } },
    });
  });

  it("are refused for repositories or permissions the installation lacks", async () => {
    await expect(mint({ repositories: ["private"] })).rejects.toMatchObject({
      status: 422,
      response: {
        data: {
          message:
            "There is at least one repository that does not exist or is not accessible to the parent installation.",
        },
      },
    });
    await expect(mint({ permissions: { administration: "write" } })).rejects.toMatchObject({
      status: 422,
      response: {
        data: { message: "The permissions requested are not granted to this installation." },
      },
    });
  });

  it("work through Greenlight's client and stop working once revoked", async () => {
    const secrets = new SecretRegistry();
    const client = await createGitHubClient({
      repository: "acme/infra",
      app: {
        appId: String(APP_ID),
        privateKey: app.privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
      },
      permissions: { contents: "write", pull_requests: "write" },
      baseUrl: t.sandbox.url,
      logger: new MemoryLogger(),
      clock: systemClock,
      secrets,
      env: {},
    });
    expect(client.tokenKind).toBe("app");
    const token = client.installationToken!.token;
    const repo = await client.octokit.rest.repos.get({ owner: "acme", repo: "infra" });
    expect(repo.data.full_name).toBe("acme/infra");
    const viewer = await client.graphql<{ viewer: { login: string } }>("{ viewer { login } }");
    expect(viewer.viewer.login).toBe("app-4242[bot]");

    // GitHub signs the Git Data API commits an App makes without naming an author.
    const head = (
      await client.octokit.rest.git.getRef({ owner: "acme", repo: "infra", ref: "heads/main" })
    ).data.object.sha;
    const parent = (
      await client.octokit.rest.git.getCommit({ owner: "acme", repo: "infra", commit_sha: head })
    ).data;
    const commit = await client.octokit.rest.git.createCommit({
      owner: "acme",
      repo: "infra",
      message: "By the App",
      tree: parent.tree.sha,
      parents: [head],
    });
    expect(commit.data.verification.verified).toBe(true);
    expect(commit.data.author.name).toBe("app-4242[bot]");

    await client.revoke();
    const revocation = t.sandbox.requests.filter((r) => r.route === "DELETE /installation/token");
    expect(revocation).toMatchObject([{ status: 204, tokenKind: "installation" }]);
    await expect(
      withAuth(token).rest.repos.get({ owner: "acme", repo: "infra" }),
    ).rejects.toMatchObject({
      status: 401,
      response: { data: { message: "Bad credentials" } },
    });
  });

  it("are refused by the client with a sentence when the key belongs to another App", async () => {
    const attempt = createGitHubClient({
      repository: "acme/infra",
      app: {
        appId: String(APP_ID),
        privateKey: stranger.privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
      },
      baseUrl: t.sandbox.url,
      logger: new MemoryLogger(),
      clock: systemClock,
      secrets: new SecretRegistry(),
      env: {},
    });
    await expect(attempt).rejects.toThrow(/do not belong to the same GitHub App/);
  });
});
