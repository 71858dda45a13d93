/** Review requests on a pull request: people and teams, requested and withdrawn. */
import { validationFailed, GitHubError } from "../errors.js";
import { pullSimpleJson } from "../json/issues.js";
import { simpleUser } from "../json/users.js";
import { refreshPull } from "../pull-merge.js";
import { repoRoute, type RepoRouteRequest, type Route, type RouteResult } from "../router.js";
import { isoTime } from "../state.js";
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
