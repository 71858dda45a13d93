/**
 * Closing a promotion pull request that no release is waiting on any more: shared by promote
 * (a newer release arrived), rollback (the release it promoted was rolled back) and a deploy
 * (its release supersedes the one being promoted).
 */
import type { Logger } from "../core/logger.js";
import { errorMessage } from "../core/errors.js";
import type { InfraRepo } from "./infra-repo.js";
import type { Lander } from "./land-change.js";
import type { OpenPullRequest } from "./release-state.js";

/** Closes a promotion pull request left open for a release that is no longer in progress. */
export async function withdrawStalePromotion(
  lander: Pick<Lander, "withdraw">,
  logger: Logger,
  pullRequest: OpenPullRequest | undefined,
  reason: string,
): Promise<void> {
  if (!pullRequest || !lander.withdraw) return;
  try {
    await lander.withdraw(pullRequest, reason);
  } catch (error) {
    logger.warning(`Could not close pull request #${pullRequest.number}: ${errorMessage(error)}`);
  }
}

/** Why a promotion pull request was closed, for whoever finds it closed. */
export function withdrawalComment(reason: string, base: string): string {
  return [
    `Greenlight closed this pull request: ${reason}.`,
    "",
    `It was opened for a promotion step that no longer applies; merging it now would move traffic on a state it was not decided on. The next promote tick decides again from what \`${base}\` holds.`,
  ].join("\n");
}

/** Closes the pull request, then explains why in a comment. */
export async function closePromotionPullRequest(
  repo: Pick<InfraRepo, "closePullRequest" | "comment">,
  logger: Logger,
  pullRequest: { number: number },
  reason: string,
  base: string,
): Promise<void> {
  await repo.closePullRequest(pullRequest.number);
  logger.info(`Closed pull request #${pullRequest.number}: ${reason}.`);
  // Closed first: a run cut short between the two calls loses only the explanation, where
  // commenting first could leave a pull request that every later run comments on again.
  try {
    await repo.comment(pullRequest.number, withdrawalComment(reason, base));
  } catch (error) {
    logger.warning(
      `Closed pull request #${pullRequest.number} but could not explain why in a comment: ${errorMessage(error)}`,
    );
  }
}
