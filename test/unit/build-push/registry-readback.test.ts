/**
 * Reading back a push: the registry client's authentication (anonymous, Basic, Bearer from
 * the realm a 401 names), the credentials a login step left, and the checks on what the
 * registry holds. The registry here is a small in-process fake; the integration tests use
 * a real one.
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Exec } from "../../../src/build-push/exec.js";
import { pushProblems, readPushedImage } from "../../../src/build-push/pushed-image.js";
import type { Fetch } from "../../../src/build-push/registry-client.js";
import { RegistryClient } from "../../../src/build-push/registry-client.js";
import { authFilePaths, credentialLookup } from "../../../src/build-push/registry-credentials.js";
import { OperationFailedError } from "../../../src/core/errors.js";
import { SecretRegistry } from "../../../src/core/secrets.js";
import { tempDir } from "../../helpers/run-context.js";

const digestOf = (text: string) => `sha256:${createHash("sha256").update(text).digest("hex")}`;

function image(layers: number[], config = '{"os":"linux","architecture":"amd64"}') {
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: "application/vnd.oci.image.manifest.v1+json",
    config: {
      mediaType: "application/vnd.oci.image.config.v1+json",
      digest: digestOf(config),
      size: config.length,
    },
    layers: layers.map((size, i) => ({
      mediaType: "application/vnd.oci.image.layer.v1.tar+gzip",
      digest: digestOf(`layer${i}${size}`),
      size,
    })),
  });
  return {
    manifest,
    digest: digestOf(manifest),
    config,
    configDigest: digestOf(config),
    size: config.length + layers.reduce((a, b) => a + b, 0),
  };
}

const amd64 = image([1_000, 2_000]);
const arm64 = image([5_000], '{"os":"linux","architecture":"arm64"}');
const index = JSON.stringify({
  schemaVersion: 2,
  mediaType: "application/vnd.oci.image.index.v1+json",
  manifests: [
    {
      mediaType: "application/vnd.oci.image.manifest.v1+json",
      digest: amd64.digest,
      size: amd64.manifest.length,
      platform: { os: "linux", architecture: "amd64" },
    },
    {
      mediaType: "application/vnd.oci.image.manifest.v1+json",
      digest: arm64.digest,
      size: arm64.manifest.length,
      platform: { os: "linux", architecture: "arm64", variant: "v8" },
    },
    // A Buildx attestation: not an image.
    {
      mediaType: "application/vnd.oci.image.manifest.v1+json",
      digest: digestOf("att"),
      size: 1,
      platform: { os: "unknown", architecture: "unknown" },
      annotations: { "vnd.docker.reference.type": "attestation-manifest" },
    },
  ],
});
const INDEX_DIGEST = digestOf(index);

/** A registry at https://r.example.com: anonymous, Basic or Bearer, serving one repository. */
function fakeRegistry(auth: "none" | "basic" | "bearer", password = "pw") {
  const requests: { url: string; authorization?: string }[] = [];
  const blobs: Record<string, string> = {
    [amd64.digest]: amd64.manifest,
    [arm64.digest]: arm64.manifest,
    [INDEX_DIGEST]: index,
    latest: index,
  };
  const fetch: Fetch = (url, init) => {
    requests.push({
      url,
      ...(init.headers["authorization"] ? { authorization: init.headers["authorization"] } : {}),
    });
    const u = new URL(url);
    if (u.hostname === "auth.example.com") {
      const ok =
        init.headers["authorization"] ===
        `Basic ${Buffer.from(`ci:${password}`).toString("base64")}`;
      return Promise.resolve(
        ok ? Response.json({ token: "bearer-token-123" }) : new Response("no", { status: 401 }),
      );
    }
    const authorization = init.headers["authorization"];
    const allowed =
      auth === "none" ||
      (auth === "basic" && authorization === `Basic ${Buffer.from("ci:pw").toString("base64")}`) ||
      (auth === "bearer" && authorization === "Bearer bearer-token-123");
    if (!allowed) {
      const challenge =
        auth === "basic"
          ? 'Basic realm="r"'
          : 'Bearer realm="https://auth.example.com/token",service="r.example.com"';
      return Promise.resolve(
        new Response("{}", { status: 401, headers: { "www-authenticate": challenge } }),
      );
    }
    if (u.pathname === "/v2/") return Promise.resolve(new Response("{}"));
    const manifest = /^\/v2\/shop\/api\/manifests\/(.+)$/.exec(u.pathname);
    if (manifest && blobs[manifest[1]!]) return Promise.resolve(new Response(blobs[manifest[1]!]));
    const blob = /^\/v2\/shop\/api\/blobs\/(.+)$/.exec(u.pathname);
    if (blob?.[1] === amd64.configDigest) return Promise.resolve(new Response(amd64.config));
    if (u.pathname.endsWith("/tags/list"))
      return Promise.resolve(Response.json({ tags: ["latest"] }));
    return Promise.resolve(new Response("{}", { status: 404 }));
  };
  return { fetch, requests };
}

