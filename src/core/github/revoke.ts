/**
 * Revoking an App installation token when the job ends, so it is useless even if it leaked
 * into a log or an artifact. A failure here must not fail a job whose work is done: the
 * token expires within the hour anyway, so it is reported as a warning.
 */
import type { Octokit } from "@octokit/core";
import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import { httpStatusOf } from "./request-error.js";

/**
 * Sends DELETE /installation/token with the token `octokit` authenticates with. Returns
 * whether the token is now unusable.
 */
export async function revokeInstallationToken(
  octokit: Pick<Octokit, "request">,
  deps: { logger: Logger; clock: Clock },
  expiresAt?: string,
): Promise<boolean> {
  if (expiresAt && Date.parse(expiresAt) <= deps.clock.now().getTime()) {
    deps.logger.debug("The installation token has already expired; nothing to revoke.");
    return true;
  }
  try {
    await octokit.request("DELETE /installation/token");
    deps.logger.debug("Revoked the GitHub App installation token.");
    return true;
  } catch (error) {
    if (httpStatusOf(error) === 401) {
      deps.logger.debug("The installation token was already invalid; nothing to revoke.");
      return true;
    }
    const reason = error instanceof Error ? error.message : String(error);
    deps.logger.warning(
      `Could not revoke the GitHub App installation token (${reason}); it stays valid until ${expiresAt ?? "it expires (within an hour)"}.`,
    );
    return false;
  }
}
