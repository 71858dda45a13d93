/**
 * The issue side of issues and pull requests: reading one, its labels (created on first use,
 * as GitHub does), its assignees and conversation comments, and the repository's labels.
 */
import { actingUser, nowIso, type SandboxContext } from "../context.js";
import { GitHubError, invalidRequest, notFound, validationFailed } from "../errors.js";
import { apiBase } from "../json/git.js";
import { issueCommentJson, issueJson, labelJson } from "../json/issues.js";
import { paginate } from "../pagination.js";
import { repoRoute, type RepoRouteRequest, type Route, type RouteResult } from "../router.js";
import type { IssueRecord, LabelRecord, RepoState } from "../state.js";
import { objectBody, optionalString, optionalStringArray, requiredString } from "../validate.js";

/** Labels and assignees of a pull request are issue fields: either permission will do. */
const ISSUES: ["issues", "pull_requests"] = ["issues", "pull_requests"];

/** GitHub's colour for a label created by naming it on an issue. */
const DEFAULT_LABEL_COLOR = "ededed";
/** GitHub keeps at most ten assignees on an issue and ignores the rest. */
const MAX_ASSIGNEES = 10;

export function findIssue(repo: RepoState, number: string | undefined): IssueRecord {
  const issue = repo.issues.get(Number(number));
  if (!issue) throw notFound();
  return issue;
}

function ensureLabel(ctx: SandboxContext, repo: RepoState, name: string): LabelRecord {
  const key = name.toLowerCase();
  let label = repo.labels.get(key);
  if (!label) {
    label = { id: ctx.nextId(), name, color: DEFAULT_LABEL_COLOR, description: null };
    repo.labels.set(key, label);
  }
  return label;
}

/**
 * The label names of a labels body. GitHub accepts `{"labels": ["a"]}`,
 * `{"labels": [{"name": "a"}]}` and a bare array of either.
 */
function labelNames(body: unknown): string[] {
  const list = Array.isArray(body) ? body : objectBody(body)["labels"];
  if (list === undefined) throw invalidRequest(`"labels" wasn't supplied.`);
  if (!Array.isArray(list))
    throw invalidRequest(`For 'properties/labels', ${JSON.stringify(list)} is not an array.`);
  return list.map((item) => {
    const name = typeof item === "string" ? item : (item as { name?: unknown } | null)?.name;
    if (typeof name !== "string" || name.trim() === "") {
      throw validationFailed({ resource: "Label", field: "name", code: "missing_field" });
    }
    return name.trim();
  });
}

function issueLabels(ctx: SandboxContext, repo: RepoState, issue: IssueRecord) {
  return issue.labels
    .map((name) => repo.labels.get(name.toLowerCase()))
    .filter((l): l is LabelRecord => l !== undefined)
    .map((l) => labelJson(ctx, repo, l));
}

function setLabels(request: RepoRouteRequest, replace: boolean): RouteResult {
  const { ctx, repo, params, body } = request;
  const issue = findIssue(repo, params["issue_number"]);
  const names = labelNames(body);
  const kept = replace ? [] : issue.labels;
  const merged = new Map(kept.map((name) => [name.toLowerCase(), name]));
  for (const name of names) merged.set(name.toLowerCase(), ensureLabel(ctx, repo, name).name);
  issue.labels = [...merged.values()];
  issue.updatedAt = nowIso(ctx);
  return { status: 200, body: issueLabels(ctx, repo, issue) };
}

async function addLabels(request: RepoRouteRequest): Promise<RouteResult> {
  return setLabels(request, false);
}

async function replaceLabels(request: RepoRouteRequest): Promise<RouteResult> {
  return setLabels(request, true);
}

async function listIssueLabels({ ctx, repo, params }: RepoRouteRequest): Promise<RouteResult> {
  return { status: 200, body: issueLabels(ctx, repo, findIssue(repo, params["issue_number"])) };
}

async function removeLabel({ ctx, repo, params }: RepoRouteRequest): Promise<RouteResult> {
  const issue = findIssue(repo, params["issue_number"]);
  const name = (params["name"] ?? "").toLowerCase();
  const remaining = issue.labels.filter((l) => l.toLowerCase() !== name);
  // GitHub answers 404 "Label does not exist" when the issue does not carry the label.
  if (remaining.length === issue.labels.length) throw new GitHubError(404, "Label does not exist");
  issue.labels = remaining;
  issue.updatedAt = nowIso(ctx);
  return { status: 200, body: issueLabels(ctx, repo, issue) };
}

