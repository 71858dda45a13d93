/** Pull requests: create, list, read, update, merge, and the files they change. */
import type { components } from "@octokit/openapi-types";
import { actingUser } from "../context.js";
import { GitHubError, notFound, validationFailed } from "../errors.js";
import { apiBase, diffEntryJson } from "../json/git.js";
import { pullJson, pullSimpleJson } from "../json/issues.js";
import { paginate } from "../pagination.js";
import { checkMergeAllowed } from "../merge-state.js";
import { mergePull, pullDetails, refreshPull, type PullIssue } from "../pull-merge.js";
import { repoRoute, type RepoRouteRequest, type Route, type RouteResult } from "../router.js";
import type { MergeMethod, RepoState } from "../state.js";
import { isoTime } from "../state.js";
import { objectBody, optionalBoolean, optionalString, requiredString } from "../validate.js";

const PULLS: ["pull_requests"] = ["pull_requests"];
/** GitHub's limit on an issue or pull request body, in characters. */
const BODY_LIMIT = 65_536;

function checkBody(text: string | undefined): void {
  if (text !== undefined && [...text].length > BODY_LIMIT) {
    throw validationFailed({
      resource: "Issue",
      code: "custom",
      field: "body",
      message: `body is too long (maximum is ${BODY_LIMIT} characters)`,
    });
  }
}

export function findPull(repo: RepoState, number: string | number | undefined): PullIssue {
  const issue = repo.issues.get(Number(number));
  if (!issue?.pull) throw notFound();
  return issue as PullIssue;
}

/** `owner:branch` or `branch`; a fork's owner cannot be served by the sandbox. */
function headBranch(repo: RepoState, head: string): string | undefined {
  const colon = head.indexOf(":");
  if (colon < 0) return head;
  return head.slice(0, colon).toLowerCase() === repo.owner.toLowerCase()
    ? head.slice(colon + 1)
    : undefined;
}

function alreadyExists(repo: RepoState, head: string): GitHubError {
  return validationFailed({
    resource: "PullRequest",
    code: "custom",
    message: `A pull request already exists for ${repo.owner}:${head}.`,
  });
}

function openDuplicate(repo: RepoState, head: string, base: string, except?: number) {
  return repo
    .pulls()
    .find(
      (p) =>
        p.state === "open" && p.pull.head === head && p.pull.base === base && p.number !== except,
    );
}

async function fullPull(request: RepoRouteRequest, issue: PullIssue) {
  const { ctx, repo } = request;
  await refreshPull(repo, issue);
  return pullJson(ctx, repo, issue, await repo.git.defaultBranch(), await pullDetails(repo, issue));
}

async function createPull(request: RepoRouteRequest): Promise<RouteResult> {
  const { ctx, repo, body } = request;
  const input = objectBody(body);
  const title = requiredString(input, "title");
  const headInput = requiredString(input, "head");
  const base = requiredString(input, "base");
  const draft = optionalBoolean(input, "draft") ?? false;
  const text = optionalString(input, "body") ?? null;
  checkBody(text ?? undefined);
  const head = headBranch(repo, headInput);
  return repo.lock.run(async () => {
    const [headRef, baseRef] = await Promise.all([
      head ? repo.git.readRef(`refs/heads/${head}`) : undefined,
      repo.git.readRef(`refs/heads/${base}`),
    ]);
    if (!baseRef)
      throw validationFailed({ resource: "PullRequest", field: "base", code: "invalid" });
    if (!head || !headRef)
      throw validationFailed({ resource: "PullRequest", field: "head", code: "invalid" });
    if (openDuplicate(repo, head, base)) throw alreadyExists(repo, head);
    if (await repo.git.isAncestor(headRef.sha, baseRef.sha)) {
      throw validationFailed({
        resource: "PullRequest",
        code: "custom",
        message: `No commits between ${base} and ${head}`,
      });
    }
    const now = isoTime(ctx.now());
    const issue: PullIssue = {
      number: repo.nextNumber(),
      id: ctx.nextId(),
      title,
      body: text,
      user: actingUser(ctx, request.principal),
      state: "open",
      labels: [],
      assignees: [],
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      comments: [],
      pull: {
        id: ctx.nextId(),
        head,
        headSha: headRef.sha,
        base,
        baseSha: baseRef.sha,
        draft,
        maintainerCanModify: optionalBoolean(input, "maintainer_can_modify") ?? false,
        merged: false,
        mergedAt: null,
        mergedBy: null,
        mergeCommitSha: null,
        requestedReviewers: [],
        requestedTeams: [],
        autoMerge: null,
      },
    };
    repo.issues.set(issue.number, issue);
    const json = await fullPull(request, issue);
    return { status: 201, body: json, headers: { location: json.url } };
  });
}