function client(
  fetch: Fetch,
  credentials: { username: string; password: string } | undefined,
  secrets = new SecretRegistry(),
) {
  return new RegistryClient({
    fetch,
    credentials: () => Promise.resolve(credentials),
    secrets,
    tlsVerify: true,
  });
}

const location = { registry: "r.example.com", path: "shop/api" };

describe("reading back a pushed image", () => {
  it("reads every platform of a manifest list with its compressed size, leaving out attestations", async () => {
    const { fetch } = fakeRegistry("none");
    const pushed = await readPushedImage(client(fetch, undefined), location, INDEX_DIGEST);
    expect(pushed.digest).toBe(INDEX_DIGEST);
    expect(pushed.platforms).toEqual([
      { platform: "linux/amd64", digest: amd64.digest, size: amd64.size },
      { platform: "linux/arm64", digest: arm64.digest, size: arm64.size },
    ]);
  });

  it("reads a single-platform image's platform from its config", async () => {
    const { fetch } = fakeRegistry("none");
    const pushed = await readPushedImage(client(fetch, undefined), location, amd64.digest);
    expect(pushed.platforms).toEqual([
      { platform: "linux/amd64", digest: amd64.digest, size: amd64.size },
    ]);
  });

  it("answers a Basic challenge with the login step's credentials", async () => {
    const { fetch, requests } = fakeRegistry("basic");
    await readPushedImage(
      client(fetch, { username: "ci", password: "pw" }),
      location,
      INDEX_DIGEST,
    );
    expect(requests.at(-1)!.authorization).toMatch(/^Basic /);
  });

  it("gets a Bearer token from the realm, scoped to pull the repository, and masks it", async () => {
    const { fetch, requests } = fakeRegistry("bearer");
    const secrets = new SecretRegistry();
    await readPushedImage(
      client(fetch, { username: "ci", password: "pw" }, secrets),
      location,
      INDEX_DIGEST,
    );
    const tokenRequest = requests.find((r) => r.url.startsWith("https://auth.example.com/"))!;
    expect(new URL(tokenRequest.url).searchParams.get("scope")).toBe("repository:shop/api:pull");
    expect(new URL(tokenRequest.url).searchParams.get("service")).toBe("r.example.com");
    expect(secrets.redact("token bearer-token-123")).not.toContain("bearer-token-123");
  });

  it("says to log in when the registry will not let the runner read", async () => {
    const { fetch } = fakeRegistry("bearer", "other");
    const error = await readPushedImage(client(fetch, undefined), location, INDEX_DIGEST).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OperationFailedError);
    expect((error as Error).message).toBe(
      `Reading back r.example.com/shop/api@${INDEX_DIGEST} failed: the registry refused to let this runner read it; log in to the registry first.`,
    );
    expect(await client(fetch, undefined).refusesCredentials("r.example.com", "shop/api")).toBe(
      true,
    );
    expect(
      await client(fakeRegistry("none").fetch, undefined).refusesCredentials(
        "r.example.com",
        "shop/api",
      ),
    ).toBe(false);
  });

  it("names a registry that cannot be reached", async () => {
    const refused: Fetch = () =>
      Promise.reject(
        Object.assign(new TypeError("fetch failed"), { cause: { code: "ENOTFOUND" } }),
      );
    await expect(client(refused, undefined).ping("nowhere.example.com")).rejects.toThrow(
      "Registry nowhere.example.com could not be reached (ENOTFOUND); check the registry name and the runner's network (for a registry without TLS, set tls-verify: false).",
    );
  });
});

