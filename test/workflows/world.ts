/**
 * The world a workflow scenario runs in: the GitHub sandbox holding the infra repository,
 * an application repository (a real git repository the checkout stand-in clones) and the
 * harness pointed at both.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { tempDir } from "../helpers/run-context.js";
import type { TestSandbox } from "../helpers/sandbox.js";
import { gitShow, startTestSandbox } from "../helpers/sandbox.js";
import type { RunOptions, RunResult } from "./harness/workflow.js";
import { runWorkflow } from "./harness/workflow.js";

/** The infra repository token the scenarios store as the INFRA_TOKEN secret. */
export const INFRA_TOKEN = "infra-token-0123456789abcdef";
/** github.token: the sandbox does not accept it, as GitHub's token for the app repository cannot write the infra repository. */
export const APP_TOKEN = "ghs_app-repository-token";
export const APP_REPOSITORY = "acme/shop";
export const INFRA_REPOSITORY = "acme/infra";

export interface WorkflowWorld {
  sandbox: TestSandbox;
  appRepo: string;
  infraRepo: string;
  /** Commits `files` to the application repository; returns the new commit. */
  commitApp(files: Record<string, string>, message?: string): string;
  sha(): string;
  /** A file of the infra repository at `ref` (default main). */
  infraFile(path: string, ref?: string): Promise<string>;
  run(
    workflow: string,
    options: Omit<
      RunOptions,
      "workflow" | "repository" | "appRepo" | "sha" | "apiUrl" | "githubToken"
    > & { sha?: string },
  ): Promise<RunResult>;
  close(): Promise<void>;
}

export async function startWorkflowWorld(options: {
  app: Record<string, string>;
  infra: Record<string, string>;
}): Promise<WorkflowWorld> {
  const sandbox = await startTestSandbox({
    repos: { [INFRA_REPOSITORY]: options.infra },
    tokens: [INFRA_TOKEN],
  });
  const appRepo = tempDir("greenlight-app-");
  const git = (...args: string[]) =>
    execFileSync("git", ["-C", appRepo, ...args], { encoding: "utf8" }).trim();
  git("init", "--quiet", "--initial-branch=main");
  git("config", "user.name", "Developer");
  git("config", "user.email", "developer@example.com");
  const commitApp = (files: Record<string, string>, message = "Change") => {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(appRepo, path)), { recursive: true });
      writeFileSync(join(appRepo, path), content);
    }
    git("add", "--all");
    git("commit", "--quiet", "--allow-empty", "-m", message);
    return git("rev-parse", "HEAD");
  };
  commitApp(options.app, "Initial commit");
  const infraRepo = sandbox.repoPaths[INFRA_REPOSITORY]!;
  return {
    sandbox,
    appRepo,
    infraRepo,
    commitApp,
    sha: () => git("rev-parse", "HEAD"),
    infraFile: (path, ref = "main") => gitShow(infraRepo, `${ref}:${path}`),
    run: (workflow, runOptions) =>
      runWorkflow({
        ...runOptions,
        workflow: join(appRepo, workflow),
        repository: APP_REPOSITORY,
        appRepo,
        sha: runOptions.sha ?? git("rev-parse", "HEAD"),
        apiUrl: sandbox.sandbox.url,
        githubToken: APP_TOKEN,
      }),
    close: () => sandbox.close(),
  };
}
