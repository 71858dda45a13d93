/**
 * Auto-merge: GitHub merges a pull request with auto-merge enabled as soon as its base's
 * requirements are met (required status checks pass, no conflict): checked again after
 * every write that moves a branch or reports a commit status. Callers hold the repository lock.
 */
import type { SandboxContext } from "./context.js";
import { GitHubError } from "./errors.js";
import { mergeStateStatus } from "./merge-state.js";
import { mergePull, refreshPull, type PullIssue } from "./pull-merge.js";
import type { RepoState } from "./state.js";

/** Tries to merge one pull request with auto-merge on; true when it merged. */
export async function mergeIfReady(
  ctx: SandboxContext,
  repo: RepoState,
  issue: PullIssue,
): Promise<boolean> {
  const auto = issue.pull.autoMerge;
  if (!auto || issue.state !== "open" || issue.pull.draft) return false;
  await refreshPull(repo, issue);
  const state = await mergeStateStatus(repo, issue);
  if (state !== "CLEAN" && state !== "UNSTABLE") return false;
  try {
    await mergePull(ctx, repo, issue, {
      method: auto.method,
      merger: auto.enabledBy,
      ...(auto.commitTitle ? { commitTitle: auto.commitTitle } : {}),
      ...(auto.commitMessage ? { commitMessage: auto.commitMessage } : {}),
    });
    return true;
  } catch (error) {
    // Not mergeable yet (a conflict): auto-merge stays on and waits, as on GitHub.
    if (error instanceof GitHubError && (error.status === 405 || error.status === 409)) {
      return false;
    }
    throw error;
  }
}

/** Merges every pull request whose auto-merge can now go through. */
export async function settleAutoMerges(ctx: SandboxContext, repo: RepoState): Promise<void> {
  for (const issue of repo.pulls()) {
    if (issue.pull.autoMerge && issue.state === "open") await mergeIfReady(ctx, repo, issue);
  }
}
