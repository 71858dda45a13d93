/**
 * An infra repository in the local GitHub sandbox with a deployed candidate, a workspace
 * with a config file, and promote/rollback run the way the action runs them (the same
 * definition, raw inputs, a real clock).
 *
 * The release file comes in two flavours that tests run alike: a Terraform tfvars file
 * with the conventional keys, and a Kubernetes manifests file (a blue and a green
 * Deployment per service, an HTTPRoute with relative backend weights) mapped in the config.
 * Either way `values()` reads it back as the conventional keys, so one expectation serves
 * both.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import YAML from "yaml";
import type { ActionResult, RunnableAction } from "../../../src/core/action.js";
import { toRunnable } from "../../../src/core/action.js";
import { systemClock } from "../../../src/core/clock.js";
import type { Clock } from "../../../src/core/clock.js";
import { MemoryLogger } from "../../../src/core/logger.js";
import { SecretRegistry } from "../../../src/core/secrets.js";
import { openPrAction } from "../../../src/open-pr/definition.js";
import { promoteAction } from "../../../src/promote/definition.js";
import { rollbackAction } from "../../../src/rollback/definition.js";
import type { Sandbox } from "../../../src/sandbox/index.js";
import { startSandbox } from "../../../src/sandbox/index.js";
import { parseTfvars } from "../../../src/release-file/document.js";
import { layoutsFromConfig } from "../../../src/release-file/service-layout.js";
import { servicesOf } from "../../../src/release/release-state.js";
import { parseConfig } from "../../../src/config/load.js";
import { tempDir } from "../../helpers/run-context.js";
import { TestOctokit, createBareRepo } from "../../helpers/sandbox.js";

export const TFVARS = "envs/production/release.auto.tfvars.json";
export const MANIFESTS = "envs/production/api/manifests.yaml";

export type Flavour = "tfvars" | "yaml";
export const FLAVOURS: Flavour[] = ["tfvars", "yaml"];

export function releasePath(flavour: Flavour): string {
  return flavour === "yaml" ? MANIFESTS : TFVARS;
}

type Values = Record<string, string | number>;

/** The services named by conventional keys (`api_green_image`, …), with the fields they have. */
function servicesIn(values: Values): Map<string, Set<string>> {
  const services = new Map<string, Set<string>>();
  for (const key of Object.keys(values)) {
    const match = /^(.+)_(blue|green)_(image|weight|desired_count)$/.exec(key);
    if (!match) continue;
    const fields = services.get(match[1]!) ?? new Set<string>();
    fields.add(match[3]!);
    services.set(match[1]!, fields);
  }
  return services;
}

function deployment(service: string, side: string, values: Values, fields: Set<string>): string {
  const name = `${service.replace(/_/g, "-")}-${side}`;
  const replicas = fields.has("desired_count")
    ? `  replicas: ${values[`${service}_${side}_desired_count`]}\n`
    : "";
  return `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n${replicas}  template:\n    spec:\n      containers:\n        - name: ${service}\n          image: ${values[`${service}_${side}_image`]}\n`;
}

function route(service: string, values: Values): string {
  const name = service.replace(/_/g, "-");
  const backend = (side: string) =>
    `        - name: ${name}-${side}\n          port: 8080\n          weight: ${values[`${service}_${side}_weight`]}\n`;
  return `---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: ${name}\nspec:\n  rules:\n    - backendRefs:\n${backend("blue")}${backend("green")}`;
}

/** The release as the flavour writes it: tfvars JSON, or manifests with comments. */
export function releaseText(values: Values, flavour: Flavour = "tfvars"): string {
  if (flavour === "tfvars") return JSON.stringify(values, null, 2) + "\n";
  let text = "# Argo CD syncs this file; Greenlight writes images, replicas and weights.\n";
  for (const [service, fields] of servicesIn(values)) {
    text +=
      deployment(service, "blue", values, fields) + deployment(service, "green", values, fields);
    if (fields.has("weight")) text += route(service, values);
  }
  return text;
}

/** The config's services for a manifests file holding these services. */
function manifestServices(values: Values): Record<string, unknown> {
  const services: Record<string, unknown> = {};
  for (const [service, fields] of servicesIn(values)) {
    const name = service.replace(/_/g, "-");
    const doc = (side: string) =>
      `$[?(@.kind=="Deployment" && @.metadata.name=="${name}-${side}")]`;
    const backend = (side: string) =>
      `$[?(@.kind=="HTTPRoute" && @.metadata.name=="${name}")].spec.rules[0].backendRefs[?(@.name=="${name}-${side}")].weight`;
    const mapped: Record<string, string> = {
      "green-image": `${doc("green")}.spec.template.spec.containers[0].image`,
      "blue-image": `${doc("blue")}.spec.template.spec.containers[0].image`,
    };
    if (fields.has("desired_count")) {
      mapped["green-desired-count"] = `${doc("green")}.spec.replicas`;
      mapped["blue-desired-count"] = `${doc("blue")}.spec.replicas`;
    }
    if (fields.has("weight")) {
      mapped["green-weight"] = backend("green");
      mapped["blue-weight"] = backend("blue");
    }
    services[service] = {
      weighted: fields.has("weight"),
      "weight-mode": "relative",
      fields: mapped,
    };
  }
  return services;
}

