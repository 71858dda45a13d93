/**
 * The demo's infra repository and application workspace: a bare git repository holding a
 * release file, and an application directory whose `.github/greenlight.yml` points at it.
 * Two layouts: Terraform (a tfvars file with the conventional keys) and Argo CD (Helm
 * values in a folder per environment, mapped field by field in the config, as in
 * examples/argocd).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig } from "../config/load.js";
import { parseTfvars } from "../release-file/document.js";
import { layoutsFromConfig } from "../release-file/service-layout.js";
import { servicesOf } from "../release/release-state.js";

export const DEMO_REPOSITORY = "acme/infra";
export const DEMO_TFVARS = "envs/production/release.auto.tfvars.json";
export const DEMO_VALUES = "apps/api/envs/production/values.yaml";
export const DEMO_REGISTRY = "registry.demo.internal/acme";

/** Where the release lives: a Terraform variables file, or Helm values synced by Argo CD. */
export type DemoLayout = "terraform" | "argocd";

/** The release as the demo's fleet reads it, whichever layout holds it. */
export interface DemoRelease {
  api_blue_image?: string;
  api_green_image?: string;
  api_blue_weight?: number;
  api_green_weight?: number;
  api_blue_desired_count?: number;
  api_green_desired_count?: number;
}

function helmValues(stableImage: string): string {
  const [repository, digest = ""] = stableImage.split("@");
  const tagAt = repository!.lastIndexOf(":");
  const name = tagAt > repository!.lastIndexOf("/") ? repository!.slice(0, tagAt) : repository!;
  const tag = tagAt > repository!.lastIndexOf("/") ? repository!.slice(tagAt + 1) : "";
  const side = (count: number) =>
    `    image:\n      repository: ${name}\n      tag: "${tag}"\n      digest: "${digest}"\n    replicaCount: ${count}\n`;
  return [
    "# Production values for the api chart; Argo CD syncs what merges to main.",
    "api:",
    "  blue:",
    side(3) + "  green:",
    side(0) + "  route:",
    "    blueWeight: 100",
    "    greenWeight: 0",
    "",
  ].join("\n");
}

const ARGOCD_SERVICE = [
  "    fields:",
  "      green-image: {repository: $.api.green.image.repository, tag: $.api.green.image.tag, digest: $.api.green.image.digest}",
  "      blue-image: {repository: $.api.blue.image.repository, tag: $.api.blue.image.tag, digest: $.api.blue.image.digest}",
  "      green-desired-count: $.api.green.replicaCount",
  "      blue-desired-count: $.api.blue.replicaCount",
  "      green-weight: $.api.route.greenWeight",
  "      blue-weight: $.api.route.blueWeight",
];

export interface DemoWorkspace {
  root: string;
  bare: string;
  app: string;
  /** The release file as it is on the base branch now. */
  releaseOnMain(): DemoRelease;
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
  settings: { fleetUrl: string; bakeTime: string; layout?: DemoLayout },
): DemoWorkspace {
  const argocd = settings.layout === "argocd";
  const releaseFile = argocd ? DEMO_VALUES : DEMO_TFVARS;
  const root = mkdtempSync(join(tmpdir(), "greenlight-demo-"));
  const seed = join(root, "seed");
  mkdirSync(join(seed, "envs/production"), { recursive: true });
  mkdirSync(join(seed, "apps/api/envs/production"), { recursive: true });
  const release = {
    api_blue_image: stableImage,
    api_green_image: stableImage,
    api_blue_desired_count: 3,
    api_green_desired_count: 0,
    api_blue_weight: 100,
    api_green_weight: 0,
  };
  if (argocd) writeFileSync(join(seed, DEMO_VALUES), helmValues(stableImage));
  else {
    writeFileSync(join(seed, DEMO_TFVARS), JSON.stringify(release, null, 2) + "\n");
    writeFileSync(
      join(seed, "main.tf"),
      `# The ECS services read their images and weights from envs/*/release.auto.tfvars.json.\n`,
    );
  }
  git(root, "init", "-q", "-b", "main", seed);
  git(seed, "add", "-A");
  git(seed, "commit", "-q", "-m", "Initial infrastructure");
  const bare = join(root, "infra.git");
  git(root, "clone", "-q", "--bare", seed, bare);

  const app = join(root, "app");
  mkdirSync(join(app, ".github"), { recursive: true });
  const configText = [
    "environments:",
    "  production:",
    `    repository: ${DEMO_REPOSITORY}`,
    "    base: main",
    `    release-file: ${releaseFile}`,
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
    ...(argocd ? ARGOCD_SERVICE : []),
    "",
  ].join("\n");
  writeFileSync(join(app, ".github/greenlight.yml"), configText);
  const layouts = layoutsFromConfig(parseConfig(configText, "greenlight.yml"));
  return {
    root,
    bare,
    app,
    releaseOnMain: () => {
      const text = git(bare, "show", `main:${releaseFile}`);
      if (!argocd) return JSON.parse(text) as DemoRelease;
      const [api] = servicesOf(parseTfvars(text, releaseFile).data, layouts);
      return {
        api_blue_image: api?.blueImage,
        api_green_image: api?.greenImage,
        api_green_weight: api?.greenWeight,
        api_blue_weight: api?.greenWeight === undefined ? undefined : 100 - api.greenWeight,
        api_blue_desired_count: api?.blueCount,
        api_green_desired_count: api?.greenCount,
      };
    },
  };
}
