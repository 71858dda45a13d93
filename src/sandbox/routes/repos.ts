/** Reading a repository: the repository itself, files, branches and commit history. */
import type { components } from "@octokit/openapi-types";
import type { SandboxContext } from "../context.js";
import { GitHubError, notFound } from "../errors.js";
import type { TreeEntry } from "../git-store.js";
import { apiBase, commitJson, diffEntryJson, htmlBase, wrappedBase64 } from "../json/git.js";
import { fullRepositoryJson } from "../json/repository.js";
import { linkHeader } from "../pagination.js";
import { repoRoute, type RepoRouteRequest, type Route, type RouteResult } from "../router.js";
import type { RepoState } from "../state.js";
import { pageParams } from "../validate.js";

type ContentItem = components["schemas"]["content-directory"][number];
type ContentFile = components["schemas"]["content-file"];

const READ: ["contents"] = ["contents"];
/**
 * Above 1 MB the contents API no longer inlines a file: GitHub answers `content: ""` and
 * `encoding: "none"`, and the bytes come from the raw media type or the blob API.
 */
const INLINE_LIMIT = 1024 * 1024;
const META: ["metadata"] = ["metadata"];

function contentType(entry: TreeEntry): ContentItem["type"] {
  if (entry.type === "tree") return "dir";
  if (entry.type === "commit") return "submodule";
  return entry.mode === "120000" ? "symlink" : "file";
}

function contentItem(
  ctx: SandboxContext,
  repo: RepoState,
  entry: TreeEntry,
  ref: string,
): ContentItem {
  const api = apiBase(ctx, repo);
  const type = contentType(entry);
  const self = `${api}/contents/${entry.path}?ref=${encodeURIComponent(ref)}`;
  const gitUrl = type === "dir" ? `${api}/git/trees/${entry.sha}` : `${api}/git/blobs/${entry.sha}`;
  const html = `${htmlBase(ctx, repo)}/${type === "dir" ? "tree" : "blob"}/${ref}/${entry.path}`;
  return {
    type,
    size: entry.size ?? 0,
    name: entry.path.split("/").pop() ?? entry.path,
    path: entry.path,
    sha: entry.sha,
    url: self,
    git_url: gitUrl,
    html_url: html,
    download_url: type === "file" ? `${ctx.url}/raw/${repo.fullName}/${ref}/${entry.path}` : null,
    _links: { self, git: gitUrl, html },
  };
}

/** The commit a `ref` query names (default branch when absent), or GitHub's 404. */
async function commitForRef(
  repo: RepoState,
  ref: string | null,
): Promise<{ sha: string; ref: string }> {
  const name = ref ?? (await repo.git.defaultBranch());
  const sha = await repo.git.resolveCommit(name);
  if (!sha) throw new GitHubError(404, `No commit found for the ref ${name}`);
  return { sha, ref: name };
}

async function getContents({ ctx, repo, params, query, headers }: RepoRouteRequest) {
  const { sha: commit, ref } = await commitForRef(repo, query.get("ref"));
  const path = (params["path"] ?? "").replace(/^\/+|\/+$/g, "");
  const entry: TreeEntry | undefined = path
    ? await repo.git.entryAt(commit, path)
    : { mode: "040000", type: "tree", sha: (await repo.git.readCommit(commit)).tree, path: "" };
  if (!entry) throw notFound();
  if (entry.type === "tree") {
    const children = await repo.git.readTree(entry.sha);
    const prefix = path ? `${path}/` : "";
    const listing: components["schemas"]["content-directory"] = children.map((child) =>
      contentItem(ctx, repo, { ...child, path: prefix + child.path }, ref),
    );
    return { status: 200, body: listing };
  }
  const data = entry.type === "blob" ? await repo.git.readBlob(entry.sha) : Buffer.alloc(0);
  if (/vnd\.github(\.v3)?\.raw/.test(String(headers["accept"] ?? ""))) {
    return { status: 200, raw: { data, contentType: "application/vnd.github.raw; charset=utf-8" } };
  }
  const item = contentItem(ctx, repo, { ...entry, size: entry.size ?? data.length }, ref);
  const inline = data.length <= INLINE_LIMIT;
  const file: ContentFile = {
    ...item,
    type: "file",
    encoding: inline ? "base64" : "none",
    content: inline ? wrappedBase64(data) : "",
  };
  if (item.type === "symlink") {
    return { status: 200, body: { ...item, target: data.toString("utf8") } };
  }
  if (item.type === "submodule") return { status: 200, body: item };
  return { status: 200, body: file };
}