async function listRepoLabels({ ctx, repo }: RepoRouteRequest): Promise<RouteResult> {
  const labels = [...repo.labels.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { status: 200, body: labels.map((l) => labelJson(ctx, repo, l)) };
}

async function getRepoLabel({ ctx, repo, params }: RepoRouteRequest): Promise<RouteResult> {
  const label = repo.labels.get((params["name"] ?? "").toLowerCase());
  if (!label) throw notFound();
  return { status: 200, body: labelJson(ctx, repo, label) };
}

async function createRepoLabel({ ctx, repo, body }: RepoRouteRequest): Promise<RouteResult> {
  const input = objectBody(body);
  const name = requiredString(input, "name");
  const color = (optionalString(input, "color") ?? DEFAULT_LABEL_COLOR).replace(/^#/, "");
  if (!/^[0-9a-fA-F]{6}$/.test(color)) {
    throw validationFailed({ resource: "Label", field: "color", code: "invalid" });
  }
  if (repo.labels.has(name.toLowerCase())) {
    throw validationFailed({ resource: "Label", field: "name", code: "already_exists" });
  }
  const label: LabelRecord = {
    id: ctx.nextId(),
    name,
    color: color.toLowerCase(),
    description: optionalString(input, "description") ?? null,
  };
  repo.labels.set(name.toLowerCase(), label);
  const json = labelJson(ctx, repo, label);
  return { status: 201, body: json, headers: { location: json.url } };
}

async function getIssue({ ctx, repo, params }: RepoRouteRequest): Promise<RouteResult> {
  return { status: 200, body: issueJson(ctx, repo, findIssue(repo, params["issue_number"])) };
}

function assigneeLogins(body: unknown): string[] {
  return optionalStringArray(objectBody(body), "assignees") ?? [];
}

async function addAssignees({ ctx, repo, params, body }: RepoRouteRequest): Promise<RouteResult> {
  const issue = findIssue(repo, params["issue_number"]);
  const merged = new Map(issue.assignees.map((login) => [login.toLowerCase(), login]));
  for (const login of assigneeLogins(body)) {
    if (merged.size >= MAX_ASSIGNEES) break;
    merged.set(login.toLowerCase(), ctx.auth.account(login).login);
  }
  issue.assignees = [...merged.values()];
  issue.updatedAt = nowIso(ctx);
  // GitHub answers 201 even when nobody new was assigned.
  return { status: 201, body: issueJson(ctx, repo, issue) };
}

async function removeAssignees({
  ctx,
  repo,
  params,
  body,
}: RepoRouteRequest): Promise<RouteResult> {
  const issue = findIssue(repo, params["issue_number"]);
  const gone = new Set(assigneeLogins(body).map((l) => l.toLowerCase()));
  issue.assignees = issue.assignees.filter((login) => !gone.has(login.toLowerCase()));
  issue.updatedAt = nowIso(ctx);
  return { status: 200, body: issueJson(ctx, repo, issue) };
}

async function createComment(request: RepoRouteRequest): Promise<RouteResult> {
  const { ctx, repo, params, body } = request;
  const issue = findIssue(repo, params["issue_number"]);
  const text = requiredString(objectBody(body), "body");
  // GitHub refuses a blank comment with this validation error rather than a missing field.
  if (text.trim() === "") {
    throw validationFailed({
      resource: "IssueComment",
      field: "data",
      code: "unprocessable",
      message: "Body cannot be blank",
    });
  }
  const now = nowIso(ctx);
  const comment = {
    id: ctx.nextId(),
    body: text,
    user: actingUser(ctx, request.principal),
    createdAt: now,
    updatedAt: now,
  };
  issue.comments.push(comment);
  issue.updatedAt = now;
  const json = issueCommentJson(ctx, repo, issue, comment);
  return { status: 201, body: json, headers: { location: json.url } };
}

async function listComments({ ctx, repo, params, query }: RepoRouteRequest): Promise<RouteResult> {
  const issue = findIssue(repo, params["issue_number"]);
  const since = query.get("since");
  const shown = since ? issue.comments.filter((c) => c.updatedAt >= since) : issue.comments;
  const { page, headers } = paginate(
    shown,
    `${apiBase(ctx, repo)}/issues/${issue.number}/comments`,
    query,
  );
  return { status: 200, body: page.map((c) => issueCommentJson(ctx, repo, issue, c)), headers };
}

const DOCS = "issues";
const ONE = "/repos/{owner}/{repo}/issues/{issue_number}";

export const issueRoutes: Route[] = [
  repoRoute("GET", ONE, `${DOCS}/issues#get-an-issue`, ISSUES, "read", getIssue),
  repoRoute(
    "GET",
    `${ONE}/labels`,
    `${DOCS}/labels#list-labels-for-an-issue`,
    ISSUES,
    "read",
    listIssueLabels,
  ),
  repoRoute(
    "POST",
    `${ONE}/labels`,
    `${DOCS}/labels#add-labels-to-an-issue`,
    ISSUES,
    "write",
    addLabels,
  ),
  repoRoute(
    "PUT",
    `${ONE}/labels`,
    `${DOCS}/labels#set-labels-for-an-issue`,
    ISSUES,
    "write",
    replaceLabels,
  ),
  repoRoute(
    "DELETE",
    `${ONE}/labels/{name+}`,
    `${DOCS}/labels#remove-a-label-from-an-issue`,
    ISSUES,
    "write",
    removeLabel,
  ),
  repoRoute(
    "GET",
    `${ONE}/comments`,
    `${DOCS}/comments#list-issue-comments`,
    ISSUES,
    "read",
    listComments,
  ),
  repoRoute(
    "POST",
    `${ONE}/comments`,
    `${DOCS}/comments#create-an-issue-comment`,
    ISSUES,
    "write",
    createComment,
  ),
  repoRoute(
    "POST",
    `${ONE}/assignees`,
    `${DOCS}/assignees#add-assignees-to-an-issue`,
    ISSUES,
    "write",
    addAssignees,
  ),
  repoRoute(
    "DELETE",
    `${ONE}/assignees`,
    `${DOCS}/assignees#remove-assignees-from-an-issue`,
    ISSUES,
    "write",
    removeAssignees,
  ),
  repoRoute(
    "GET",
    "/repos/{owner}/{repo}/labels",
    `${DOCS}/labels#list-labels-for-a-repository`,
    ISSUES,
    "read",
    listRepoLabels,
  ),
  repoRoute(
    "POST",
    "/repos/{owner}/{repo}/labels",
    `${DOCS}/labels#create-a-label`,
    ISSUES,
    "write",
    createRepoLabel,
  ),
  repoRoute(
    "GET",
    "/repos/{owner}/{repo}/labels/{name+}",
    `${DOCS}/labels#get-a-label`,
    ISSUES,
    "read",
    getRepoLabel,
  ),
];
