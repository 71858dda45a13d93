/**
 * Runs open-pr against the local GitHub sandbox the way the action runs it (the same
 * definition, raw string inputs, a RunContext), and reads the outcome back from the
 * sandbox's real git repository.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { toRunnable } from "../../src/core/action.js";
import type { ActionResult } from "../../src/core/action.js";
import type { Clock } from "../../src/core/clock.js";
import { MemoryLogger } from "../../src/core/logger.js";
import { SecretRegistry } from "../../src/core/secrets.js";
import { openPrAction } from "../../src/open-pr/definition.js";
import type { Sandbox } from "../../src/sandbox/index.js";
import { startSandbox } from "../../src/sandbox/index.js";
import { createBareRepo } from "./sandbox.js";
import { tempDir } from "./run-context.js";

export const TFVARS = "envs/production/release.auto.tfvars.json";

/** A clock whose sleeps are a hundred times shorter: retries and rate-limit waits stay real but quick. */
export const fastClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.ceil(ms / 100))),
};

export function releaseFile(services: number): string {
  const data: Record<string, string | number> = {};
  for (let i = 0; i < services; i++) {
    data[`svc${i}_blue_image`] = `registry.example.com/svc${i}:1.0.0`;
    data[`svc${i}_green_image`] = `registry.example.com/svc${i}:1.0.0`;
    data[`svc${i}_blue_weight`] = 100;
    data[`svc${i}_green_weight`] = 0;
  }
  return JSON.stringify(data, null, 2) + "\n";
}

/**
 * A bare repository holding the release file (three services) and `files` small Terraform
 * files in directories of 500, written in one `git fast-import` so that 50,000 files take
 * seconds, not minutes.
 */
export function createLargeBareRepo(files: number): string {
  const bare = join(tempDir("greenlight-large-repo-"), "infra.git");
  const lines = [
    "commit refs/heads/main",
    "committer Seeder <seeder@example.com> 1700000000 +0000",
    "data 4",
    "init",
  ];
  const inline = (path: string, data: string) =>
    lines.push(`M 100644 inline ${path}`, `data ${Buffer.byteLength(data)}`, data);
  for (let i = 0; i < files; i++)
    inline(`modules/m${Math.floor(i / 500)}/r${i}.tf`, `resource "null_resource" "r${i}" {}\n`);
  inline(TFVARS, releaseFile(3));
  execFileSync("git", ["init", "-q", "--bare", "-b", "main", bare]);
  execFileSync("git", ["--git-dir", bare, "fast-import", "--quiet"], {
    input: lines.join("\n") + "\n",
    maxBuffer: 1 << 30,
  });
  execFileSync("git", ["--git-dir", bare, "gc", "-q"]);
  return bare;
}

export interface Harness {
  sandbox: Sandbox;
  bare: string;
  workspace: string;
  run(
    inputs: Record<string, string>,
    options?: { clock?: Clock; env?: Record<string, string>; skipPost?: boolean },
  ): Promise<RunOutcome>;
  git(...args: string[]): string;
  fileOn(ref: string, path?: string): string;
  close(): Promise<void>;
}

export interface RunOutcome {
  result?: ActionResult;
  error?: unknown;
  logger: MemoryLogger;
  state: Record<string, string>;
  secrets: SecretRegistry;
  /** The action's post step (already run unless the run was given `skipPost`). */
  post(): Promise<void>;
}

export async function startHarness(
  options: {
    services?: number;
    files?: Record<string, string>;
    sandbox?: Parameters<typeof startSandbox>[0];
  } = {},
): Promise<Harness> {
  const root = tempDir("greenlight-open-pr-");
  const bare = join(root, "infra.git");
  await createBareRepo(bare, {
    [TFVARS]: releaseFile(options.services ?? 3),
    "main.tf": 'variable "svc0_green_image" {}\n',
    ...options.files,
  });
  const sandbox = await startSandbox({
    ...options.sandbox,
    repos: { "acme/infra": bare, ...options.sandbox?.repos },
  });
  const workspace = tempDir("greenlight-workspace-");
  const action = toRunnable(openPrAction);
  const git = (...args: string[]) =>
    execFileSync("git", ["--git-dir", bare, ...args], { encoding: "utf8" }).trim();
  return {
    sandbox,
    bare,
    workspace,
    git,
    fileOn: (ref, path = TFVARS) => git("show", `${ref}:${path}`),
    async run(inputs, runOptions = {}) {
      const logger = new MemoryLogger();
      const secrets = new SecretRegistry();
      const state: Record<string, string> = {};
      const env = { GITHUB_API_URL: sandbox.url, ...runOptions.env };
      const context = {
        logger,
        clock: runOptions.clock ?? fastClock,
        secrets,
        env,
        cwd: workspace,
        saveState: (name: string, value: string) => void (state[name] = value),
      };
      const raw: Record<string, string | undefined> = {
        repository: "acme/infra",
        file: TFVARS,
        token: "sandbox-token",
        environment: "production",
        ...inputs,
      };
      // Like GitHub Actions, the post step runs whether the main step succeeded or not.
      const post = async () => {
        if (action.post) await action.post(context, state);
      };
      let outcome: RunOutcome;
      try {
        outcome = { result: await action.execute(raw, context), logger, state, secrets, post };
      } catch (error) {
        outcome = { error, logger, state, secrets, post };
      }
      if (!runOptions.skipPost) await post();
      return outcome;
    },
    close: () => sandbox.close(),
  };
}
