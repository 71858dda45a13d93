import { generateKeyPairSync, verify, type KeyObject } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/core/clock.js";
import { ConfigurationError } from "../../../src/core/errors.js";
import { MemoryLogger } from "../../../src/core/logger.js";
import { SecretRegistry } from "../../../src/core/secrets.js";
import { createGitHubClient, type GitHubClientOptions } from "../../../src/core/github/client.js";
import {
  startFakeGitHub,
  type FakeGitHub,
  type Reply,
  type SeenRequest,
} from "../../helpers/fake-github.js";

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const INSTALLATION_TOKEN = "ghs_installationToken0123456789";
let privateKeyPem: string;
let publicKey: KeyObject;
let server: FakeGitHub | undefined;

beforeAll(() => {
  const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
  privateKeyPem = pair.privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  publicKey = pair.publicKey;
});

afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface JwtCheck {
  valid: boolean;
  claims?: { iat: number; exp: number; iss: string };
  alg?: string;
}

/** What GitHub does with the Bearer JWT: check the RS256 signature with the App's public key. */
function checkJwt(request: SeenRequest): JwtCheck {
  const match = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ""));
  const [header, payload, signature] = (match?.[1] ?? "").split(".");
  if (!header || !payload || !signature) return { valid: false };
  const valid = verify(
    "sha256",
    Buffer.from(`${header}.${payload}`),
    publicKey,
    Buffer.from(signature, "base64url"),
  );
  return {
    valid,
    alg: (JSON.parse(Buffer.from(header, "base64url").toString()) as { alg: string }).alg,
    claims: JSON.parse(Buffer.from(payload, "base64url").toString()) as JwtCheck["claims"],
  };
}

/** A GitHub that knows one App (issuer `app`) installed on acme/infra as installation 42. */
function githubWithApp(options: { issuer?: string; installedOn?: string } = {}) {
  const issuer = options.issuer ?? "12345";
  const installedOn = options.installedOn ?? "/repos/acme/infra/installation";
  return (request: SeenRequest): Reply => {
    const route = `${request.method} ${request.url}`;
    if (route === "DELETE /installation/token" || route === "GET /repos/acme/infra") {
      return request.headers.authorization === `token ${INSTALLATION_TOKEN}`
        ? {
            status: route.startsWith("DELETE") ? 204 : 200,
            body: route.startsWith("DELETE") ? undefined : { full_name: "acme/infra" },
          }
        : { status: 401, body: { message: "Bad credentials" } };
    }
    const jwt = checkJwt(request);
    const now = Math.floor(NOW / 1000);
    const accepted =
      jwt.valid &&
      jwt.alg === "RS256" &&
      jwt.claims?.iss === issuer &&
      jwt.claims.iat === now - 60 &&
      jwt.claims.exp === now + 540;
    if (!accepted)
      return { status: 401, body: { message: "A JSON web token could not be decoded" } };
    if (route === `GET ${installedOn}`) return { status: 200, body: { id: 42 } };
    if (route.startsWith("GET /repos/")) return { status: 404, body: { message: "Not Found" } };
    if (route === "POST /app/installations/42/access_tokens") {
      return {
        status: 201,
        body: { token: INSTALLATION_TOKEN, expires_at: "2026-01-01T13:00:00Z" },
      };
    }
    return { status: 404, body: { message: "Not Found" } };
  };
}

async function appClient(
  handler: (request: SeenRequest) => Reply,
  overrides: Partial<GitHubClientOptions> = {},
) {
  server = await startFakeGitHub(handler);
  const secrets = new SecretRegistry();
  const logger = new MemoryLogger();
  const options: GitHubClientOptions = {
    token: "ghp_ignoredWhenAnAppIsGiven",
    app: { appId: "12345", privateKey: privateKeyPem },
    repository: "acme/infra",
    permissions: { contents: "write", pull_requests: "write" },
    baseUrl: server.url,
    logger,
    clock: new ManualClock(NOW),
    secrets,
    env: {},
    ...overrides,
  };
  return { server, secrets, logger, options, create: () => createGitHubClient(options) };
}

