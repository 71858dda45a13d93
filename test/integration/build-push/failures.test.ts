/**
 * What a person sees when something is wrong: bad input exits 2 with one sentence before
 * any build; an operation that fails (registry unreachable, push refused for missing
 * credentials) exits 1 with one sentence. Credentials and build secrets never show.
 */
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestRegistry } from "../../helpers/registry.js";
import {
  removeDir,
  requireCommand,
  skopeoDigest,
  startRegistry,
  writeAuthFile,
} from "../../helpers/registry.js";
import { tempDir } from "../../helpers/run-context.js";
import { parseJson, runBuildPush, scratchProject } from "./harness.js";
import { listenOnLoopback } from "../../helpers/ports.js";

const USER = { username: "ci", password: "Regi5try-pa55word" };
const SECRET = "npm_Tok3n-never-in-an-image";

let open: TestRegistry;
let locked: TestRegistry;
let readOnly: TestRegistry;
let root: string;

beforeAll(async () => {
  await requireCommand("buildah");
  await requireCommand("skopeo");
  root = tempDir("greenlight-registry-");
  [open, locked, readOnly] = await Promise.all([
    startRegistry(join(root, "open")),
    startRegistry(join(root, "locked"), { user: USER }),
    startRegistry(join(root, "read-only"), { readOnly: true }),
  ]);
});

afterAll(async () => {
  await Promise.all([open?.stop(), locked?.stop(), readOnly?.stop()]);
  if (root) removeDir(root);
});

