/**
 * What branch protection and commit statuses make of a pull request: GitHub's
 * `mergeStateStatus` (CLEAN, UNSTABLE, BLOCKED, BEHIND, DIRTY, DRAFT), and the sentences
 * GitHub answers with when a merge or a direct write does not satisfy the base's protection.
 * The sandbox has no reviews, so a rule that requires approvals is never satisfied.
 */
import type { Principal } from "./auth/store.js";
import { GitHubError } from "./errors.js";
import { isMergeable, type PullIssue } from "./pull-merge.js";
import type {
  BranchProtection,
  CommitStatusRecord,
  CommitStatusState,
  RepoState,
} from "./state.js";

export type MergeStateStatus = "BEHIND" | "BLOCKED" | "CLEAN" | "DIRTY" | "DRAFT" | "UNSTABLE";

export const PROTECTED_BRANCHES_DOCS = "https://docs.github.com/articles/about-protected-branches";

/** The newest status of each context on a commit. */
export function latestStatuses(repo: RepoState, sha: string): Map<string, CommitStatusRecord> {
  const latest = new Map<string, CommitStatusRecord>();
  for (const status of repo.statuses.get(sha) ?? []) latest.set(status.context, status);
  return latest;
}

/** GitHub's combined state: failure wins over pending, pending over success. */
export function combinedState(statuses: Iterable<CommitStatusRecord>): CommitStatusState {
  let state: CommitStatusState = "success";
  let any = false;
  for (const status of statuses) {
    any = true;
    if (status.state === "failure" || status.state === "error") return "failure";
    if (status.state === "pending") state = "pending";
  }
  return any ? state : "pending";
}

/** Why the required status checks do not let `sha` onto a protected branch, in GitHub's words. */
function statusCheckFailures(repo: RepoState, rule: BranchProtection, sha: string): string[] {
  const latest = latestStatuses(repo, sha);
  const unmet = rule.requiredContexts.filter((context) => latest.get(context)?.state !== "success");
  if (unmet.length === 0) return [];
  if (rule.requiredContexts.length === 1) {
    const state = latest.get(unmet[0]!)?.state;
    const verb = state === "failure" || state === "error" ? "failing" : "expected";
    return [`Required status check "${unmet[0]}" is ${verb}.`];
  }
  return [
    `${unmet.length} of ${rule.requiredContexts.length} required status checks are expected.`,
  ];
}

function reviewFailures(rule: BranchProtection): string[] {
  const n = rule.requiredApprovals;
  if (n <= 0) return [];
  return [
    n === 1
      ? "At least 1 approving review is required by reviewers with write access."
      : `At least ${n} approving reviews are required by reviewers with write access.`,
  ];
}

/** A repository administrator's personal token bypasses a rule that does not include admins. */
function bypasses(rule: BranchProtection, principal: Principal | undefined): boolean {
  return principal?.kind === "token" && !rule.enforceAdmins;
}

/**
 * Why GitHub refuses a direct write (not a pull request merge) that would move a protected
 * `branch` to `sha`, in its words; undefined when the write is allowed.
 */
export function checkDirectWrite(
  repo: RepoState,
  branch: string,
  sha: string,
  principal: Principal | undefined,
): string | undefined {
  const rule = repo.protections.get(branch);
  if (!rule || bypasses(rule, principal)) return undefined;
  const failures = [...reviewFailures(rule), ...statusCheckFailures(repo, rule, sha)];
  return failures.length > 0 ? failures.join(" ") : undefined;
}

/** GitHub's 405 for a merge that the base's protection does not allow yet. */
export function checkMergeAllowed(
  repo: RepoState,
  issue: PullIssue,
  principal: Principal | undefined,
): void {
  const rule = repo.protections.get(issue.pull.base);
  if (!rule || bypasses(rule, principal)) return;
  const failures = [
    ...reviewFailures(rule),
    ...statusCheckFailures(repo, rule, issue.pull.headSha),
  ];
  if (failures.length > 0) {
    throw new GitHubError(405, failures.join(" "), { documentationUrl: PROTECTED_BRANCHES_DOCS });
  }
}

/** GitHub's mergeStateStatus of an open pull request (callers refresh it first). */
export async function mergeStateStatus(
  repo: RepoState,
  issue: PullIssue,
): Promise<MergeStateStatus> {
  const { pull } = issue;
  if (pull.draft) return "DRAFT";
  if (!(await isMergeable(repo, pull.baseSha, pull.headSha))) return "DIRTY";
  const rule = repo.protections.get(pull.base);
  if (rule) {
    if (reviewFailures(rule).length > 0 || statusCheckFailures(repo, rule, pull.headSha).length > 0)
      return "BLOCKED";
    if (rule.strict && !(await repo.git.isAncestor(pull.baseSha, pull.headSha))) return "BEHIND";
  }
  const latest = [...latestStatuses(repo, pull.headSha).values()];
  // "Mergeable with non-passing commit status": a check that is not required failed or still runs.
  if (latest.some((s) => s.state !== "success")) return "UNSTABLE";
  return "CLEAN";
}
