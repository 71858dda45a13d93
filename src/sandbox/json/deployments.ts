/** Deployments and deployment statuses as GitHub renders them. */
import type { components } from "@octokit/openapi-types";
import type { SandboxContext } from "../context.js";
import type { DeploymentRecord, DeploymentStatusRecord, RepoState } from "../state.js";
import { apiBase } from "./git.js";
import { nodeId, simpleUser } from "./users.js";

export type DeploymentJson = components["schemas"]["deployment"];
export type DeploymentStatusJson = components["schemas"]["deployment-status"];

export function deploymentJson(
  ctx: SandboxContext,
  repo: RepoState,
  deployment: DeploymentRecord,
): DeploymentJson {
  const url = `${apiBase(ctx, repo)}/deployments/${deployment.id}`;
  return {
    url,
    id: deployment.id,
    node_id: nodeId("Deployment", deployment.id),
    sha: deployment.sha,
    ref: deployment.ref,
    task: deployment.task,
    payload: deployment.payload,
    original_environment: deployment.originalEnvironment,
    environment: deployment.environment,
    description: deployment.description,
    creator: simpleUser(ctx, deployment.creator),
    created_at: deployment.createdAt,
    updated_at: deployment.updatedAt,
    statuses_url: `${url}/statuses`,
    repository_url: apiBase(ctx, repo),
    transient_environment: deployment.transientEnvironment,
    production_environment: deployment.productionEnvironment,
    performed_via_github_app: null,
  };
}

export function deploymentStatusJson(
  ctx: SandboxContext,
  repo: RepoState,
  deployment: DeploymentRecord,
  status: DeploymentStatusRecord,
): DeploymentStatusJson {
  const deploymentUrl = `${apiBase(ctx, repo)}/deployments/${deployment.id}`;
  return {
    url: `${deploymentUrl}/statuses/${status.id}`,
    id: status.id,
    node_id: nodeId("DeploymentStatus", status.id),
    state: status.state,
    creator: simpleUser(ctx, status.creator),
    description: status.description,
    environment: status.environment,
    // GitHub keeps target_url as the older name of log_url and fills both.
    target_url: status.logUrl,
    log_url: status.logUrl,
    environment_url: status.environmentUrl,
    created_at: status.createdAt,
    updated_at: status.createdAt,
    deployment_url: deploymentUrl,
    repository_url: apiBase(ctx, repo),
    performed_via_github_app: null,
  };
}
