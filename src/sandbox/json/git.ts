/** Git Data API objects (commits, trees, blobs, refs) and the REST `commit` object. */
import type { components } from "@octokit/openapi-types";
import type { SandboxContext } from "../context.js";
import type { FileChange, GitCommitObject, GitIdent, RefEntry, TreeEntry } from "../git-store.js";
import type { RepoState } from "../state.js";
import { isoTime } from "../state.js";

export type GitCommitJson = components["schemas"]["git-commit"];
export type GitRefJson = components["schemas"]["git-ref"];
export type GitTreeJson = components["schemas"]["git-tree"];
export type BlobJson = components["schemas"]["blob"];
export type ShortBlobJson = components["schemas"]["short-blob"];
export type CommitJson = components["schemas"]["commit"];
export type Verification = components["schemas"]["verification"];
export type DiffEntryJson = components["schemas"]["diff-entry"];

/** Node ids name the repository, so GraphQL `node(id:)` can find the object again. */
export function commitNodeId(repo: RepoState, sha: string): string {
  return Buffer.from(`06:Commit${repo.id}:${sha}`).toString("base64");
}

export function refNodeId(repo: RepoState, fullRefName: string): string {
  return Buffer.from(`03:Ref${repo.id}:${fullRefName}`).toString("base64");
}

export function identDate(ident: GitIdent): string {
  return isoTime(new Date(ident.time * 1000));
}

function gitUser(ident: GitIdent) {
  return { name: ident.name, email: ident.email, date: identDate(ident) };
}

export function apiBase(ctx: SandboxContext, repo: RepoState): string {
  return `${ctx.url}/repos/${repo.fullName}`;
}

export function htmlBase(ctx: SandboxContext, repo: RepoState): string {
  return `${ctx.url}/${repo.fullName}`;
}

/**
 * GitHub signs the commits it creates for API callers and reports them verified; the
 * sandbox remembers which commits it created instead of signing them.
 */
export function verificationOf(repo: RepoState, commit: GitCommitObject): Verification {
  if (repo.apiCommits.has(commit.sha)) {
    return {
      verified: true,
      reason: "valid",
      signature: null,
      payload: null,
      verified_at: identDate(commit.committer),
    };
  }
  return {
    verified: false,
    reason: commit.signature ? "unknown_key" : "unsigned",
    signature: commit.signature ?? null,
    payload: null,
    verified_at: null,
  };
}

export function gitCommitJson(
  ctx: SandboxContext,
  repo: RepoState,
  commit: GitCommitObject,
): GitCommitJson {
  const api = apiBase(ctx, repo);
  return {
    sha: commit.sha,
    node_id: commitNodeId(repo, commit.sha),
    url: `${api}/git/commits/${commit.sha}`,
    html_url: `${htmlBase(ctx, repo)}/commit/${commit.sha}`,
    author: gitUser(commit.author),
    committer: gitUser(commit.committer),
    message: commit.message,
    tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${api}/git/commits/${sha}`,
      html_url: `${htmlBase(ctx, repo)}/commit/${sha}`,
    })),
    verification: verificationOf(repo, commit),
  };
}

/** The REST `commit` object (commits list, branches); authors are matched to sandbox users by email. */
export function commitJson(
  ctx: SandboxContext,
  repo: RepoState,
  commit: GitCommitObject,
): CommitJson {
  const api = apiBase(ctx, repo);
  const html = htmlBase(ctx, repo);
  return {
    sha: commit.sha,
    node_id: commitNodeId(repo, commit.sha),
    url: `${api}/commits/${commit.sha}`,
    html_url: `${html}/commit/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${commit.sha}`,
      author: gitUser(commit.author),
      committer: gitUser(commit.committer),
      message: commit.message.replace(/\n$/, ""),
      comment_count: 0,
      tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
      verification: verificationOf(repo, commit),
    },
    author: null,
    committer: null,
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${api}/commits/${sha}`,
      html_url: `${html}/commit/${sha}`,
    })),
  };
}

export function gitRefJson(ctx: SandboxContext, repo: RepoState, ref: RefEntry): GitRefJson {
  const api = apiBase(ctx, repo);
  const kind = ref.type === "tag" ? "tags" : `${ref.type}s`;
  return {
    ref: ref.name,
    node_id: refNodeId(repo, ref.name),
    url: `${api}/git/${ref.name}`,
    object: { type: ref.type, sha: ref.sha, url: `${api}/git/${kind}/${ref.sha}` },
  };
}

export function gitTreeJson(
  ctx: SandboxContext,
  repo: RepoState,
  sha: string,
  entries: TreeEntry[],
): GitTreeJson {
  const api = apiBase(ctx, repo);
  return {
    sha,
    url: `${api}/git/trees/${sha}`,
    truncated: false,
    tree: entries.map((e) => ({
      path: e.path,
      mode: e.mode,
      type: e.type,
      sha: e.sha,
      ...(e.size !== undefined ? { size: e.size } : {}),
      ...(e.type === "commit" ? {} : { url: `${api}/git/${e.type}s/${e.sha}` }),
    })),
  };
}

/** A file changed by a commit or a pull request, its links pointing at the file as of `sha`. */
export function diffEntryJson(
  ctx: SandboxContext,
  repo: RepoState,
  change: FileChange,
  sha: string,
): DiffEntryJson {
  const html = htmlBase(ctx, repo);
  return {
    sha: change.sha,
    filename: change.path,
    status: change.status,
    additions: change.additions,
    deletions: change.deletions,
    changes: change.additions + change.deletions,
    blob_url: `${html}/blob/${sha}/${change.path}`,
    raw_url: `${html}/raw/${sha}/${change.path}`,
    contents_url: `${apiBase(ctx, repo)}/contents/${change.path}?ref=${sha}`,
  };
}

/** Base64 with a line break every 60 characters, as GitHub sends file contents. */
export function wrappedBase64(data: Buffer): string {
  return (data.toString("base64").match(/.{1,60}/g) ?? []).map((l) => `${l}\n`).join("");
}
