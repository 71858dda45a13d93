/** repository and full-repository objects. */
import type { components } from "@octokit/openapi-types";
import type { SandboxContext } from "../context.js";
import type { RepoState } from "../state.js";
import { nodeId, simpleUser } from "./users.js";

export type RepositoryJson = components["schemas"]["repository"];
export type FullRepositoryJson = components["schemas"]["full-repository"];

function repoUrls(ctx: SandboxContext, repo: RepoState) {
  const api = `${ctx.url}/repos/${repo.fullName}`;
  return {
    url: api,
    html_url: `${ctx.url}/${repo.fullName}`,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `${ctx.url.replace(/^https?/, "git")}/${repo.fullName}.git`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@127.0.0.1:${repo.fullName}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${ctx.url}/${repo.fullName}.git`,
    hooks_url: `${api}/hooks`,
    svn_url: `${ctx.url}/${repo.fullName}`,
  };
}

export function repositoryJson(
  ctx: SandboxContext,
  repo: RepoState,
  defaultBranch: string,
): RepositoryJson {
  const openIssues = [...repo.issues.values()].filter((i) => i.state === "open").length;
  return {
    id: repo.id,
    node_id: nodeId("Repository", repo.id),
    name: repo.name,
    full_name: repo.fullName,
    owner: simpleUser(ctx, ctx.auth.account(repo.owner)),
    private: true,
    visibility: "private",
    description: null,
    fork: false,
    ...repoUrls(ctx, repo),
    mirror_url: null,
    homepage: null,
    language: null,
    license: null,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 0,
    default_branch: defaultBranch,
    open_issues_count: openIssues,
    open_issues: openIssues,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: false,
    archived: false,
    disabled: false,
    pushed_at: repo.createdAt,
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    permissions: { admin: true, maintain: true, push: true, triage: true, pull: true },
    allow_rebase_merge: repo.settings.allowRebaseMerge,
    allow_squash_merge: repo.settings.allowSquashMerge,
    allow_merge_commit: repo.settings.allowMergeCommit,
    allow_auto_merge: repo.settings.allowAutoMerge,
    delete_branch_on_merge: false,
  };
}

export function fullRepositoryJson(
  ctx: SandboxContext,
  repo: RepoState,
  defaultBranch: string,
): FullRepositoryJson {
  const base = repositoryJson(ctx, repo, defaultBranch);
  return {
    ...base,
    pushed_at: repo.createdAt,
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    has_discussions: false,
    subscribers_count: 0,
    network_count: 0,
    allow_forking: false,
    allow_update_branch: false,
    use_squash_pr_title_as_default: false,
    web_commit_signoff_required: false,
    temp_clone_token: "",
  };
}
