/**
 * Commit statuses: what CI reports on a commit, and what required status checks wait for.
 * Reporting one settles the auto-merges it may have unblocked, as GitHub does.
 */
import type { components } from "@octokit/openapi-types";
import { actingUser } from "../context.js";
import { settleAutoMerges } from "../auto-merge.js";
import { GitHubError, validationFailed } from "../errors.js";
import { apiBase } from "../json/git.js";
import { repositoryJson } from "../json/repository.js";
import { nodeId, simpleUser } from "../json/users.js";
import { combinedState, latestStatuses } from "../merge-state.js";
import { repoRoute, type RepoRouteRequest, type Route, type RouteResult } from "../router.js";
import type { CommitStatusRecord, CommitStatusState, RepoState } from "../state.js";
import { isoTime } from "../state.js";
import type { SandboxContext } from "../context.js";
import { objectBody, optionalString, requiredString } from "../validate.js";

const STATES: CommitStatusState[] = ["error", "failure", "pending", "success"];

function simpleStatusJson(
  ctx: SandboxContext,
  repo: RepoState,
  sha: string,
  status: CommitStatusRecord,
): components["schemas"]["simple-commit-status"] {
  return {
    url: `${apiBase(ctx, repo)}/statuses/${sha}`,
    avatar_url: `${ctx.url}/avatars/${status.creator.login}`,
    id: status.id,
    node_id: nodeId("StatusContext", status.id),
    state: status.state,
    description: status.description,
    target_url: status.targetUrl,
    context: status.context,
    created_at: status.createdAt,
    updated_at: status.createdAt,
  };
}

function statusJson(
  ctx: SandboxContext,
  repo: RepoState,
  sha: string,
  status: CommitStatusRecord,
): components["schemas"]["status"] {
  return {
    ...simpleStatusJson(ctx, repo, sha, status),
    creator: simpleUser(ctx, status.creator),
  };
}

async function createStatus(request: RepoRouteRequest): Promise<RouteResult> {
  const { ctx, repo, params, body } = request;
  const input = objectBody(body);
  const state = requiredString(input, "state") as CommitStatusState;
  if (!STATES.includes(state)) {
    throw validationFailed({ resource: "Status", field: "state", code: "custom" });
  }
  const sha = params["sha"] ?? "";
  return repo.lock.run(async () => {
    const commit = await repo.git.resolveCommit(sha);
    if (!commit) throw new GitHubError(422, `No commit found for SHA: ${sha}`);
    const record: CommitStatusRecord = {
      id: ctx.nextId(),
      state,
      context: optionalString(input, "context") ?? "default",
      description: optionalString(input, "description") ?? null,
      targetUrl: optionalString(input, "target_url") ?? null,
      creator: actingUser(ctx, request.principal),
      createdAt: isoTime(ctx.now()),
    };
    repo.statuses.set(commit, [...(repo.statuses.get(commit) ?? []), record]);
    await settleAutoMerges(ctx, repo);
    const json = statusJson(ctx, repo, commit, record);
    return { status: 201, body: json, headers: { location: json.url } };
  });
}

async function commitFor(repo: RepoState, ref: string): Promise<string> {
  const sha = await repo.git.resolveCommit(ref);
  if (!sha) throw new GitHubError(422, `No commit found for SHA: ${ref}`);
  return sha;
}

async function combinedStatus({ ctx, repo, params }: RepoRouteRequest): Promise<RouteResult> {
  const sha = await commitFor(repo, params["ref"] ?? "");
  const latest = [...latestStatuses(repo, sha).values()];
  const body: components["schemas"]["combined-commit-status"] = {
    state: combinedState(latest),
    statuses: latest.map((s) => simpleStatusJson(ctx, repo, sha, s)),
    sha,
    total_count: latest.length,
    // minimal-repository spells an absent license as a missing field, not null.
    repository: {
      ...repositoryJson(ctx, repo, await repo.git.defaultBranch()),
      license: undefined,
    },
    commit_url: `${apiBase(ctx, repo)}/commits/${sha}`,
    url: `${apiBase(ctx, repo)}/commits/${sha}/status`,
  };
  return { status: 200, body };
}

async function listStatuses({ ctx, repo, params }: RepoRouteRequest): Promise<RouteResult> {
  const sha = await commitFor(repo, params["ref"] ?? "");
  const all = [...(repo.statuses.get(sha) ?? [])].reverse();
  return { status: 200, body: all.map((s) => statusJson(ctx, repo, sha, s)) };
}

const DOCS = "commits/statuses";

export const statusRoutes: Route[] = [
  repoRoute(
    "POST",
    "/repos/{owner}/{repo}/statuses/{sha}",
    `${DOCS}#create-a-commit-status`,
    ["statuses"],
    "write",
    createStatus,
  ),
  repoRoute(
    "GET",
    "/repos/{owner}/{repo}/commits/{ref}/status",
    `${DOCS}#get-the-combined-status-for-a-specific-reference`,
    ["statuses"],
    "read",
    combinedStatus,
  ),
  repoRoute(
    "GET",
    "/repos/{owner}/{repo}/commits/{ref}/statuses",
    `${DOCS}#list-commit-statuses-for-a-reference`,
    ["statuses"],
    "read",
    listStatuses,
  ),
];