describe("checks on what the registry holds", () => {
  const pushed = {
    digest: INDEX_DIGEST,
    mediaType: "application/vnd.oci.image.index.v1+json",
    platforms: [
      { platform: "linux/amd64", digest: amd64.digest, size: 212_500_000 },
      { platform: "linux/arm64", digest: arm64.digest, size: 612_000_000 },
    ],
  };
  const expected = {
    service: "api",
    reference: `r.example.com/shop/api@${INDEX_DIGEST}`,
    digest: INDEX_DIGEST,
    platforms: ["linux/amd64", "linux/arm64"],
    tagDigests: { "r.example.com/shop/api:latest": INDEX_DIGEST },
  };

  it("passes when digest, tags, platforms and sizes are as asked", () => {
    expect(pushProblems(pushed, { ...expected, maxSize: 700_000_000 })).toEqual([]);
    expect(pushProblems(pushed, expected)).toEqual([]);
  });

  it("fails a platform over the size budget with its measured size", () => {
    expect(pushProblems(pushed, { ...expected, maxSize: 500_000_000 })).toEqual([
      'Service "api" for linux/arm64 is 612 MB compressed (612000000 bytes), over the max-size budget of 500 MB.',
    ]);
  });

  it("fails a missing platform, a moved tag and a digest that does not resolve to the push", () => {
    const problems = pushProblems(
      { ...pushed, digest: amd64.digest, platforms: pushed.platforms.slice(0, 1) },
      { ...expected, tagDigests: { "r.example.com/shop/api:latest": arm64.digest } },
    );
    expect(problems).toEqual([
      `Service "api": the registry serves ${amd64.digest} for ${expected.reference}, not the pushed ${INDEX_DIGEST}.`,
      `Service "api": tag r.example.com/shop/api:latest points at ${arm64.digest}, not at the pushed ${INDEX_DIGEST}.`,
      `Service "api": ${expected.reference} has no image for linux/arm64 (it has linux/amd64).`,
    ]);
  });
});

describe("credentials a login step left", () => {
  it("looks where the engines look", () => {
    expect(
      authFilePaths({
        HOME: "/home/r",
        REGISTRY_AUTH_FILE: "/a.json",
        XDG_RUNTIME_DIR: "/run/user/1",
      }),
    ).toEqual([
      "/a.json",
      "/run/user/1/containers/auth.json",
      "/home/r/.config/containers/auth.json",
      "/home/r/.docker/config.json",
    ]);
  });

  it("reads docker login's entries and masks the password", async () => {
    const home = tempDir();
    mkdirSync(join(home, ".docker"));
    const auth = Buffer.from("AWS:ecr-password-xyz").toString("base64");
    writeFileSync(
      join(home, ".docker", "config.json"),
      JSON.stringify({ auths: { "https://r.example.com": { auth } } }),
    );
    const secrets = new SecretRegistry();
    const noExec: Exec = () => Promise.reject(new Error("not called"));
    const found = await credentialLookup({ env: { HOME: home }, exec: noExec, secrets })(
      "r.example.com",
    );
    expect(found).toEqual({ username: "AWS", password: "ecr-password-xyz" });
    expect(secrets.redact("ecr-password-xyz")).not.toContain("ecr-password-xyz");
    expect(
      await credentialLookup({ env: { HOME: home }, exec: noExec, secrets })("other.example.com"),
    ).toBeUndefined();
  });

  it("asks the credential helper a config names (ecr-login, for example)", async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "config.json"),
      JSON.stringify({ credHelpers: { "r.example.com": "ecr-login" } }),
    );
    const calls: string[] = [];
    const exec: Exec = (command, _args, options) => {
      calls.push(`${command} ${options?.input ?? ""}`);
      return Promise.resolve({
        exitCode: 0,
        stdout: JSON.stringify({ Username: "AWS", Secret: "helper-secret" }),
        stderr: "",
      });
    };
    const found = await credentialLookup({
      env: { DOCKER_CONFIG: dir },
      exec,
      secrets: new SecretRegistry(),
    })("r.example.com");
    expect(found).toEqual({ username: "AWS", password: "helper-secret" });
    expect(calls).toEqual(["docker-credential-ecr-login r.example.com"]);
  });
});
