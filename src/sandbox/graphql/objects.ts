/**
 * GraphQL objects over the sandbox's state. Fields that cost a git call are functions, which
 * graphql-js calls only when the query selects them, so a mutation that asks for
 * `commit { oid }` runs no extra git.
 */
import type { SandboxContext } from "../context.js";
import type { GitCommitObject } from "../git-store.js";
import { commitNodeId, htmlBase, identDate, refNodeId, verificationOf } from "../json/git.js";
import { pullNodeId } from "../json/issues.js";
import { nodeId } from "../json/users.js";
import { isMergeable, refreshPull, type PullIssue } from "../pull-merge.js";
import type { RepoState, User } from "../state.js";
import { treeNodeId } from "./node-ids.js";

export function userObject(user: User) {
  return {
    __typename: "User",
    id: nodeId(user.type, user.id),
    login: user.login,
    name: user.name,
    email: user.type === "Bot" ? "" : user.email,
  };
}

function memo<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= load());
}

function actor(ident: GitCommitObject["author"]) {
  return { name: ident.name, email: ident.email, date: identDate(ident) };
}

function limit<T>(items: T[], first: number | null | undefined): T[] {
  return first === undefined || first === null ? items : items.slice(0, Math.max(0, first));
}

export function commitObject(ctx: SandboxContext, repo: RepoState, sha: string) {
  const read = memo(() => repo.git.readCommit(sha));
  const message = async () => (await read()).message.replace(/\n+$/, "");
  return {
    __typename: "Commit",
    id: commitNodeId(repo, sha),
    oid: sha,
    abbreviatedOid: sha.slice(0, 7),
    url: `${htmlBase(ctx, repo)}/commit/${sha}`,
    message,
    messageHeadline: async () => (await message()).split("\n")[0] ?? "",
    messageBody: async () => (await message()).split("\n").slice(1).join("\n").replace(/^\n+/, ""),
    authoredDate: async () => identDate((await read()).author),
    committedDate: async () => identDate((await read()).committer),
    author: async () => actor((await read()).author),
    committer: async () => actor((await read()).committer),
    signature: async () => {
      const verification = verificationOf(repo, await read());
      if (!verification.verified && verification.reason === "unsigned") return null;
      return {
        isValid: verification.verified,
        state: verification.verified ? "VALID" : "UNKNOWN_KEY",
        wasSignedByGitHub: verification.verified,
      };
    },
    tree: async () => {
      const tree = (await read()).tree;
      return { __typename: "Tree", id: treeNodeId(repo, tree), oid: tree };
    },
    parents: async ({ first }: { first?: number | null }) => {
      const parents = (await read()).parents;
      return {
        totalCount: parents.length,
        nodes: limit(parents, first).map((p) => commitObject(ctx, repo, p)),
      };
    },
    history: async ({ first, path }: { first?: number | null; path?: string | null }) => {
      const pathFilter = path ?? undefined;
      const shas = await repo.git.revList({
        from: sha,
        ...(pathFilter ? { path: pathFilter } : {}),
        ...(first !== undefined && first !== null ? { max: first } : {}),
      });
      return {
        totalCount: async () => repo.git.countCommits(sha, pathFilter),
        nodes: shas.map((s) => commitObject(ctx, repo, s)),
      };
    },
  };
}

export function refObject(ctx: SandboxContext, repo: RepoState, fullName: string, sha: string) {
  const prefix = /^refs\/[^/]+\//.exec(fullName)?.[0] ?? "refs/";
  return {
    __typename: "Ref",
    id: refNodeId(repo, fullName),
    name: fullName.slice(prefix.length),
    prefix,
    repository: () => repositoryObject(ctx, repo),
    target: () => commitObject(ctx, repo, sha),
  };
}

