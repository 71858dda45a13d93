/**
 * Deployments and their statuses, with GitHub's rules: the ref is resolved to a commit when
 * the deployment is made, the default branch is merged into a branch that is behind it
 * (auto_merge, answering 202 without a deployment), required contexts must have passed, a
 * success status retires earlier non-production deployments of the environment
 * (auto_inactive), and only an inactive (or lone) deployment may be deleted.
 */
import { settleAutoMerges } from "../auto-merge.js";
import { actingUser, nowIso, type SandboxContext } from "../context.js";
import { GitHubError, notFound, unprocessable, validationFailed } from "../errors.js";
import { apiBase } from "../json/git.js";
import { deploymentJson, deploymentStatusJson } from "../json/deployments.js";
import { paginate } from "../pagination.js";
import { repoRoute, type RepoRouteRequest, type Route, type RouteResult } from "../router.js";
import type {
  DeploymentRecord,
  DeploymentState,
  DeploymentStatusRecord,
  RepoState,
  User,
} from "../state.js";
import {
  objectBody,
  optionalBoolean,
  optionalString,
  optionalStringArray,
  requiredString,
  type JsonObject,
} from "../validate.js";

const DEPLOYMENTS: ["deployments"] = ["deployments"];
const STATES: DeploymentState[] = [
  "error",
  "failure",
  "inactive",
  "pending",
  "success",
  "queued",
  "in_progress",
];
const MAX_DESCRIPTION = 140;

function findDeployment(repo: RepoState, id: string | undefined): DeploymentRecord {
  const deployment = repo.deployments.get(Number(id));
  if (!deployment) throw notFound();
  return deployment;
}

function payloadOf(input: JsonObject): DeploymentRecord["payload"] {
  const payload = input["payload"];
  if (payload === undefined || payload === null) return {};
  if (typeof payload === "string") return payload;
  if (typeof payload === "object" && !Array.isArray(payload))
    return payload as Record<string, unknown>;
  throw validationFailed({ resource: "Deployment", field: "payload", code: "invalid" });
}

/**
 * auto_merge: when `ref` is a branch behind the default branch, GitHub merges the default
 * branch into it and answers 202, leaving the deployment to a second request.
 */
async function mergeDefaultBranchInto(
  ctx: SandboxContext,
  repo: RepoState,
  ref: string,
  user: User,
): Promise<RouteResult | undefined> {
  const defaultBranch = await repo.git.defaultBranch();
  if (ref === defaultBranch) return undefined;
  const [branch, base] = await Promise.all([
    repo.git.readRef(`refs/heads/${ref}`),
    repo.git.readRef(`refs/heads/${defaultBranch}`),
  ]);
  if (!branch || !base || (await repo.git.isAncestor(base.sha, branch.sha))) return undefined;
  const tree = await repo.git.mergeTrees(branch.sha, base.sha);
  if (!tree) throw new GitHubError(409, `Conflict merging ${defaultBranch} into ${ref}.`);
  const now = Math.floor(ctx.now().getTime() / 1000);
  const ident = { name: user.name, email: user.email, time: now, tz: "+0000" };
  const message = `Auto-merged ${defaultBranch} into ${ref} on deployment.`;
  const merged = await repo.git.createCommit({
    tree,
    parents: [branch.sha, base.sha],
    author: ident,
    committer: ident,
    message,
  });
  if (!(await repo.git.compareAndSwapRef(`refs/heads/${ref}`, merged, branch.sha))) {
    throw new GitHubError(409, `Conflict merging ${defaultBranch} into ${ref}.`);
  }
  await settleAutoMerges(ctx, repo);
  return { status: 202, body: { message } };
}

