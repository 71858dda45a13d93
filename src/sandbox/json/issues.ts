/** Labels, issues and pull requests as GitHub renders them. */
import type { components } from "@octokit/openapi-types";
import type { SandboxContext } from "../context.js";
import type {
  IssueCommentRecord,
  IssueRecord,
  LabelRecord,
  PullFields,
  RepoState,
} from "../state.js";
import { apiBase, htmlBase } from "./git.js";
import { repositoryJson } from "./repository.js";
import { nodeId, simpleUser } from "./users.js";

export type LabelJson = components["schemas"]["label"];
export type IssueJson = components["schemas"]["issue"];
export type PullJson = components["schemas"]["pull-request"];
export type PullSimpleJson = components["schemas"]["pull-request-simple"];
export type IssueCommentJson = components["schemas"]["issue-comment"];

/** Pull request node ids name the repository and number, so GraphQL can find the PR again. */
export function pullNodeId(repo: RepoState, number: number): string {
  return `PR_${Buffer.from(`${repo.id}:${number}`).toString("base64url")}`;
}

export function parsePullNodeId(id: string): { repoId: number; number: number } | undefined {
  if (!id.startsWith("PR_")) return undefined;
  const match = /^(\d+):(\d+)$/.exec(Buffer.from(id.slice(3), "base64url").toString("utf8"));
  return match ? { repoId: Number(match[1]), number: Number(match[2]) } : undefined;
}