/** `main`, `refs/heads/main` and `heads/main` all name the branch, as on GitHub. */
async function refByName(ctx: SandboxContext, repo: RepoState, qualifiedName: string) {
  const candidates = qualifiedName.startsWith("refs/")
    ? [qualifiedName]
    : [`refs/${qualifiedName}`, `refs/heads/${qualifiedName}`, `refs/tags/${qualifiedName}`];
  const refs = await repo.git.listRefs();
  for (const name of candidates) {
    const ref = refs.find((r) => r.name === name);
    if (ref) return refObject(ctx, repo, ref.name, ref.sha);
  }
  return null;
}

type PullState = "OPEN" | "CLOSED" | "MERGED";

function pullState(issue: PullIssue): PullState {
  return issue.pull.merged ? "MERGED" : issue.state === "open" ? "OPEN" : "CLOSED";
}

export function pullRequestObject(ctx: SandboxContext, repo: RepoState, issue: PullIssue) {
  const fresh = memo(() => refreshPull(repo, issue).then(() => issue.pull));
  return {
    __typename: "PullRequest",
    id: pullNodeId(repo, issue.number),
    number: issue.number,
    title: issue.title,
    body: issue.body ?? "",
    url: `${htmlBase(ctx, repo)}/pull/${issue.number}`,
    state: pullState(issue),
    closed: issue.state === "closed",
    merged: issue.pull.merged,
    mergedAt: issue.pull.mergedAt,
    isDraft: issue.pull.draft,
    createdAt: issue.createdAt,
    headRefName: issue.pull.head,
    headRefOid: async () => (await fresh()).headSha,
    baseRefName: issue.pull.base,
    baseRefOid: async () => (await fresh()).baseSha,
    mergeable: async () => {
      if (issue.state !== "open") return "UNKNOWN";
      const pull = await fresh();
      return (await isMergeable(repo, pull.baseSha, pull.headSha)) ? "MERGEABLE" : "CONFLICTING";
    },
    mergeCommit: () =>
      issue.pull.mergeCommitSha ? commitObject(ctx, repo, issue.pull.mergeCommitSha) : null,
    autoMergeRequest: () => {
      const auto = issue.pull.autoMerge;
      if (!auto) return null;
      return {
        commitHeadline: auto.commitTitle,
        commitBody: auto.commitMessage,
        enabledBy: userObject(auto.enabledBy),
        mergeMethod: auto.method.toUpperCase(),
        pullRequest: () => pullRequestObject(ctx, repo, issue),
      };
    },
    repository: () => repositoryObject(ctx, repo),
  };
}

interface PullFilter {
  states?: PullState[] | null;
  headRefName?: string | null;
  baseRefName?: string | null;
  first?: number | null;
}

export function repositoryObject(ctx: SandboxContext, repo: RepoState) {
  return {
    __typename: "Repository",
    id: nodeId("Repository", repo.id),
    name: repo.name,
    nameWithOwner: repo.fullName,
    owner: () => userObject(ctx.auth.account(repo.owner)),
    url: htmlBase(ctx, repo),
    isPrivate: true,
    autoMergeAllowed: true,
    defaultBranchRef: async () =>
      refByName(ctx, repo, `refs/heads/${await repo.git.defaultBranch()}`),
    ref: ({ qualifiedName }: { qualifiedName: string }) => refByName(ctx, repo, qualifiedName),
    object: async ({ oid, expression }: { oid?: string | null; expression?: string | null }) => {
      const sha = await repo.git.resolveCommit(oid ?? expression ?? "");
      return sha ? commitObject(ctx, repo, sha) : null;
    },
    pullRequest: ({ number }: { number: number }) => {
      const issue = repo.issues.get(number);
      return issue?.pull ? pullRequestObject(ctx, repo, issue as PullIssue) : null;
    },
    pullRequests: (filter: PullFilter) => {
      const matching = repo
        .pulls()
        .filter((p) => !filter.states || filter.states.includes(pullState(p)))
        .filter((p) => !filter.headRefName || p.pull.head === filter.headRefName)
        .filter((p) => !filter.baseRefName || p.pull.base === filter.baseRefName);
      return {
        totalCount: matching.length,
        nodes: limit(matching, filter.first).map((p) => pullRequestObject(ctx, repo, p)),
      };
    },
  };
}
