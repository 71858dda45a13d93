/**
 * Closing a promotion pull request that no release is waiting on any more: shared by promote
 * (a newer release arrived) and rollback (the release it promoted was rolled back).
 */
import type { Logger } from "../core/logger.js";
import { errorMessage } from "../core/errors.js";
import type { Lander } from "./land-change.js";
import type { OpenPullRequest } from "./release-state.js";

/** Closes a promotion pull request left open for a release that is no longer in progress. */
export async function withdrawStalePromotion(
  lander: Lander,
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