function sortPulls(pulls: PullIssue[], sort: string, direction: string): PullIssue[] {
  const key = (p: PullIssue) => (sort === "updated" ? p.updatedAt : p.createdAt);
  const sorted = [...pulls].sort((a, b) =>
    key(a) === key(b) ? a.number - b.number : key(a) < key(b) ? -1 : 1,
  );
  return direction === "asc" ? sorted : sorted.reverse();
}

async function listPulls(request: RepoRouteRequest): Promise<RouteResult> {
  const { ctx, repo, query } = request;
  const state = query.get("state") ?? "open";
  const head = query.get("head");
  const headName = head ? headBranch(repo, head) : undefined;
  const base = query.get("base");
  const sort = query.get("sort") ?? "created";
  const direction = query.get("direction") ?? (sort === "created" ? "desc" : "desc");
  const matching = repo
    .pulls()
    .filter((p) => state === "all" || p.state === state)
    .filter((p) => !head || p.pull.head === headName)
    .filter((p) => !base || p.pull.base === base);
  const { page, headers } = paginate(
    sortPulls(matching, sort, direction),
    `${apiBase(ctx, repo)}/pulls`,
    query,
  );
  await Promise.all(page.map((p) => refreshPull(repo, p)));
  const defaultBranch = await repo.git.defaultBranch();
  return {
    status: 200,
    body: page.map((p) => pullSimpleJson(ctx, repo, p, defaultBranch)),
    headers,
  };
}

async function getPull(request: RepoRouteRequest): Promise<RouteResult> {
  return {
    status: 200,
    body: await fullPull(request, findPull(request.repo, request.params["pull_number"])),
  };
}

async function updatePull(request: RepoRouteRequest): Promise<RouteResult> {
  const { ctx, repo, body, params } = request;
  const input = objectBody(body);
  const title = optionalString(input, "title");
  const text = optionalString(input, "body");
  checkBody(text);
  const state = optionalString(input, "state");
  const base = optionalString(input, "base");
  const maintainerCanModify = optionalBoolean(input, "maintainer_can_modify");
  if (state !== undefined && state !== "open" && state !== "closed") {
    throw validationFailed({ resource: "PullRequest", field: "state", code: "invalid" });
  }
  return repo.lock.run(async () => {
    const issue = findPull(repo, params["pull_number"]);
    if (base !== undefined && !(await repo.git.readRef(`refs/heads/${base}`))) {
      throw validationFailed({ resource: "PullRequest", field: "base", code: "invalid" });
    }
    if (state === "open" && issue.state === "closed") {
      if (issue.pull.merged)
        throw validationFailed({ resource: "PullRequest", field: "state", code: "invalid" });
      if (!(await repo.git.readRef(`refs/heads/${issue.pull.head}`))) {
        throw new GitHubError(422, "state cannot be changed. The head branch was deleted.");
      }
      if (openDuplicate(repo, issue.pull.head, base ?? issue.pull.base, issue.number)) {
        throw alreadyExists(repo, issue.pull.head);
      }
    }
    const now = isoTime(ctx.now());
    if (title !== undefined) issue.title = title;
    if (text !== undefined) issue.body = text;
    if (base !== undefined) issue.pull.base = base;
    if (maintainerCanModify !== undefined) issue.pull.maintainerCanModify = maintainerCanModify;
    if (state !== undefined && state !== issue.state) {
      await refreshPull(repo, issue);
      issue.state = state;
      issue.closedAt = state === "closed" ? now : null;
    }
    issue.updatedAt = now;
    return { status: 200, body: await fullPull(request, issue) };
  });
}

