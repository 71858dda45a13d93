/**
 * open-pr's inputs: resolved against the config file's environment (inputs win), checked
 * in full before the first API call, then handed to openPr.
 */
import { z } from "zod";
import { loadConfig } from "../config/load.js";
import type { GreenlightConfig } from "../config/schema.js";
import { releaseFileOf } from "../config/schema.js";
import type { RunContext } from "../core/action.js";
import { defineAction } from "../core/action.js";
import { ConfigurationError } from "../core/errors.js";
import { checkBranchName } from "../core/git-ref-name.js";
import { repositoryPath } from "../core/repository-path.js";
import { readWorkspaceText } from "../core/workspace-files.js";
import { connectGitHub } from "../core/github/connect.js";
import {
  githubAuthFromInputs,
  githubAuthInputShape,
  githubAuthSecretInputs,
} from "../core/github/inputs.js";
import { parseRepositoryName } from "../core/github/repository.js";
import { revokeSavedToken, saveTokenForRevocation } from "../core/github/token-revocation.js";
import {
  booleanInput,
  countInput,
  timerDurationInput,
  linesInput,
  listInput,
} from "../core/inputs.js";
import type { EditInputs } from "../release-file/edit-inputs.js";
import { editInputShape, editRequestFrom, releaseEditFrom } from "../release-file/edit-inputs.js";
import { hasReleaseEdit } from "../release-file/plan-edit.js";
import { branchFor } from "../release/land-change.js";
import type { ChangeKind } from "./branch-name.js";
import { deriveBranchName } from "./branch-name.js";
import { checkAllowedPaths } from "./change-plan.js";
import type { FileAddition } from "../release/infra-repo.js";
import { InfraRepo } from "../release/infra-repo.js";
import type { LandingMode, OpenPrParams } from "./main.js";
import { openPr } from "./main.js";
import { sourceFromEnv } from "./pr-content.js";
import { openPrSummary } from "./summary.js";

const inputShape = {
  repository: z.string().optional(),
  base: z.string().optional(),
  environment: z.string().optional(),
  file: listInput.optional(),
  ...editInputShape,
  upload: linesInput.optional(),
  "allowed-paths": listInput.optional(),
  merge: z.enum(["pull-request", "auto-merge", "direct"]).optional(),
  "merge-method": z.enum(["merge", "squash", "rebase"]).optional(),
  branch: z.string().optional(),
  title: z.string().optional(),
  body: z.string().optional(),
  labels: listInput.optional(),
  assignees: listInput.optional(),
  reviewers: listInput.optional(),
  "team-reviewers": listInput.optional(),
  draft: booleanInput.default(false),
  "wait-for-merge": booleanInput.default(false),
  "wait-timeout": timerDurationInput.default(30 * 60_000),
  "max-attempts": countInput(100).default(25),
  ...githubAuthInputShape,
  "revoke-token": booleanInput.default(true),
  "config-file": z.string().optional(),
};

/**
 * The action's input names, so the deploy action's pass-through lists stop compiling when an
 * input is renamed here. action.yml and the schema are checked against each other by
 * test/unit/action-manifests.test.ts.
 */
export type OpenPrRawInputs = Record<keyof typeof inputShape, string | undefined>;
const inputs = z.object(inputShape);
type Inputs = z.output<typeof inputs>;

/** The kind of change and the services it concerns: the change's identity. */
export function changeIdentity(params: EditInputs & { upload?: string[] | undefined }): {
  kind: ChangeKind;
  services: string[];
  discriminator: string;
} {
  const keys = (value: Record<string, unknown> | number | undefined) =>
    value === undefined ? [] : typeof value === "number" ? ["all"] : Object.keys(value);
  const discriminator = JSON.stringify([params.set ?? [], params.upload ?? []]);
  if (params.rollback?.length)
    return { kind: "rollback", services: params.rollback, discriminator };
  if (params.finalize?.length)
    return { kind: "finalize", services: params.finalize, discriminator };
  if (params.images || params["desired-counts"]) {
    return {
      kind: "deploy",
      services: [...keys(params.images), ...keys(params["desired-counts"])],
      discriminator,
    };
  }
  if (params.weights !== undefined)
    return { kind: "traffic", services: keys(params.weights), discriminator };
  return { kind: "edit", services: [], discriminator };
}

function environmentOf(config: GreenlightConfig | undefined, name: string | undefined) {
  if (!name) return undefined;
  const env = config?.environments[name];
  if (env) return env;
  if (config) {
    throw new ConfigurationError(
      `Input "environment" is "${name}", which the config file does not define; known environments: ${Object.keys(config.environments).join(", ") || "none"}.`,
    );
  }
  return undefined;
}

function required<T>(value: T | undefined, input: string, hint: string): T {
  if (value === undefined || (Array.isArray(value) && value.length === 0) || value === "") {
    throw new ConfigurationError(`Input "${input}" is required: ${hint}.`);
  }
  return value;
}

/** GitHub refuses blobs over 100 MB; a release change is far smaller. */
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

