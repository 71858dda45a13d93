/**
 * Review requests on a pull request: people and teams, requested and withdrawn. GitHub
 * refuses, with a 422 that no retry changes: teams asked for with a token that cannot read
 * the organisation's teams (GITHUB_TOKEN, an App token without `members: read`) — "Could not
 * resolve to a node" naming the team's id — and people or teams that are not collaborators.
 */
import { createHash } from "node:crypto";
import type { Principal } from "../auth/store.js";
import type { SandboxContext } from "../context.js";
import { validationFailed, GitHubError } from "../errors.js";
import { pullSimpleJson } from "../json/issues.js";
import { simpleUser } from "../json/users.js";
import { refreshPull } from "../pull-merge.js";
import { repoRoute, type RepoRouteRequest, type Route, type RouteResult } from "../router.js";
import { isoTime, type RepoState } from "../state.js";
import { objectBody, optionalStringArray } from "../validate.js";
import { findPull } from "./pulls.js";

const PULLS: ["pull_requests"] = ["pull_requests"];

function requested(body: unknown): { reviewers: string[]; teams: string[] } {
  const input = objectBody(body);
  return {
    reviewers: optionalStringArray(input, "reviewers") ?? [],
    teams: optionalStringArray(input, "team_reviewers") ?? [],
  };
}

function union(current: string[], added: string[]): string[] {
  const all = new Map(current.map((name) => [name.toLowerCase(), name]));
  for (const name of added) if (!all.has(name.toLowerCase())) all.set(name.toLowerCase(), name);
  return [...all.values()];
}

/** A team's GraphQL id, in GitHub's `T_` form. */
function teamNodeId(org: string, slug: string): string {
  const digest = createHash("sha1").update(`${org}/${slug}`.toLowerCase()).digest("base64url");
  return `T_kwDO${digest.slice(0, 12)}`;
}

function canReadTeams(principal: Principal): boolean {
  return principal.kind !== "installation" || principal.grant.permissions.members !== undefined;
}

function notCollaborators(repo: RepoState): GitHubError {
  return new GitHubError(
    422,
    `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${repo.fullName} repository.`,
  );
}

function checkReviewers(
  ctx: SandboxContext,
  repo: RepoState,
  principal: Principal,
  reviewers: string[],
  teams: string[],
): void {
  if (teams.length > 0 && !canReadTeams(principal)) {
    throw new GitHubError(422, "Validation Failed", {
      errors: [
        `Could not resolve to a node with the global id of '${teamNodeId(repo.owner, teams[0]!)}'.`,
      ],
    });
  }
  const orgTeams = ctx.teams?.get(repo.owner.toLowerCase());
  if (ctx.teams && teams.some((slug) => !orgTeams?.has(slug.toLowerCase()))) {
    throw notCollaborators(repo);
  }
  const { collaborators } = repo.settings;
  if (collaborators && reviewers.some((login) => !collaborators.has(login.toLowerCase()))) {
    throw notCollaborators(repo);
  }
}

async function answer(request: RepoRouteRequest, status: number): Promise<RouteResult> {
  const { ctx, repo, params } = request;
  const issue = findPull(repo, params["pull_number"]);
  await refreshPull(repo, issue);
  return { status, body: pullSimpleJson(ctx, repo, issue, await repo.git.defaultBranch()) };
}

async function requestReviewers(request: RepoRouteRequest): Promise<RouteResult> {
  const { ctx, repo, params, body } = request;
  const issue = findPull(repo, params["pull_number"]);
  const { reviewers, teams } = requested(body);
  if (reviewers.length === 0 && teams.length === 0) {
    throw validationFailed({ resource: "PullRequest", field: "reviewers", code: "missing_field" });
  }
  // GitHub's own wording; a workflow that lists the PR's author as reviewer meets it.
  if (reviewers.some((login) => login.toLowerCase() === issue.user.login.toLowerCase())) {
    throw new GitHubError(422, "Review cannot be requested from pull request author.");
  }
  checkReviewers(ctx, repo, request.principal, reviewers, teams);
  const logins = reviewers.map((login) => ctx.auth.account(login).login);
  issue.pull.requestedReviewers = union(issue.pull.requestedReviewers, logins);
  issue.pull.requestedTeams = union(issue.pull.requestedTeams, teams);
  issue.updatedAt = isoTime(ctx.now());
  return answer(request, 201);
}

async function removeReviewers(request: RepoRouteRequest): Promise<RouteResult> {
  const { ctx, repo, params, body } = request;
  const issue = findPull(repo, params["pull_number"]);
  const { reviewers, teams } = requested(body);
  const gone = new Set([...reviewers, ...teams].map((name) => name.toLowerCase()));
  issue.pull.requestedReviewers = issue.pull.requestedReviewers.filter(
    (l) => !gone.has(l.toLowerCase()),
  );
  issue.pull.requestedTeams = issue.pull.requestedTeams.filter((t) => !gone.has(t.toLowerCase()));
  issue.updatedAt = isoTime(ctx.now());
  return answer(request, 200);
}

async function listRequested({ ctx, repo, params }: RepoRouteRequest): Promise<RouteResult> {
  const issue = findPull(repo, params["pull_number"]);
  const json = pullSimpleJson(ctx, repo, issue, await repo.git.defaultBranch());
  return {
    status: 200,
    body: {
      users: issue.pull.requestedReviewers.map((login) => simpleUser(ctx, ctx.auth.account(login))),
      teams: json.requested_teams ?? [],
    },
  };
}

const DOCS = "pulls/review-requests";
const PATH = "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers";

export const reviewerRoutes: Route[] = [
  repoRoute(
    "GET",
    PATH,
    `${DOCS}#get-all-requested-reviewers-for-a-pull-request`,
    PULLS,
    "read",
    listRequested,
  ),
  repoRoute(
    "POST",
    PATH,
    `${DOCS}#request-reviewers-for-a-pull-request`,
    PULLS,
    "write",
    requestReviewers,
  ),
  repoRoute(
    "DELETE",
    PATH,
    `${DOCS}#remove-requested-reviewers-from-a-pull-request`,
    PULLS,
    "write",
    removeReviewers,
  ),
];
