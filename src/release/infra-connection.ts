/**
 * What promote and rollback share before their first decision: the environment from the
 * config file (inputs win), the infra repository's coordinates, and the GitHub client with
 * the release source, the lander and the deployment recorder built on it.
 */
import { z } from "zod";
import { loadConfig } from "../config/load.js";
import type { EnvironmentConfig, GreenlightConfig } from "../config/schema.js";
import type { ReleaseFileFormat } from "../config/schema.js";
import {
  mergeMethodSchema,
  mergeModeSchema,
  releaseFileOf,
  releaseFormatFor,
} from "../config/schema.js";
import type { RunContext } from "../core/action.js";
import { ConfigurationError } from "../core/errors.js";
import type { GitHubClient } from "../core/github/client.js";
import { connectGitHub } from "../core/github/connect.js";
import type { GitHubAuthInputs } from "../core/github/inputs.js";
import { githubAuthFromInputs, githubAuthInputShape } from "../core/github/inputs.js";
import { parseRepositoryName } from "../core/github/repository.js";
import { booleanInput } from "../core/inputs.js";
import { InfraRepo } from "./infra-repo.js";
import { sourceFromEnv } from "../open-pr/pr-content.js";
import type { ServiceLayout } from "../release-file/service-layout.js";
import { layoutsFromConfig } from "../release-file/service-layout.js";
import { GitHubDeploymentRecorder, GitHubVerificationLog } from "./deployment-status.js";
import { GitHubReleaseSource } from "./github-release-source.js";
import { GitHubLander } from "./land-change.js";
import type { MergeMode } from "../config/schema.js";

/** Inputs that locate the environment and its infra repository, shared by promote and rollback. */
export const infraInputShape = {
  environment: z.string().min(1),
  repository: z.string().optional(),
  base: z.string().optional(),
  file: z.string().optional(),
  merge: mergeModeSchema.optional(),
  "merge-method": mergeMethodSchema.optional(),
  "config-file": z.string().optional(),
  ...githubAuthInputShape,
  "revoke-token": booleanInput.default(true),
};

export type InfraInputs = z.output<z.ZodObject<typeof infraInputShape>> & GitHubAuthInputs;

export interface InfraTarget {
  config: GreenlightConfig | undefined;
  env: EnvironmentConfig | undefined;
  environment: string;
  repository: string;
  base: string;
  file: string;
  /** Given in the config file when the file's extension does not say. */
  format?: ReleaseFileFormat;
  layouts?: ServiceLayout[];
}

export async function resolveInfraTarget(
  params: InfraInputs,
  context: RunContext,
): Promise<InfraTarget> {
  const config = await loadConfig({
    cwd: context.cwd,
    ...(params["config-file"] ? { path: params["config-file"], required: true } : {}),
  });
  const env = config?.environments[params.environment];
  if (config && !env && (!params.repository || !params.file)) {
    throw new ConfigurationError(
      `Input "environment" is "${params.environment}", which the config file does not define; known environments: ${Object.keys(config.environments).join(", ") || "none"}.`,
    );
  }
  const repository = params.repository ?? env?.repository;
  if (!repository) {
    throw new ConfigurationError(
      `Input "repository" is required: name the infra repository as owner/name, or an environment whose config gives one.`,
    );
  }
  const file = params.file ?? releaseFileOf(env)?.path;
  if (!file) {
    throw new ConfigurationError(
      `Input "file" is required: name the release file in the infra repository, or an environment whose config gives one (release-file).`,
    );
  }
  const format = releaseFormatFor(env, file);
  parseRepositoryName(repository);
  const layouts =
    config && Object.keys(config.services).length > 0
      ? layoutsFromConfig(config, params.environment)
      : undefined;
  return {
    config,
    env,
    environment: params.environment,
    repository,
    base: params.base ?? env?.base ?? "main",
    file,
    ...(format ? { format } : {}),
    ...(layouts ? { layouts } : {}),
  };
}

export interface InfraConnection {
  client: GitHubClient;
  repo: InfraRepo;
  source: GitHubReleaseSource;
  lander: GitHubLander;
  deployments: GitHubDeploymentRecorder;
  verifications: GitHubVerificationLog;
  logUrl?: string;
}

export async function connectInfra(
  params: InfraInputs,
  target: InfraTarget,
  mode: MergeMode,
  context: RunContext,
): Promise<InfraConnection> {
  const client = await connectGitHub({
    ...githubAuthFromInputs(params),
    repository: target.repository,
    permissions: { contents: "write", pull_requests: "write", deployments: "write" },
    logger: context.logger,
    clock: context.clock,
    secrets: context.secrets,
    env: context.env,
    ...(context.signal ? { signal: context.signal } : {}),
  });
  const repo = new InfraRepo(client.octokit, parseRepositoryName(target.repository));
  const source = sourceFromEnv(context.env);
  const lander = new GitHubLander({
    repo,
    base: target.base,
    file: target.file,
    ...(target.format ? { format: target.format } : {}),
    environment: target.environment,
    mode,
    mergeMethod: params["merge-method"] ?? target.env?.["merge-method"] ?? "squash",
    layouts: target.layouts,
    labels: target.env?.labels ?? [],
    reviewers: target.env?.reviewers ?? [],
    source,
    clock: context.clock,
    logger: context.logger,
  });
  return {
    client,
    repo,
    source: new GitHubReleaseSource(client.graphql, repo),
    lander,
    deployments: new GitHubDeploymentRecorder(client.octokit, repo.ref),
    verifications: new GitHubVerificationLog(client.octokit, repo.ref),
    ...(source.runUrl ? { logUrl: source.runUrl } : {}),
  };
}

/** Revokes an App installation token at the end of the run, unless told not to. */
export async function disconnect(connection: InfraConnection, revoke: boolean): Promise<void> {
  if (revoke) await connection.client.revoke();
}