export function labelJson(ctx: SandboxContext, repo: RepoState, label: LabelRecord): LabelJson {
  return {
    id: label.id,
    node_id: nodeId("Label", label.id),
    url: `${apiBase(ctx, repo)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    description: label.description,
    color: label.color,
    default: false,
  };
}

function labelsOf(ctx: SandboxContext, repo: RepoState, issue: IssueRecord): LabelJson[] {
  return issue.labels
    .map((name) => repo.labels.get(name.toLowerCase()))
    .filter((l): l is LabelRecord => l !== undefined)
    .map((l) => labelJson(ctx, repo, l));
}

function usersOf(ctx: SandboxContext, logins: string[]) {
  return logins.map((login) => simpleUser(ctx, ctx.auth.account(login)));
}

export function issueJson(ctx: SandboxContext, repo: RepoState, issue: IssueRecord): IssueJson {
  const api = `${apiBase(ctx, repo)}/issues/${issue.number}`;
  const assignees = usersOf(ctx, issue.assignees);
  return {
    id: issue.id,
    node_id: issue.pull ? pullNodeId(repo, issue.number) : nodeId("Issue", issue.id),
    url: api,
    repository_url: apiBase(ctx, repo),
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: `${htmlBase(ctx, repo)}/${issue.pull ? "pull" : "issues"}/${issue.number}`,
    number: issue.number,
    state: issue.state,
    title: issue.title,
    body: issue.body,
    user: simpleUser(ctx, issue.user),
    labels: labelsOf(ctx, repo, issue),
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    locked: false,
    comments: issue.comments.length,
    closed_at: issue.closedAt,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    author_association: "OWNER",
    ...(issue.pull
      ? {
          draft: issue.pull.draft,
          pull_request: {
            url: `${apiBase(ctx, repo)}/pulls/${issue.number}`,
            html_url: `${htmlBase(ctx, repo)}/pull/${issue.number}`,
            diff_url: `${htmlBase(ctx, repo)}/pull/${issue.number}.diff`,
            patch_url: `${htmlBase(ctx, repo)}/pull/${issue.number}.patch`,
            merged_at: issue.pull.mergedAt,
          },
        }
      : {}),
  };
}

export function issueCommentJson(
  ctx: SandboxContext,
  repo: RepoState,
  issue: IssueRecord,
  comment: IssueCommentRecord,
): IssueCommentJson {
  return {
    id: comment.id,
    node_id: nodeId("IssueComment", comment.id),
    url: `${apiBase(ctx, repo)}/issues/comments/${comment.id}`,
    html_url: `${htmlBase(ctx, repo)}/${issue.pull ? "pull" : "issues"}/${issue.number}#issuecomment-${comment.id}`,
    body: comment.body,
    user: simpleUser(ctx, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${apiBase(ctx, repo)}/issues/${issue.number}`,
    author_association: "OWNER",
    performed_via_github_app: null,
    reactions: {
      url: `${apiBase(ctx, repo)}/issues/comments/${comment.id}/reactions`,
      total_count: 0,
      "+1": 0,
      "-1": 0,
      laugh: 0,
      confused: 0,
      heart: 0,
      hooray: 0,
      eyes: 0,
      rocket: 0,
    },
  };
}

export function pullSimpleJson(
  ctx: SandboxContext,
  repo: RepoState,
  issue: IssueRecord & { pull: PullFields },
  defaultBranch: string,
): PullSimpleJson {
  const { pull } = issue;
  const api = `${apiBase(ctx, repo)}/pulls/${issue.number}`;
  const html = `${htmlBase(ctx, repo)}/pull/${issue.number}`;
  const issueApi = `${apiBase(ctx, repo)}/issues/${issue.number}`;
  const owner = simpleUser(ctx, ctx.auth.account(repo.owner));
  const repoJson = repositoryJson(ctx, repo, defaultBranch);
  const assignees = usersOf(ctx, issue.assignees);
  const labels = labelsOf(ctx, repo, issue).map((l) => ({
    ...l,
    description: l.description ?? "",
  }));
  return {
    url: api,
    id: pull.id,
    node_id: pullNodeId(repo, issue.number),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueApi,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${apiBase(ctx, repo)}/pulls/comments{/number}`,
    comments_url: `${issueApi}/comments`,
    statuses_url: `${apiBase(ctx, repo)}/statuses/${pull.headSha}`,
    number: issue.number,
    state: issue.state,
    locked: false,
    title: issue.title,
    user: simpleUser(ctx, issue.user),
    body: issue.body,
    labels,
    milestone: null,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: assignees[0] ?? null,
    assignees,
    requested_reviewers: usersOf(ctx, pull.requestedReviewers),
    requested_teams: pull.requestedTeams.map((slug, i) => ({
      id: i + 1,
      node_id: nodeId("Team", i + 1),
      url: `${ctx.url}/orgs/${repo.owner}/teams/${slug}`,
      html_url: `${ctx.url}/orgs/${repo.owner}/teams/${slug}`,
      members_url: `${ctx.url}/orgs/${repo.owner}/teams/${slug}/members{/member}`,
      repositories_url: `${ctx.url}/orgs/${repo.owner}/teams/${slug}/repos`,
      name: slug,
      slug,
      description: null,
      permission: "pull",
      privacy: "closed",
      parent: null,
      type: "organization" as const,
    })),
    head: {
      label: `${repo.owner}:${pull.head}`,
      ref: pull.head,
      sha: pull.headSha,
      repo: repoJson,
      user: owner,
    },
    base: {
      label: `${repo.owner}:${pull.base}`,
      ref: pull.base,
      sha: pull.baseSha,
      repo: repoJson,
      user: owner,
    },
    _links: {
      self: { href: api },
      html: { href: html },
      issue: { href: issueApi },
      comments: { href: `${issueApi}/comments` },
      review_comments: { href: `${api}/comments` },
      review_comment: { href: `${apiBase(ctx, repo)}/pulls/comments{/number}` },
      commits: { href: `${api}/commits` },
      statuses: { href: `${apiBase(ctx, repo)}/statuses/${pull.headSha}` },
    },
    author_association: "OWNER",
    auto_merge: pull.autoMerge
      ? {
          enabled_by: simpleUser(ctx, pull.autoMerge.enabledBy),
          merge_method: pull.autoMerge.method,
          commit_title: pull.autoMerge.commitTitle,
          commit_message: pull.autoMerge.commitMessage,
        }
      : null,
    draft: pull.draft,
  };
}

export interface PullDetails {
  mergeable: boolean | null;
  commits: number;
  additions: number;
  deletions: number;
  changedFiles: number;
}

export function pullJson(
  ctx: SandboxContext,
  repo: RepoState,
  issue: IssueRecord & { pull: PullFields },
  defaultBranch: string,
  details: PullDetails,
): PullJson {
  const simple = pullSimpleJson(ctx, repo, issue, defaultBranch);
  const { pull } = issue;
  const mergeableState =
    issue.state !== "open" || details.mergeable === null
      ? "unknown"
      : pull.draft
        ? "draft"
        : details.mergeable
          ? "clean"
          : "dirty";
  return {
    ...simple,
    state: issue.state,
    user: simpleUser(ctx, issue.user),
    labels: labelsOf(ctx, repo, issue),
    requested_teams: simple.requested_teams?.map(({ parent: _parent, ...team }) => team),
    head: { ...simple.head, user: simpleUser(ctx, ctx.auth.account(repo.owner)) },
    base: { ...simple.base, user: simpleUser(ctx, ctx.auth.account(repo.owner)) },
    merged: pull.merged,
    mergeable: details.mergeable,
    rebaseable: details.mergeable,
    mergeable_state: mergeableState,
    merged_by: pull.mergedBy ? simpleUser(ctx, pull.mergedBy) : null,
    comments: issue.comments.length,
    review_comments: 0,
    maintainer_can_modify: pull.maintainerCanModify,
    commits: details.commits,
    additions: details.additions,
    deletions: details.deletions,
    changed_files: details.changedFiles,
  };
}
