/**
 * The demo's infra repository and application workspace: a bare git repository holding a
 * release file, and an application directory whose `.github/greenlight.yml` points at it.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const DEMO_REPOSITORY = "acme/infra";
export const DEMO_TFVARS = "envs/production/release.auto.tfvars.json";
export const DEMO_REGISTRY = "registry.demo.internal/acme";

export interface DemoWorkspace {
  root: string;
  bare: string;
  app: string;
  /** The release file as it is on the base branch now. */
  releaseOnMain(): Record<string, unknown>;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "Platform Team",
      GIT_AUTHOR_EMAIL: "platform@acme.example",
      GIT_COMMITTER_NAME: "Platform Team",
      GIT_COMMITTER_EMAIL: "platform@acme.example",
    },
  });
}

export function createDemoWorkspace(
  stableImage: string,
  settings: { fleetUrl: string; bakeTime: string },
): DemoWorkspace {
  const root = mkdtempSync(join(tmpdir(), "greenlight-demo-"));
  const seed = join(root, "seed");
  mkdirSync(join(seed, "envs/production"), { recursive: true });
  const release = {
    api_blue_image: stableImage,
    api_green_image: stableImage,
    api_blue_desired_count: 3,
    api_green_desired_count: 0,
    api_blue_weight: 100,
    api_green_weight: 0,
  };
  writeFileSync(join(seed, DEMO_TFVARS), JSON.stringify(release, null, 2) + "\n");
  writeFileSync(
    join(seed, "main.tf"),
    `# The ECS services read their images and weights from envs/*/release.auto.tfvars.json.\n`,
  );
  git(root, "init", "-q", "-b", "main", seed);
  git(seed, "add", "-A");
  git(seed, "commit", "-q", "-m", "Initial infrastructure");
  const bare = join(root, "infra.git");
  git(root, "clone", "-q", "--bare", seed, bare);

  const app = join(root, "app");
  mkdirSync(join(app, ".github"), { recursive: true });
  writeFileSync(
    join(app, ".github/greenlight.yml"),
    [
      "environments:",
      "  production:",
      `    repository: ${DEMO_REPOSITORY}`,
      "    base: main",
      `    tfvars: ${DEMO_TFVARS}`,
      "    merge: pull-request",
      "    promotion:",
      "      steps: [10, 50, 100]",
      `      bake-time: ${settings.bakeTime}`,
      "      on-failure: rollback",
      "      merge: direct",
      "      analyses:",
      "        - name: green-error-rate",
      "          http-json:",
      `            url: ${settings.fleetUrl}/stats`,
      '            path: $.green["error-rate"]',
      "          success-condition: result < 0.05",
      "          failure-condition: result >= 0.05",
      "          failure-limit: 0",
      "          on-missing-data: hold",
      "services:",
      "  api:",
      `    image: ${DEMO_REGISTRY}/api`,
      "",
    ].join("\n"),
  );
  return {
    root,
    bare,
    app,
    releaseOnMain: () =>
      JSON.parse(git(bare, "show", `main:${DEMO_TFVARS}`)) as Record<string, unknown>,
  };
}
