/**
 * Landing a pull request "with auto-merge" the way GitHub really allows it. GitHub only
 * enables auto-merge on a pull request that still waits for something (a required check,
 * a review); one that could merge right now is refused ("Pull request is in clean status",
 * or "unstable status" when only optional checks fail), as is every pull request of a
 * repository whose "Allow auto-merge" setting is off. The widely used auto-merge actions
 * merge such a pull request at once with the configured method; so does Greenlight.
 */
import type { Clock } from "../core/clock.js";
import { ConfigurationError, OperationFailedError } from "../core/errors.js";
import { graphqlMessages } from "../core/github/graphql-errors.js";
import { httpStatusOf } from "../core/github/request-error.js";
import type { Logger } from "../core/logger.js";
import type { InfraRepo, PullRequestInfo } from "./infra-repo.js";
import { describeError, isTransient, isUnresolvedNode } from "./infra-repo.js";

export type MergeMethod = "merge" | "squash" | "rebase";

export interface AutoMergeDeps {
  repo: InfraRepo;
  clock: Clock;
  logger: Logger;
}

/** What became of the pull request: it will merge when ready, or it merged just now. */
export type AutoMergeOutcome = { kind: "enabled" } | { kind: "merged"; sha: string };

const ATTEMPTS = 5;

/** Which of GitHub's refusals of enablePullRequestAutoMerge this is, if any. */
function refusal(
  error: unknown,
): "mergeable-now" | "conflict" | "draft" | "not-allowed" | undefined {
  const text = graphqlMessages(error);
  if (/auto merge is not allowed/i.test(text)) return "not-allowed";
  if (/is in (clean|unstable|has_hooks) status/i.test(text)) return "mergeable-now";
  if (/is in dirty status/i.test(text)) return "conflict";
  if (/is in draft status/i.test(text)) return "draft";
  return undefined;
}

function notAllowed(repo: InfraRepo, pr: PullRequestInfo): ConfigurationError {
  return new ConfigurationError(
    `Pull request #${pr.number} is open, but ${repo.fullName} does not allow auto-merge: turn on "Allow auto-merge" in the repository's Settings → General → Pull Requests (allow_auto_merge), or set "merge" to pull-request.`,
  );
}

/** A merge GitHub refused for a reason that waiting fixes (a check that started meanwhile). */
function mergeRefusedForNow(error: unknown): boolean {
  const status = httpStatusOf(error);
  return status === 405 || status === 409;
}

/**
 * Enables auto-merge on `pr`, or merges it now when GitHub says there is nothing to wait
 * for. Safe to repeat: enabling twice is the same as once, and a merge names the head it
 * expects, so it never merges a commit nobody looked at.
 */
export async function enableOrMerge(
  deps: AutoMergeDeps,
  pr: PullRequestInfo,
  method: MergeMethod,
): Promise<AutoMergeOutcome> {
  const { repo, logger } = deps;
  let last: unknown;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      await repo.enableAutoMerge(pr.nodeId, method);
      return { kind: "enabled" };
    } catch (error) {
      last = error;
      const reason = refusal(error);
      if (reason === "not-allowed") throw notAllowed(repo, pr);
      if (reason === "conflict") {
        throw new OperationFailedError(
          `Pull request #${pr.number} conflicts with its base, so it cannot merge: ${pr.url}; resolve the conflict or close it and run again.`,
        );
      }
      if (reason === "draft") {
        throw new ConfigurationError(
          `Pull request #${pr.number} is a draft, and GitHub does not auto-merge drafts; mark it ready for review, or do not combine "draft" with "merge: auto-merge".`,
        );
      }
      if (reason === "mergeable-now") {
        const current = await repo.pullRequest(pr.number);
        if (current.merged) return { kind: "merged", sha: current.mergeSha ?? current.headSha };
        try {
          const sha = await repo.merge(pr.number, method, current.headSha);
          logger.info(
            `Pull request #${pr.number} had nothing left to wait for, so it was merged now (${method}) instead of queued for auto-merge.`,
          );
          return { kind: "merged", sha };
        } catch (mergeError) {
          if (!mergeRefusedForNow(mergeError)) throw mergeError;
          // A check started or the head moved between the two answers: ask again.
          last = mergeError;
        }
      } else if (!(isUnresolvedNode(error) || isTransient(error))) {
        throw error;
      }
    }
    logger.debug(`auto-merge of #${pr.number}: ${describeError(last)}; trying again`);
    await deps.clock.sleep(500 * attempt);
  }
  throw new OperationFailedError(
    `Could not enable auto-merge on pull request #${pr.number} (${describeError(last)}): ${pr.url}; run again, or merge it by hand.`,
  );
}