/** The values of a release file as conventional keys, whichever flavour wrote it. */
function conventionalValues(text: string, flavour: Flavour, services: Record<string, unknown>) {
  if (flavour === "tfvars") return JSON.parse(text) as Record<string, unknown>;
  const config = parseConfig(YAML.stringify({ services }), "greenlight.yml");
  const data = parseTfvars(text, MANIFESTS).data;
  const out: Record<string, unknown> = {};
  for (const service of servicesOf(data, layoutsFromConfig(config))) {
    const key = service.name.replace(/-/g, "_");
    const put = (field: string, value: unknown) => {
      if (value !== undefined) out[`${key}_${field}`] = value;
    };
    put("blue_image", service.blueImage);
    put("green_image", service.greenImage);
    put("green_weight", service.greenWeight);
    put("blue_weight", service.greenWeight === undefined ? undefined : 100 - service.greenWeight);
    put("green_desired_count", service.greenCount);
    put("blue_desired_count", service.blueCount);
  }
  return out;
}
export const STABLE = "registry.example.com/api:1.0.0";
export const CANDIDATE = "registry.example.com/api:1.1.0";
export const TOKEN = "sandbox-token";

export const DEFAULT_RELEASE: Values = {
  api_blue_image: STABLE,
  api_green_image: CANDIDATE,
  api_blue_weight: 100,
  api_green_weight: 0,
  api_blue_desired_count: 3,
  api_green_desired_count: 3,
};

export function releaseFile(values: Values = {}, flavour: Flavour = "tfvars"): string {
  return releaseText({ ...DEFAULT_RELEASE, ...values }, flavour);
}

export interface RunOutcome {
  result?: ActionResult;
  error?: unknown;
  logger: MemoryLogger;
}

export interface InfraWorld {
  sandbox: Sandbox;
  flavour: Flavour;
  /** The release file's path in the infra repository. */
  file: string;
  /** The release file's text for these values, in the world's flavour. */
  text(values: Values): string;
  bare: string;
  workspace: string;
  /** The tfvars values on main. */
  values(ref?: string): Record<string, unknown>;
  git(...args: string[]): string;
  promote(inputs?: Record<string, string>, clock?: Clock): Promise<RunOutcome>;
  rollback(inputs: Record<string, string>): Promise<RunOutcome>;
  /** open-pr with the inputs a deploy lands its images with. */
  deploy(inputs: Record<string, string>): Promise<RunOutcome>;
  octokit: InstanceType<typeof TestOctokit>;
  close(): Promise<void>;
}

export async function startInfraWorld(options: {
  promotion?: Record<string, unknown>;
  merge?: "direct" | "auto-merge" | "pull-request";
  /** The release's values as conventional keys; DEFAULT_RELEASE when absent. */
  release?: Values;
  /** The release file's exact text (tfvars flavour), instead of release. */
  file?: string;
  flavour?: Flavour;
  /** More of the environment's config (e.g. backup-before-rollback). */
  environment?: Record<string, unknown>;
}): Promise<InfraWorld> {
  const flavour = options.flavour ?? "tfvars";
  const file = releasePath(flavour);
  const release = options.release ?? DEFAULT_RELEASE;
  const services = flavour === "yaml" ? manifestServices(release) : {};
  const root = tempDir("greenlight-promote-");
  const bare = join(root, "infra.git");
  await createBareRepo(bare, { [file]: options.file ?? releaseText(release, flavour) });
  const sandbox = await startSandbox({ repos: { "acme/infra": bare } });
  const workspace = join(root, "workspace");
  mkdirSync(join(workspace, ".github"), { recursive: true });
  writeFileSync(
    join(workspace, ".github", "greenlight.yml"),
    YAML.stringify({
      environments: {
        production: {
          repository: "acme/infra",
          base: "main",
          "release-file": file,
          merge: options.merge ?? "direct",
          ...(options.promotion ? { promotion: options.promotion } : {}),
          ...options.environment,
        },
      },
      ...(Object.keys(services).length > 0 ? { services } : {}),
    }),
  );
  const git = (...args: string[]) =>
    execFileSync("git", ["--git-dir", bare, ...args], { encoding: "utf8" }).trim();
  const run = async (
    action: RunnableAction,
    inputs: Record<string, string>,
    clock: Clock = systemClock,
  ): Promise<RunOutcome> => {
    const logger = new MemoryLogger();
    const context = {
      logger,
      clock,
      secrets: new SecretRegistry(),
      env: {},
      cwd: workspace,
      saveState: () => undefined,
    };
    try {
      const result = await action.execute(
        { environment: "production", token: TOKEN, "github-api-url": sandbox.url, ...inputs },
        context,
      );
      return { result, logger };
    } catch (error) {
      return { error, logger };
    }
  };
  return {
    sandbox,
    flavour,
    file,
    text: (values) => releaseText(values, flavour),
    bare,
    workspace,
    git,
    values: (ref = "main") => conventionalValues(git("show", `${ref}:${file}`), flavour, services),
    promote: (inputs = {}, clock) => run(toRunnable(promoteAction), inputs, clock),
    rollback: (inputs) => run(toRunnable(rollbackAction), inputs),
    deploy: (inputs) => run(toRunnable(openPrAction), inputs),
    octokit: new TestOctokit({ baseUrl: sandbox.url, auth: TOKEN }),
    close: () => sandbox.close(),
  };
}