async function readUploads(lines: string[], cwd: string): Promise<FileAddition[]> {
  const uploads: FileAddition[] = [];
  for (const line of lines) {
    const eq = line.indexOf("=");
    const local = line.slice(0, eq).trim();
    const remote = line.slice(eq + 1).trim();
    if (eq <= 0 || !remote) {
      throw new ConfigurationError(
        `Input "upload" has the line "${line}", which is not LOCAL=REMOTE (a workspace file = a path in the infra repository).`,
      );
    }
    const path = repositoryPath(remote, "upload");
    const content = await readWorkspaceText(cwd, local, "upload", MAX_UPLOAD_BYTES);
    uploads.push({ path, content });
  }
  return uploads;
}

async function resolveParams(params: Inputs, context: RunContext) {
  const config = await loadConfig({
    cwd: context.cwd,
    ...(params["config-file"] ? { path: params["config-file"], required: true } : {}),
  });
  const env = environmentOf(config, params.environment);
  const release = releaseEditFrom(params);
  const uploads = await readUploads(params.upload ?? [], context.cwd);
  if (!params.set?.length && !hasReleaseEdit(release) && uploads.length === 0) {
    throw new ConfigurationError(
      `Nothing to change: give at least one of the inputs set, images, desired-counts, weights, finalize, rollback or upload.`,
    );
  }
  const repository = required(
    params.repository ?? env?.repository,
    "repository",
    "name the infra repository as owner/name, or an environment whose config gives one",
  );
  const configured = releaseFileOf(env);
  const files = params.file ?? (configured ? [configured.path] : []);
  if ((params.set?.length || hasReleaseEdit(release)) && files.length === 0) {
    throw new ConfigurationError(
      `Input "file" is required for release-file edits: name the release file in the infra repository, or an environment whose config gives one (release-file).`,
    );
  }
  const allowed = params["allowed-paths"] ??
    env?.["allowed-paths"] ?? [...files, ...uploads.map((u) => u.path)];
  checkAllowedPaths([...files, ...uploads.map((u) => u.path)], allowed);
  const identity = changeIdentity(params);
  const environment = params.environment ?? "default";
  const mode: LandingMode = params.merge ?? env?.merge ?? "pull-request";
  const draft = params.draft || (env?.draft ?? false);
  if (draft && mode === "auto-merge") {
    throw new ConfigurationError(
      `Input "draft" is true with "merge" auto-merge, but GitHub does not auto-merge a draft pull request; set "draft" to false, or "merge" to pull-request.`,
    );
  }
  const base = checkBranchName(params.base ?? env?.base ?? "main", "base");
  const branch = checkBranchName(
    params.branch ?? deriveBranchName({ environment, ...identity }),
    "branch",
  );
  if (branch === base && mode !== "direct") {
    throw new ConfigurationError(
      `Input "branch" is "${branch}", the base branch itself; a change merged by pull request needs its own branch, so give another name or leave "branch" unset.`,
    );
  }
  const openPrParams: OpenPrParams = {
    change: {
      files,
      uploads,
      edit: editRequestFrom(params, config, env, params.environment),
    },
    base,
    branch,
    environment,
    kind: identity.kind,
    services: identity.services,
    mode,
    mergeMethod: params["merge-method"] ?? env?.["merge-method"] ?? "squash",
    ...(params.title ? { titleTemplate: params.title } : {}),
    ...(params.body ? { bodyTemplate: params.body } : {}),
    labels: params.labels ?? env?.labels ?? [],
    assignees: params.assignees ?? [],
    reviewers: params.reviewers ?? env?.reviewers ?? [],
    teamReviewers: params["team-reviewers"] ?? env?.["team-reviewers"] ?? [],
    draft,
    waitForMerge: params["wait-for-merge"],
    waitTimeoutMs: params["wait-timeout"],
    pollIntervalMs: 10_000,
    maxAttempts: Math.max(1, params["max-attempts"]),
    source: sourceFromEnv(context.env),
    promotionBranch: branchFor(environment, "promote"),
  };
  return { repository, openPrParams };
}

export const openPrAction = defineAction({
  name: "open-pr",
  inputs,
  secretInputs: githubAuthSecretInputs,
  async run(params: Inputs, context) {
    const connection = githubAuthFromInputs(params);
    const { repository, openPrParams } = await resolveParams(params, context);
    const client = await connectGitHub({
      ...connection,
      repository,
      // Requesting team reviewers needs the organisation's teams, which only "members" reads.
      permissions: {
        contents: "write",
        pull_requests: "write",
        ...(openPrParams.teamReviewers.length > 0 ? { members: "read" as const } : {}),
      },
      logger: context.logger,
      clock: context.clock,
      secrets: context.secrets,
      env: context.env,
      ...(context.signal ? { signal: context.signal } : {}),
    });
    if (client.installationToken && params["revoke-token"]) {
      saveTokenForRevocation(context, client.installationToken, connection.baseUrl);
    }
    const result = await openPr(openPrParams, {
      repo: new InfraRepo(client.octokit, parseRepositoryName(repository)),
      clock: context.clock,
      logger: context.logger,
    });
    return {
      outputs: {
        operation: result.operation,
        "pull-request-number": result.pullRequest ? String(result.pullRequest.number) : "",
        "pull-request-url": result.pullRequest?.url ?? "",
        "head-sha": result.headSha ?? "",
        "merge-sha": result.mergeSha ?? "",
        branch: result.branch,
        changes: JSON.stringify(result.changes),
        superseded: JSON.stringify(result.superseded ?? []),
      },
      summary: openPrSummary(result, repository),
    };
  },
  /** Revokes the App installation token the main step created, so it dies with the job. */
  post: revokeSavedToken,
});
