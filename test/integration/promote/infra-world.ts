/**
 * An infra repository in the local GitHub sandbox with a deployed candidate, a workspace
 * with a config file, and promote/rollback run the way the action runs them (the same
 * definition, raw inputs, a real clock).
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
import { promoteAction } from "../../../src/promote/definition.js";
import { rollbackAction } from "../../../src/rollback/definition.js";
import type { Sandbox, SandboxOptions } from "../../../src/sandbox/index.js";
import { startSandbox } from "../../../src/sandbox/index.js";
import { tempDir } from "../../helpers/run-context.js";
import { TestOctokit, createBareRepo } from "../../helpers/sandbox.js";

export const TFVARS = "envs/production/release.auto.tfvars.json";
export const STABLE = "registry.example.com/api:1.0.0";
export const CANDIDATE = "registry.example.com/api:1.1.0";
export const TOKEN = "sandbox-token";

export function releaseFile(values: Record<string, string | number> = {}): string {
  return (
    JSON.stringify(
      {
        api_blue_image: STABLE,
        api_green_image: CANDIDATE,
        api_blue_weight: 100,
        api_green_weight: 0,
        api_blue_desired_count: 3,
        api_green_desired_count: 3,
        ...values,
      },
      null,
      2,
    ) + "\n"
  );
}

export interface RunOutcome {
  result?: ActionResult;
  error?: unknown;
  logger: MemoryLogger;
}

export interface InfraWorld {
  sandbox: Sandbox;
  bare: string;
  workspace: string;
  /** The tfvars values on main. */
  values(ref?: string): Record<string, unknown>;
  git(...args: string[]): string;
  promote(inputs?: Record<string, string>, clock?: Clock): Promise<RunOutcome>;
  rollback(inputs: Record<string, string>): Promise<RunOutcome>;
  octokit: InstanceType<typeof TestOctokit>;
  close(): Promise<void>;
}

export async function startInfraWorld(options: {
  promotion?: Record<string, unknown>;
  merge?: "direct" | "auto-merge" | "pull-request";
  file?: string;
  /** More sandbox options (e.g. onExchange, to hold every answer to GitHub's contract). */
  sandbox?: Omit<SandboxOptions, "repos">;
}): Promise<InfraWorld> {
  const root = tempDir("greenlight-promote-");
  const bare = join(root, "infra.git");
  await createBareRepo(bare, { [TFVARS]: options.file ?? releaseFile() });
  const sandbox = await startSandbox({ ...options.sandbox, repos: { "acme/infra": bare } });
  const workspace = join(root, "workspace");
  mkdirSync(join(workspace, ".github"), { recursive: true });
  writeFileSync(
    join(workspace, ".github", "greenlight.yml"),
    YAML.stringify({
      environments: {
        production: {
          repository: "acme/infra",
          base: "main",
          tfvars: TFVARS,
          merge: options.merge ?? "direct",
          ...(options.promotion ? { promotion: options.promotion } : {}),
        },
      },
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
    bare,
    workspace,
    git,
    values: (ref = "main") =>
      JSON.parse(git("show", `${ref}:${TFVARS}`)) as Record<string, unknown>,
    promote: (inputs = {}, clock) => run(toRunnable(promoteAction), inputs, clock),
    rollback: (inputs) => run(toRunnable(rollbackAction), inputs),
    octokit: new TestOctokit({ baseUrl: sandbox.url, auth: TOKEN }),
    close: () => sandbox.close(),
  };
}
