/**
 * `enablePullRequestAutoMerge` and `disablePullRequestAutoMerge`. GitHub only enables
 * auto-merge on a pull request that is waiting for something (BLOCKED by a required check,
 * or BEHIND): one that could merge now is refused with "Pull request Pull request is in
 * clean status" (or "unstable status"), a conflicting one with "dirty status", and a
 * repository whose allow_auto_merge is off with "Auto merge is not allowed for this
 * repository" — each as HTTP 200 with `errors`, GitHub's doubled "Pull request" included.
 */
import { mergeStateStatus } from "../merge-state.js";
import { actingUser, nowIso } from "../context.js";
import type { PullIssue } from "../pull-merge.js";
import { refreshPull } from "../pull-merge.js";
import type { MergeMethod } from "../state.js";
import { checkAccess, type GraphqlContext } from "./access.js";
import { TypedError } from "./errors.js";
import { decodeNodeId } from "./node-ids.js";
import { pullRequestObject, userObject } from "./objects.js";

export interface EnableAutoMergeInput {
  pullRequestId: string;
  mergeMethod?: "MERGE" | "SQUASH" | "REBASE" | null;
  commitHeadline?: string | null;
  commitBody?: string | null;
  expectedHeadOid?: string | null;
  clientMutationId?: string | null;
}

function pullFor(context: GraphqlContext, id: string) {
  const node = decodeNodeId(context.ctx, id);
  const issue = node?.type === "PullRequest" ? node.repo.issues.get(node.number) : undefined;
  if (!node || !issue?.pull) {
    // GitHub's wording; open-pr retries it, because it is also what a just-created PR can answer.
    throw new TypedError("NOT_FOUND", `Could not resolve to a node with the global id of '${id}'.`);
  }
  checkAccess(context, node.repo, ["pull_requests"], "write");
  return { repo: node.repo, issue: issue as PullIssue };
}

export async function enablePullRequestAutoMerge(
  context: GraphqlContext,
  input: EnableAutoMergeInput,
) {
  const { ctx, principal } = context;
  const { repo, issue } = pullFor(context, input.pullRequestId);
  const user = actingUser(ctx, principal);
  return repo.lock.run(async () => {
    if (issue.pull.merged) throw new TypedError("UNPROCESSABLE", "Pull request is already merged");
    if (issue.state !== "open") throw new TypedError("UNPROCESSABLE", "Pull request is closed");
    await refreshPull(repo, issue);
    if (input.expectedHeadOid && input.expectedHeadOid !== issue.pull.headSha) {
      throw new TypedError(
        "UNPROCESSABLE",
        "Head branch was modified. Review and try the merge again.",
      );
    }
    if (!repo.settings.allowAutoMerge) {
      throw new TypedError(
        "UNPROCESSABLE",
        "Pull request Auto merge is not allowed for this repository",
      );
    }
    const state = await mergeStateStatus(repo, issue);
    if (state !== "BLOCKED" && state !== "BEHIND") {
      throw new TypedError(
        "UNPROCESSABLE",
        `Pull request Pull request is in ${state.toLowerCase()} status`,
      );
    }
    issue.pull.autoMerge = {
      enabledBy: user,
      method: (input.mergeMethod ?? "MERGE").toLowerCase() as MergeMethod,
      commitTitle: input.commitHeadline ?? "",
      commitMessage: input.commitBody ?? "",
    };
    issue.updatedAt = nowIso(ctx);
    return {
      actor: userObject(user),
      clientMutationId: input.clientMutationId ?? null,
      pullRequest: pullRequestObject(ctx, repo, issue),
    };
  });
}

export async function disablePullRequestAutoMerge(
  context: GraphqlContext,
  input: { pullRequestId: string; clientMutationId?: string | null },
) {
  const { ctx, principal } = context;
  const { repo, issue } = pullFor(context, input.pullRequestId);
  return repo.lock.run(async () => {
    issue.pull.autoMerge = null;
    issue.updatedAt = nowIso(ctx);
    return {
      actor: userObject(actingUser(ctx, principal)),
      clientMutationId: input.clientMutationId ?? null,
      pullRequest: pullRequestObject(ctx, repo, issue),
    };
  });
}