async function createDeployment(request: RepoRouteRequest): Promise<RouteResult> {
  const { ctx, repo, body } = request;
  const input = objectBody(body);
  const ref = requiredString(input, "ref");
  const environment = optionalString(input, "environment") ?? "production";
  const requiredContexts = optionalStringArray(input, "required_contexts");
  const payload = payloadOf(input);
  const user = actingUser(ctx, request.principal);
  return repo.lock.run(async () => {
    if (!(await repo.git.resolveCommit(ref))) throw unprocessable(`No ref found for: ${ref}`);
    if (optionalBoolean(input, "auto_merge") ?? true) {
      const merged = await mergeDefaultBranchInto(ctx, repo, ref, user);
      if (merged) return merged;
    }
    // The sandbox records no commit statuses, so every named context is missing.
    if (requiredContexts && requiredContexts.length > 0) {
      throw new GitHubError(409, `Conflict: Commit status checks failed for ${ref}.`, {
        errors: [
          {
            resource: "Deployment",
            field: "required_contexts",
            code: "invalid",
            value: requiredContexts,
          },
        ],
      });
    }
    const sha = (await repo.git.resolveCommit(ref))!;
    const now = nowIso(ctx);
    const deployment: DeploymentRecord = {
      id: ctx.nextId(),
      sha,
      ref,
      task: optionalString(input, "task") ?? "deploy",
      payload,
      environment,
      originalEnvironment: environment,
      description: optionalString(input, "description") ?? null,
      creator: user,
      createdAt: now,
      updatedAt: now,
      transientEnvironment: optionalBoolean(input, "transient_environment") ?? false,
      productionEnvironment:
        optionalBoolean(input, "production_environment") ?? environment === "production",
      statuses: [],
    };
    repo.deployments.set(deployment.id, deployment);
    const json = deploymentJson(ctx, repo, deployment);
    return { status: 201, body: json, headers: { location: json.url } };
  });
}

async function listDeployments({ ctx, repo, query }: RepoRouteRequest): Promise<RouteResult> {
  const filters = (["sha", "ref", "task", "environment"] as const)
    .map((name) => [name, query.get(name)] as const)
    .filter((entry): entry is readonly [(typeof entry)[0], string] => entry[1] !== null);
  const matching = [...repo.deployments.values()]
    .filter((d) => filters.every(([name, value]) => d[name] === value))
    .sort((a, b) => b.id - a.id);
  const { page, headers } = paginate(matching, `${apiBase(ctx, repo)}/deployments`, query);
  return { status: 200, body: page.map((d) => deploymentJson(ctx, repo, d)), headers };
}

async function getDeployment({ ctx, repo, params }: RepoRouteRequest): Promise<RouteResult> {
  return {
    status: 200,
    body: deploymentJson(ctx, repo, findDeployment(repo, params["deployment_id"])),
  };
}

function isActive(deployment: DeploymentRecord): boolean {
  const latest = deployment.statuses[deployment.statuses.length - 1];
  return latest !== undefined && latest.state !== "inactive";
}

async function deleteDeployment({ repo, params }: RepoRouteRequest): Promise<RouteResult> {
  const deployment = findDeployment(repo, params["deployment_id"]);
  const sameEnvironment = [...repo.deployments.values()].filter(
    (d) => d.environment === deployment.environment,
  );
  if (isActive(deployment) && sameEnvironment.length > 1) {
    throw unprocessable(
      "We cannot delete an active deployment unless it is the only deployment in a given environment.",
    );
  }
  repo.deployments.delete(deployment.id);
  return { status: 204 };
}

function addStatus(
  ctx: SandboxContext,
  deployment: DeploymentRecord,
  fields: Omit<DeploymentStatusRecord, "id" | "createdAt">,
): DeploymentStatusRecord {
  const status: DeploymentStatusRecord = { ...fields, id: ctx.nextId(), createdAt: nowIso(ctx) };
  deployment.statuses.push(status);
  deployment.updatedAt = status.createdAt;
  return status;
}

/** auto_inactive: earlier successful non-transient, non-production deployments of the environment. */
function retirePrevious(
  ctx: SandboxContext,
  repo: RepoState,
  current: DeploymentRecord,
  creator: User,
) {
  for (const other of repo.deployments.values()) {
    if (other.id === current.id || other.environment !== current.environment) continue;
    if (other.transientEnvironment || other.productionEnvironment || other.id > current.id)
      continue;
    const latest = other.statuses[other.statuses.length - 1];
    if (latest?.state !== "success") continue;
    addStatus(ctx, other, {
      state: "inactive",
      creator,
      description: "",
      environment: other.environment,
      environmentUrl: latest.environmentUrl,
      logUrl: "",
    });
  }
}