async function mergePullRoute(request: RepoRouteRequest): Promise<RouteResult> {
  const { ctx, repo, body, params } = request;
  const input = objectBody(body);
  const method = (optionalString(input, "merge_method") ?? "merge") as MergeMethod;
  if (!["merge", "squash", "rebase"].includes(method)) {
    throw validationFailed({ resource: "PullRequest", field: "merge_method", code: "invalid" });
  }
  const sha = optionalString(input, "sha");
  const commitTitle = optionalString(input, "commit_title");
  const commitMessage = optionalString(input, "commit_message");
  const allowed = {
    merge: repo.settings.allowMergeCommit,
    squash: repo.settings.allowSquashMerge,
    rebase: repo.settings.allowRebaseMerge,
  };
  if (!allowed[method]) {
    const what = { merge: "Merge commits", squash: "Squash merges", rebase: "Rebase merges" };
    throw new GitHubError(405, `${what[method]} are not allowed on this repository.`);
  }
  return repo.lock.run(async () => {
    const issue = findPull(repo, params["pull_number"]);
    if (issue.state === "open" && !issue.pull.merged) {
      await refreshPull(repo, issue);
      checkMergeAllowed(repo, issue, request.principal);
    }
    const merged = await mergePull(ctx, repo, issue, {
      method,
      merger: actingUser(ctx, request.principal),
      ...(sha !== undefined ? { sha } : {}),
      ...(commitTitle !== undefined ? { commitTitle } : {}),
      ...(commitMessage !== undefined ? { commitMessage } : {}),
    });
    const result: components["schemas"]["pull-request-merge-result"] = {
      sha: merged,
      merged: true,
      message: "Pull Request successfully merged",
    };
    return { status: 200, body: result };
  });
}

async function checkMerged({ repo, params }: RepoRouteRequest): Promise<RouteResult> {
  const issue = findPull(repo, params["pull_number"]);
  if (!issue.pull.merged) throw notFound();
  return { status: 204 };
}

async function listFiles(request: RepoRouteRequest): Promise<RouteResult> {
  const { ctx, repo, params, query } = request;
  const issue = findPull(repo, params["pull_number"]);
  await refreshPull(repo, issue);
  const since =
    (await repo.git.mergeBase(issue.pull.baseSha, issue.pull.headSha)) ?? issue.pull.baseSha;
  const changes = await repo.git.fileChanges(since, issue.pull.headSha);
  const files = changes.map((f) => diffEntryJson(ctx, repo, f, issue.pull.headSha));
  const { page, headers } = paginate(
    files,
    `${apiBase(ctx, repo)}/pulls/${issue.number}/files`,
    query,
  );
  return { status: 200, body: page, headers };
}

const DOCS = "pulls/pulls";
const ONE = "/repos/{owner}/{repo}/pulls/{pull_number}";

export const pullRoutes: Route[] = [
  repoRoute(
    "POST",
    "/repos/{owner}/{repo}/pulls",
    `${DOCS}#create-a-pull-request`,
    PULLS,
    "write",
    createPull,
  ),
  repoRoute(
    "GET",
    "/repos/{owner}/{repo}/pulls",
    `${DOCS}#list-pull-requests`,
    PULLS,
    "read",
    listPulls,
  ),
  repoRoute("GET", ONE, `${DOCS}#get-a-pull-request`, PULLS, "read", getPull),
  repoRoute("PATCH", ONE, `${DOCS}#update-a-pull-request`, PULLS, "write", updatePull),
  repoRoute(
    "PUT",
    `${ONE}/merge`,
    `${DOCS}#merge-a-pull-request`,
    ["contents"],
    "write",
    mergePullRoute,
  ),
  repoRoute(
    "GET",
    `${ONE}/merge`,
    `${DOCS}#check-if-a-pull-request-has-been-merged`,
    PULLS,
    "read",
    checkMerged,
  ),
  repoRoute("GET", `${ONE}/files`, `${DOCS}#list-pull-requests-files`, PULLS, "read", listFiles),
];