describe("GitHub App authentication", () => {
  it("signs a JWT the App's public key verifies and gets a token scoped to the repository", async () => {
    const { server, create } = await appClient(githubWithApp());
    const client = await create();
    expect(client.tokenKind).toBe("app");

    const [lookup, exchange] = server.requests;
    expect(`${lookup?.method} ${lookup?.url}`).toBe("GET /repos/acme/infra/installation");
    expect(checkJwt(lookup!).valid).toBe(true);
    expect(`${exchange?.method} ${exchange?.url}`).toBe("POST /app/installations/42/access_tokens");
    expect(JSON.parse(exchange?.body ?? "")).toEqual({
      repositories: ["infra"],
      permissions: { contents: "write", pull_requests: "write" },
    });

    const { data } = await client.octokit.request("GET /repos/{owner}/{repo}", {
      owner: "acme",
      repo: "infra",
    });
    expect(data.full_name).toBe("acme/infra");
    expect(server.requests[2]?.headers.authorization).toBe(`token ${INSTALLATION_TOKEN}`);
    expect(client.requestCount()).toBe(1);
  });

  it("uses the client id as the JWT issuer when given instead of the app id", async () => {
    const { create } = await appClient(githubWithApp({ issuer: "Iv23liClientId" }), {
      app: { clientId: "Iv23liClientId", privateKey: privateKeyPem },
    });
    expect((await create()).tokenKind).toBe("app");
  });

  it("masks the installation token, the JWT and the private key", async () => {
    const { server, secrets, create } = await appClient(githubWithApp());
    const client = await create();
    expect(secrets.redact(INSTALLATION_TOKEN)).toBe("***");
    expect(client.installationToken?.token).toBe(INSTALLATION_TOKEN);
    const jwt = String(server.requests[0]?.headers.authorization).replace("Bearer ", "");
    expect(secrets.redact(jwt)).toBe("***");
    const keyBody = privateKeyPem.split("\n")[1] ?? "";
    expect(keyBody.length).toBeGreaterThan(20);
    expect(secrets.redact(keyBody)).toBe("***");
  });

  it("accepts a key whose line breaks arrive as literal \\n, and a PKCS#8 key", async () => {
    const escaped = privateKeyPem.trim().split("\n").join("\\n");
    const first = await appClient(githubWithApp(), {
      app: { appId: "12345", privateKey: escaped },
    });
    expect((await first.create()).tokenKind).toBe("app");
    await server?.close();

    const { createPrivateKey } = await import("node:crypto");
    const pkcs8 = createPrivateKey(privateKeyPem)
      .export({ type: "pkcs8", format: "pem" })
      .toString();
    const second = await appClient(githubWithApp(), { app: { appId: "12345", privateKey: pkcs8 } });
    expect((await second.create()).tokenKind).toBe("app");
  });

  it("revokes the installation token with DELETE /installation/token, once", async () => {
    const { server, create } = await appClient(githubWithApp());
    const client = await create();
    await client.revoke();
    await client.revoke();
    const deletes = server.requests.filter((r) => r.method === "DELETE");
    expect(deletes).toHaveLength(1);
    expect(deletes[0]?.url).toBe("/installation/token");
    expect(deletes[0]?.headers.authorization).toBe(`token ${INSTALLATION_TOKEN}`);
  });

  it("does nothing on revoke for a plain token", async () => {
    const { server, create } = await appClient(githubWithApp(), {
      app: undefined,
      token: "ghp_plainToken000111",
    });
    const client = await create();
    expect(client.tokenKind).toBe("token");
    await client.revoke();
    expect(server.requests).toHaveLength(0);
  });

  it("warns, without failing, when the token cannot be revoked", async () => {
    const { logger, create } = await appClient((request) =>
      request.method === "DELETE"
        ? { status: 403, body: { message: "Forbidden" } }
        : githubWithApp()(request),
    );
    const client = await create();
    await client.revoke();
    expect(logger.text()).toMatch(/warning: Could not revoke the GitHub App installation token/);
  });
});

describe("GitHub App configuration errors", () => {
  async function failure(promise: Promise<unknown>): Promise<ConfigurationError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }

  it("rejects a private key that is not a PEM RSA key, naming private-key, before any request", async () => {
    const { server, create } = await appClient(githubWithApp(), {
      app: { appId: "12345", privateKey: "not-a-key-at-all" },
    });
    const error = await failure(create());
    expect(error.message).toMatch(
      /^Input "private-key" is not a PEM RSA private key; .*-----BEGIN RSA PRIVATE KEY-----/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("rejects an EC key as not an RSA key", async () => {
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" })
      .privateKey.export({ type: "pkcs8", format: "pem" })
      .toString();
    const { secrets, create } = await appClient(githubWithApp(), {
      app: { appId: "12345", privateKey: ec },
    });
    const error = await failure(create());
    expect(error.message).toContain('"private-key"');
    expect(secrets.redact(ec.split("\n")[1] ?? "")).toBe("***");
  });

  it("says to install the App when it is not installed on the repository", async () => {
    const { create } = await appClient(
      githubWithApp({ installedOn: "/repos/acme/other/installation" }),
    );
    const error = await failure(create());
    expect(error.message).toMatch(/not installed on acme\/infra; install the App on acme\/infra/);
  });

  it("says the app id and key do not match when GitHub answers 401", async () => {
    const { create } = await appClient(githubWithApp({ issuer: "99999" }));
    const error = await failure(create());
    expect(error.message).toMatch(
      /input "app-id" \(12345\) and input "private-key" do not belong to the same GitHub App/,
    );
  });

  it("explains a refused permission request", async () => {
    const { create } = await appClient((request) =>
      request.method === "POST"
        ? {
            status: 422,
            body: { message: "The permissions requested are not granted to this installation." },
          }
        : githubWithApp()(request),
    );
    const error = await failure(create());
    expect(error.message).toContain('permissions {"contents":"write","pull_requests":"write"}');
    expect(error.message).toContain("not granted to this installation");
  });

  it("asks for a token when neither a token nor an App is given", async () => {
    const { create } = await appClient(githubWithApp(), { app: undefined, token: "" });
    expect((await failure(create())).message).toMatch(/^Input "token" /);
  });

  it("rejects a repository that is not owner/name", async () => {
    const { create } = await appClient(githubWithApp(), { repository: "just-a-name" });
    expect((await failure(create())).message).toMatch(/^Input "repository" is "just-a-name"/);
  });
});
