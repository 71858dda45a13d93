/**
 * `createCommitOnBranch`: one commit on a branch, only if the branch still points at
 * `expectedHeadOid` (compare-and-swap), authored by the caller and committed by GitHub as a
 * web commit — which GitHub signs, so the sandbox reports it verified. The tree is the head's
 * tree with the file changes applied; only the directories on the changed paths are read.
 */
import { settleAutoMerges } from "../auto-merge.js";
import { actingUser, WEB_FLOW } from "../context.js";
import type { GitIdent } from "../git-store.js";
import type { RepoState } from "../state.js";
import { checkDirectWrite } from "../merge-state.js";
import { buildTree, validTreePath, type TreeChange } from "../tree-builder.js";
import { repositoryFor, checkAccess, type GraphqlContext } from "./access.js";
import { TypedError } from "./errors.js";
import { decodeNodeId } from "./node-ids.js";
import { commitObject, refObject } from "./objects.js";

export interface CreateCommitOnBranchInput {
  branch: {
    branchName?: string | null;
    id?: string | null;
    repositoryNameWithOwner?: string | null;
  };
  clientMutationId?: string | null;
  expectedHeadOid: string;
  fileChanges?: {
    additions?: { path: string; contents: string }[] | null;
    deletions?: { path: string }[] | null;
  } | null;
  message: { headline: string; body?: string | null };
}

/** RFC 4648 base64 with its padding, which GitHub requires of `contents`. */
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function targetBranch(
  context: GraphqlContext,
  input: CreateCommitOnBranchInput,
): { repo: RepoState; branch: string } {
  const { branch } = input;
  if (branch.id) {
    const node = decodeNodeId(context.ctx, branch.id);
    if (node?.type !== "Ref" || !node.name.startsWith("refs/heads/")) {
      throw new TypedError(
        "NOT_FOUND",
        `Could not resolve to a node with the global id of '${branch.id}'.`,
      );
    }
    checkAccess(context, node.repo, ["contents"], "write");
    return { repo: node.repo, branch: node.name.slice("refs/heads/".length) };
  }
  if (!branch.repositoryNameWithOwner || !branch.branchName) {
    throw new TypedError(
      "UNPROCESSABLE",
      "Either branch.id or both branch.repositoryNameWithOwner and branch.branchName must be given.",
    );
  }
  const repo = repositoryFor(context, branch.repositoryNameWithOwner, ["contents"], "write");
  return { repo, branch: branch.branchName.replace(/^refs\/heads\//, "") };
}

function checkPaths(input: CreateCommitOnBranchInput): void {
  const paths = [
    ...(input.fileChanges?.additions ?? []).map((a) => a.path),
    ...(input.fileChanges?.deletions ?? []).map((d) => d.path),
  ];
  const seen = new Set<string>();
  for (const path of paths) {
    if (!validTreePath(path)) throw new TypedError("UNPROCESSABLE", `Invalid path: "${path}".`);
    if (seen.has(path)) {
      throw new TypedError(
        "UNPROCESSABLE",
        `The path "${path}" was given more than once in fileChanges.`,
      );
    }
    seen.add(path);
  }
  for (const addition of input.fileChanges?.additions ?? []) {
    if (!STRICT_BASE64.test(addition.contents)) {
      throw new TypedError(
        "UNPROCESSABLE",
        `The contents of "${addition.path}" are not valid base64.`,
      );
    }
  }
}

async function fileChanges(
  repo: RepoState,
  head: string,
  input: CreateCommitOnBranchInput,
): Promise<TreeChange[]> {
  const changes: TreeChange[] = [];
  for (const deletion of input.fileChanges?.deletions ?? []) {
    if (!(await repo.git.entryAt(head, deletion.path))) {
      throw new TypedError(
        "UNPROCESSABLE",
        `A path was requested for deletion which does not exist as of commit oid \`${head}\`.`,
      );
    }
    changes.push({ path: deletion.path, mode: "100644", type: "blob", sha: null });
  }
  for (const addition of input.fileChanges?.additions ?? []) {
    const sha = await repo.git.writeBlob(Buffer.from(addition.contents, "base64"));
    changes.push({ path: addition.path, mode: "100644", type: "blob", sha });
  }
  return changes;
}

function messageOf(input: CreateCommitOnBranchInput): string {
  const body = input.message.body?.trim();
  return body ? `${input.message.headline}\n\n${body}` : input.message.headline;
}

export async function createCommitOnBranch(
  context: GraphqlContext,
  input: CreateCommitOnBranchInput,
) {
  const { ctx } = context;
  const { repo, branch } = targetBranch(context, input);
  checkPaths(input);
  const refName = `refs/heads/${branch}`;
  const author = actingUser(ctx, context.principal);
  return repo.lock.run(async () => {
    const current = await repo.git.readRef(refName);
    if (!current) {
      throw new TypedError("NOT_FOUND", `Could not resolve to a Ref with the name '${refName}'.`);
    }
    if (current.sha !== input.expectedHeadOid) {
      // GitHub's message, double space included; clients match on the type or this text.
      throw new TypedError(
        "STALE_DATA",
        `Expected branch to point to "${input.expectedHeadOid}" but it did not.  Pull and try again.`,
      );
    }
    // A new commit carries no statuses yet, so a required check refuses it whatever it holds.
    const refused = checkDirectWrite(repo, branch, "", context.principal);
    if (refused) {
      throw new TypedError(
        "UNPROCESSABLE",
        `protected branch '${branch}' check failed:\n  ${refused}`,
      );
    }
    const parent = await repo.git.readCommit(current.sha);
    const tree = await buildTree(
      repo.git,
      parent.tree,
      await fileChanges(repo, current.sha, input),
    );
    const time = Math.floor(ctx.now().getTime() / 1000);
    const ident = (who: { name: string; email: string }): GitIdent => ({
      ...who,
      time,
      tz: "+0000",
    });
    const sha = await repo.git.createCommit({
      tree,
      parents: [current.sha],
      author: ident(author),
      committer: ident(WEB_FLOW),
      message: messageOf(input),
    });
    if (!(await repo.git.compareAndSwapRef(refName, sha, current.sha))) {
      throw new TypedError(
        "STALE_DATA",
        `Expected branch to point to "${input.expectedHeadOid}" but it did not.  Pull and try again.`,
      );
    }
    repo.apiCommits.add(sha);
    await settleAutoMerges(ctx, repo);
    return {
      clientMutationId: input.clientMutationId ?? null,
      commit: commitObject(ctx, repo, sha),
      ref: refObject(ctx, repo, refName, sha),
    };
  });
}