async function createStatus(request: RepoRouteRequest): Promise<RouteResult> {
  const { ctx, repo, params, body } = request;
  const deployment = findDeployment(repo, params["deployment_id"]);
  const input = objectBody(body);
  const state = requiredString(input, "state") as DeploymentState;
  if (!STATES.includes(state)) {
    throw validationFailed({ resource: "DeploymentStatus", field: "state", code: "invalid" });
  }
  const description = optionalString(input, "description") ?? "";
  if (description.length > MAX_DESCRIPTION) {
    throw validationFailed({
      resource: "DeploymentStatus",
      field: "description",
      code: "custom",
      message: "description is too long (maximum is 140 characters)",
    });
  }
  const environment = optionalString(input, "environment");
  if (environment !== undefined) deployment.environment = environment;
  const creator = actingUser(ctx, request.principal);
  const status = addStatus(ctx, deployment, {
    state,
    creator,
    description,
    environment: deployment.environment,
    environmentUrl: optionalString(input, "environment_url") ?? "",
    logUrl: optionalString(input, "log_url") ?? optionalString(input, "target_url") ?? "",
  });
  if (state === "success" && (optionalBoolean(input, "auto_inactive") ?? true)) {
    retirePrevious(ctx, repo, deployment, creator);
  }
  const json = deploymentStatusJson(ctx, repo, deployment, status);
  return { status: 201, body: json, headers: { location: json.url } };
}

async function listStatuses({ ctx, repo, params, query }: RepoRouteRequest): Promise<RouteResult> {
  const deployment = findDeployment(repo, params["deployment_id"]);
  const newestFirst = [...deployment.statuses].reverse();
  const { page, headers } = paginate(
    newestFirst,
    `${apiBase(ctx, repo)}/deployments/${deployment.id}/statuses`,
    query,
  );
  return {
    status: 200,
    body: page.map((s) => deploymentStatusJson(ctx, repo, deployment, s)),
    headers,
  };
}

async function getStatus({ ctx, repo, params }: RepoRouteRequest): Promise<RouteResult> {
  const deployment = findDeployment(repo, params["deployment_id"]);
  const status = deployment.statuses.find((s) => s.id === Number(params["status_id"]));
  if (!status) throw notFound();
  return { status: 200, body: deploymentStatusJson(ctx, repo, deployment, status) };
}

const DOCS = "deployments";
const ALL = "/repos/{owner}/{repo}/deployments";
const ONE = `${ALL}/{deployment_id}`;

export const deploymentRoutes: Route[] = [
  repoRoute(
    "POST",
    ALL,
    `${DOCS}/deployments#create-a-deployment`,
    DEPLOYMENTS,
    "write",
    createDeployment,
  ),
  repoRoute(
    "GET",
    ALL,
    `${DOCS}/deployments#list-deployments`,
    DEPLOYMENTS,
    "read",
    listDeployments,
  ),
  repoRoute("GET", ONE, `${DOCS}/deployments#get-a-deployment`, DEPLOYMENTS, "read", getDeployment),
  repoRoute(
    "DELETE",
    ONE,
    `${DOCS}/deployments#delete-a-deployment`,
    DEPLOYMENTS,
    "write",
    deleteDeployment,
  ),
  repoRoute(
    "POST",
    `${ONE}/statuses`,
    `${DOCS}/statuses#create-a-deployment-status`,
    DEPLOYMENTS,
    "write",
    createStatus,
  ),
  repoRoute(
    "GET",
    `${ONE}/statuses`,
    `${DOCS}/statuses#list-deployment-statuses`,
    DEPLOYMENTS,
    "read",
    listStatuses,
  ),
  repoRoute(
    "GET",
    `${ONE}/statuses/{status_id}`,
    `${DOCS}/statuses#get-a-deployment-status`,
    DEPLOYMENTS,
    "read",
    getStatus,
  ),
];