/** The one line the CLI prints for a failure. */
function errorLine(stderr: string): string {
  const lines = stderr.split("\n").filter((line) => line.startsWith("error: "));
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await listenOnLoopback(server);
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("bad input exits 2 with one sentence, before anything is built", () => {
  it.each([
    [
      { engine: "podman" },
      'error: Input "engine" is "podman", which is not an engine; use auto, buildx or buildah.',
    ],
    [
      { services: "api=.:Dockerfile.missing#api" },
      'error: Service "api" has no Dockerfile at "Dockerfile.missing"; create it or set the service\'s dockerfile (relative to its context).',
    ],
    [
      { services: "api=.#web" },
      'error: Service "api" has the target "web", which Dockerfile does not define; its stages are api, worker.',
    ],
    [
      { services: "api=services/api#api" },
      'error: Service "api" has the context "services/api", which is not a directory in the workspace',
    ],
    [
      { tags: "v{{majr}}" },
      'error: Input "tags" has a malformed tag template: "v{{majr}}" uses the unknown placeholder {{majr}}',
    ],
    [
      { tags: "release/{{sha}}" },
      'error: Input "tags" has a malformed tag template: "release/{{sha}}" contains "/", which a tag cannot hold',
    ],
    [
      { platforms: "linux/amd64,linux/x86_64" },
      'error: Input "platforms" has the platform "linux/x86_64", whose architecture "x86_64" is unknown',
    ],
    [
      { "max-size": "big" },
      'error: Input "max-size" is "big", which is not a size; write it with a decimal unit (500MB, 1.5GB), a binary one (512KiB, 1MiB) or as a number of bytes.',
    ],
    [{ registry: "" }, 'error: Service "api" has no registry: set the "registry" input'],
    [
      { engine: "buildx" },
      'error: Input "engine" is buildx, but Docker with Buildx is not available here',
    ],
  ])("%j", async (inputs, message) => {
    const dir = scratchProject();
    const run = await runBuildPush(dir, { services: "api=.#api", registry: open.host, ...inputs });
    expect(run.code).toBe(2);
    expect(errorLine(run.stderr)).toContain(message);
    expect(run.stdout).toBe("");
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe("operation failures exit 1 with one sentence", () => {
  it("names a registry that cannot be reached, before building", async () => {
    const dir = scratchProject();
    const host = `127.0.0.1:${await closedPort()}`;
    const run = await runBuildPush(dir, { services: "api=.#api", registry: host });
    expect(run.code).toBe(1);
    expect(errorLine(run.stderr)).toBe(
      `error: Registry ${host} could not be reached (connection refused); check the registry name and the runner's network.`,
    );
    expect(run.stderr).not.toContain("buildah build");
  });

  it("says to log in when the registry refuses the push for missing credentials", async () => {
    const dir = scratchProject(["api"]);
    // An empty auth file: whatever this machine's own login files hold is not used.
    writeFileSync(join(dir, "no-auth.json"), "{}");
    const run = await runBuildPush(
      dir,
      { services: "api=.#api", registry: locked.host, cache: "false" },
      { REGISTRY_AUTH_FILE: join(dir, "no-auth.json") },
    );
    expect(run.code).toBe(1);
    expect(errorLine(run.stderr)).toBe(
      `error: Pushing service "api" to ${locked.host}/api was refused for missing or invalid credentials; log in to ${locked.host} before this step (for example with aws-actions/amazon-ecr-login or docker/login-action).`,
    );
  });

  it("warns that the layer cache, which Buildah writes while building, was refused, then says to log in when the push is", async () => {
    const dir = scratchProject(["api"]);
    writeFileSync(join(dir, "no-auth.json"), "{}");
    const run = await runBuildPush(
      dir,
      { services: "api=.#api", registry: locked.host },
      { REGISTRY_AUTH_FILE: join(dir, "no-auth.json") },
    );
    expect(run.code).toBe(1);
    const warning = run.stderr.split("\n").find((line) => line.startsWith("warning: "));
    expect(warning).toMatch(
      /^warning: The layer cache of service "api" could not be pushed to \S+\/api-cache \(.*(unauthorized|authentication required).*\), so it was built again without writing the cache;/i,
    );
    expect(errorLine(run.stderr)).toBe(
      `error: Pushing service "api" to ${locked.host}/api was refused for missing or invalid credentials; log in to ${locked.host} before this step (for example with aws-actions/amazon-ecr-login or docker/login-action).`,
    );
  });

  it("gives the registry's reason for a refused push (Buildah's --digestfile would drop it)", async () => {
    const dir = scratchProject(["api"]);
    const run = await runBuildPush(dir, {
      services: "api=.#api",
      registry: readOnly.host,
      cache: "false",
    });
    expect(run.code).toBe(1);
    expect(errorLine(run.stderr)).toBe(
      `error: Pushing service "api" failed (buildah manifest push exited with 125): copying image 1/1 from manifest list: writing blob: initiating layer upload to /v2/api/blobs/uploads/ in ${readOnly.host}: StatusCode: 405, Method not allowed.`,
    );
  });

  it("pushes and reads back with the credentials a login step left, and never shows them", async () => {
    const dir = scratchProject(["api"]);
    const authFile = join(dir, "auth.json");
    writeAuthFile(authFile, locked.host, USER.username, USER.password);
    const run = await runBuildPush(
      dir,
      { services: "api=.#api", registry: locked.host, tags: "authed" },
      { REGISTRY_AUTH_FILE: authFile },
    );
    expect(run.stderr).not.toContain("error:");
    expect(run.code).toBe(0);
    const digest = parseJson<Record<string, string>>(run.outputs["digests"])["api"];
    expect(await skopeoDigest(`${locked.host}/api:authed`, authFile)).toBe(digest);
    const basic = Buffer.from(`${USER.username}:${USER.password}`).toString("base64");
    // The layer cache went to the same registry with the same credentials.
    const cacheTags = await fetch(`http://${locked.host}/v2/api-cache/tags/list`, {
      headers: { authorization: `Basic ${basic}` },
    });
    expect(((await cacheTags.json()) as { tags: string[] }).tags.length).toBeGreaterThan(0);
    for (const text of [run.stdout, run.stderr]) {
      expect(text).not.toContain(USER.password);
      expect(text).not.toContain(basic);
    }
  });
});

describe("build secrets", () => {
  it("are mounted, never logged, written out, or stored in the image", async () => {
    const dir = scratchProject(["api"]);
    // The build argument is used (a label), so the image config shows build arguments arrive.
    writeFileSync(
      join(dir, "Dockerfile"),
      "FROM scratch AS api\nARG NODE_ENV\nLABEL node-env=$NODE_ENV\nCOPY api.txt /api.txt\n",
    );
    const run = await runBuildPush(dir, {
      services: "api=.#api",
      registry: open.host,
      tags: "with-secret",
      secrets: `npm_token=${SECRET}`,
      "build-args": "NODE_ENV=production",
    });
    expect(run.stderr).not.toContain("error:");
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(SECRET);
    expect(run.stderr).not.toContain(SECRET);
    expect(run.stderr).not.toContain(Buffer.from(SECRET).toString("base64"));

    // Neither the image config (labels, history, build arguments) nor any manifest holds it.
    const reference = parseJson<Record<string, string>>(run.outputs["images"])["api"]!;
    const manifest = (await fetch(
      `http://${open.host}/v2/api/manifests/${reference.split("@")[1]}`,
      {
        headers: { accept: "application/vnd.oci.image.index.v1+json" },
      },
    ).then((r) => r.json())) as { manifests: { digest: string }[] };
    for (const entry of manifest.manifests) {
      const image = (await fetch(`http://${open.host}/v2/api/manifests/${entry.digest}`, {
        headers: { accept: "application/vnd.oci.image.manifest.v1+json" },
      }).then((r) => r.json())) as { config: { digest: string } };
      const config = await fetch(`http://${open.host}/v2/api/blobs/${image.config.digest}`).then(
        (r) => r.text(),
      );
      expect(config).toContain('"node-env":"production"');
      expect(config).not.toContain(SECRET);
    }
  });

  it("refuses a secret given as a build argument, without echoing it", async () => {
    const dir = scratchProject(["api"]);
    const run = await runBuildPush(dir, {
      services: "api=.#api",
      registry: open.host,
      secrets: `npm_token=${SECRET}`,
      "build-args": `NPM_TOKEN=${SECRET}`,
    });
    expect(run.code).toBe(2);
    expect(errorLine(run.stderr)).toBe(
      'error: Build argument NPM_TOKEN of service "api" holds a secret; pass it in "secrets" instead, because build arguments are stored in the image for anyone to read.',
    );
    expect(run.stderr).not.toContain(SECRET);
  });

  it("never echoes a malformed secrets line", async () => {
    const dir = scratchProject(["api"]);
    const run = await runBuildPush(dir, {
      services: "api=.#api",
      registry: open.host,
      secrets: SECRET.replace(/=/g, ""),
    });
    expect(run.code).toBe(2);
    expect(errorLine(run.stderr)).toBe(
      'error: Input "secrets" has a line (line 1) that is not ID=VALUE.',
    );
  });
});