async function getBranch({ ctx, repo, params }: RepoRouteRequest) {
  const name = params["branch"] ?? "";
  const ref = await repo.git.readRef(`refs/heads/${name}`);
  if (!ref) throw new GitHubError(404, "Branch not found");
  const commit = await repo.git.readCommit(ref.sha);
  const api = apiBase(ctx, repo);
  const branch: components["schemas"]["branch-with-protection"] = {
    name,
    commit: commitJson(ctx, repo, commit),
    _links: { self: `${api}/branches/${name}`, html: `${htmlBase(ctx, repo)}/tree/${name}` },
    protected: false,
    protection: {
      enabled: false,
      required_status_checks: { enforcement_level: "off", contexts: [], checks: [] },
    },
    protection_url: `${api}/branches/${name}/protection`,
  };
  return { status: 200, body: branch };
}

async function listCommits({ ctx, repo, query }: RepoRouteRequest): Promise<RouteResult> {
  const from = query.get("sha") ?? (await repo.git.defaultBranch());
  const sha = await repo.git.resolveCommit(from);
  if (!sha) {
    if ((await repo.git.listRefs()).length === 0)
      throw new GitHubError(409, "Git Repository is empty.");
    throw new GitHubError(404, `No commit found for SHA: ${from}`);
  }
  const path = query.get("path")?.replace(/^\/+|\/+$/g, "") || undefined;
  const { perPage, page } = pageParams(query);
  const shas = await repo.git.revList({
    from: sha,
    path,
    skip: (page - 1) * perPage,
    max: perPage,
  });
  const commits = await Promise.all(shas.map((s) => repo.git.readCommit(s)));
  const total = await repo.git.countCommits(sha, path);
  const link = linkHeader(`${apiBase(ctx, repo)}/commits`, query, page, perPage, total);
  return {
    status: 200,
    body: commits.map((c) => commitJson(ctx, repo, c)),
    headers: link ? { link } : {},
  };
}

async function getCommit({ ctx, repo, params }: RepoRouteRequest) {
  const ref = params["ref"] ?? "";
  const sha = await repo.git.resolveCommit(ref);
  if (!sha) throw new GitHubError(422, `No commit found for SHA: ${ref}`);
  const commit = await repo.git.readCommit(sha);
  const changes = await repo.git.fileChanges(commit.parents[0], sha);
  const files = changes.map((f) => diffEntryJson(ctx, repo, f, sha));
  const additions = files.reduce((n, f) => n + f.additions, 0);
  const deletions = files.reduce((n, f) => n + f.deletions, 0);
  return {
    status: 200,
    body: {
      ...commitJson(ctx, repo, commit),
      stats: { additions, deletions, total: additions + deletions },
      files,
    },
  };
}

async function getRepository({ ctx, repo }: RepoRouteRequest) {
  return { status: 200, body: fullRepositoryJson(ctx, repo, await repo.git.defaultBranch()) };
}

export const repoReadRoutes: Route[] = [
  repoRoute(
    "GET",
    "/repos/{owner}/{repo}",
    "repos/repos#get-a-repository",
    META,
    "read",
    getRepository,
  ),
  repoRoute(
    "GET",
    "/repos/{owner}/{repo}/contents",
    "repos/contents#get-repository-content",
    READ,
    "read",
    getContents,
  ),
  repoRoute(
    "GET",
    "/repos/{owner}/{repo}/contents/{path+}",
    "repos/contents#get-repository-content",
    READ,
    "read",
    getContents,
  ),
  repoRoute(
    "GET",
    "/repos/{owner}/{repo}/branches/{branch+}",
    "branches/branches#get-a-branch",
    READ,
    "read",
    getBranch,
  ),
  repoRoute(
    "GET",
    "/repos/{owner}/{repo}/commits",
    "commits/commits#list-commits",
    READ,
    "read",
    listCommits,
  ),
  repoRoute(
    "GET",
    "/repos/{owner}/{repo}/commits/{ref+}",
    "commits/commits#get-a-commit",
    READ,
    "read",
    getCommit,
  ),
];
