/**
 * The deploy action end to end: a real Buildah build pushed to a real registry on loopback,
 * then the pushed digests written into the green side of the environment's tfvars as a pull
 * request in the local GitHub sandbox — all from the config file. A build that fails never
 * reaches the infra repository.
 */
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toRunnable } from "../../../src/core/action.js";
import { deployAction } from "../../../src/deploy/definition.js";
import { DEFAULT_TOKEN } from "../../../src/sandbox/index.js";
import type { TestRegistry } from "../../helpers/registry.js";
import {
  buildahInputs,
  removeDir,
  requireCommand,
  startRegistry,
  writeScratchProject,
} from "../../helpers/registry.js";
import { tempDir, testContext } from "../../helpers/run-context.js";
import type { TestSandbox } from "../../helpers/sandbox.js";
import { startTestSandbox } from "../../helpers/sandbox.js";

const run = promisify(execFile);
const TFVARS = "envs/production/release.auto.tfvars.json";
const BEFORE = {
  api_blue_image: "old/api:1",
  api_green_image: "old/api:1",
  api_blue_weight: 100,
  api_green_weight: 0,
  worker_blue_image: "old/worker:1",
  worker_green_image: "old/worker:1",
};

let registry: TestRegistry;
let infra: TestSandbox;
let root: string;

beforeAll(async () => {
  await requireCommand("buildah");
  root = tempDir("greenlight-deploy-");
  registry = await startRegistry(join(root, "registry"));
  infra = await startTestSandbox({
    repos: { "acme/infra": { [TFVARS]: JSON.stringify(BEFORE, null, 2) + "\n" } },
  });
});

afterAll(async () => {
  await infra?.close();
  await registry?.stop();
  if (root) removeDir(root);
});

/** An application repository: two services in one Dockerfile, and its config file. */
function appRepository(): string {
  const dir = tempDir("greenlight-app-");
  writeScratchProject(dir, ["api", "worker"]);
  mkdirSync(join(dir, ".github"));
  writeFileSync(
    join(dir, ".github/greenlight.yml"),
    [
      "environments:",
      "  production:",
      "    repository: acme/infra",
      `    tfvars: ${TFVARS}`,
      "    merge: pull-request",
      "    require-digest: true",
      `    allowed-registries: [${registry.host}]`,
      "services:",
      `  api: { image: ${registry.host}/api, target: api }`,
      `  worker: { image: ${registry.host}/worker, target: worker, weighted: false }`,
      "",
    ].join("\n"),
  );
  return dir;
}

async function fileOnBranch(branch: string): Promise<Record<string, unknown>> {
  const { stdout } = await run("git", [
    "--git-dir",
    infra.repoPaths["acme/infra"]!,
    "show",
    `${branch}:${TFVARS}`,
  ]);
  return JSON.parse(stdout) as Record<string, unknown>;
}

async function branches(): Promise<string[]> {
  const { stdout } = await run("git", [
    "--git-dir",
    infra.repoPaths["acme/infra"]!,
    "for-each-ref",
    "--format=%(refname)",
    "refs/heads",
  ]);
  return stdout.split("\n").filter(Boolean);
}

const inputs = (storage: string, extra: Record<string, string> = {}) => ({
  environment: "production",
  tags: "{{sha}}",
  ...buildahInputs(storage),
  token: DEFAULT_TOKEN,
  "github-api-url": infra.sandbox.url,
  ...extra,
});

describe("deploy", () => {
  it("builds, pushes and opens the pull request that puts exactly the pushed digests on green", async () => {
    const dir = appRepository();
    const { context } = testContext(dir, {
      GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
    });
    const result = await toRunnable(deployAction).execute(inputs(join(dir, ".storage")), context);
    expect(result.failure).toBeUndefined();

    const images = JSON.parse(result.outputs["images"]!) as Record<string, string>;
    expect(Object.keys(images).sort()).toEqual(["api", "worker"]);
    for (const [service, image] of Object.entries(images)) {
      expect(image).toMatch(
        new RegExp(`^${registry.host.replace(/\./g, "\\.")}/${service}@sha256:[0-9a-f]{64}$`),
      );
    }
    expect(result.outputs["operation"]).toBe("created");
    expect(result.outputs["pull-request-url"]).toMatch(/\/pull\/\d+$/);

    const after = await fileOnBranch(result.outputs["branch"]!);
    expect(after).toEqual({
      ...BEFORE,
      api_green_image: images["api"],
      worker_green_image: images["worker"],
    });
    // The base is untouched until the pull request is merged.
    expect(await fileOnBranch("main")).toEqual(BEFORE);
  });

  it("never touches the infra repository when the build fails", async () => {
    const dir = appRepository();
    const before = await branches();
    const { context } = testContext(dir);
    const result = await toRunnable(deployAction).execute(
      inputs(join(dir, ".storage"), { "max-size": "10B", tags: "too-big" }),
      context,
    );
    expect(result.failure).toMatch(/over the max-size budget/);
    expect(result.outputs["pull-request-url"]).toBeUndefined();
    expect(await branches()).toEqual(before);
  });
});
