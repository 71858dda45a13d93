/**
 * The post step that revokes a GitHub App installation token the main step created, and
 * the state the main step leaves for it. A module of its own so that post entries bundle
 * only this and the GitHub client, not the action that made the token.
 */
import type { RunContext } from "../action.js";
import type { InstallationToken } from "./app-token.js";
import { connectGitHub } from "./connect.js";
import { revokeInstallationToken } from "./revoke.js";

const STATE_TOKEN = "installation-token";
const STATE_EXPIRES = "installation-token-expires-at";
const STATE_API_URL = "github-api-url";

/** Leaves `token` for the post step, which revokes it when the job ends. */
export function saveTokenForRevocation(
  context: Pick<RunContext, "saveState">,
  token: InstallationToken,
  baseUrl: string | undefined,
): void {
  context.saveState(STATE_TOKEN, token.token);
  context.saveState(STATE_EXPIRES, token.expiresAt);
  if (baseUrl) context.saveState(STATE_API_URL, baseUrl);
}

/** The post step: revokes the token the main step saved, if it saved one. */
export async function revokeSavedToken(
  context: RunContext,
  state: Record<string, string>,
): Promise<void> {
  const token = state[STATE_TOKEN];
  if (!token) return;
  context.secrets.add(token);
  const client = await connectGitHub({
    token,
    // Only the token matters here; the repository name scopes App tokens, not this one.
    repository: "greenlight/revoke",
    ...(state[STATE_API_URL] ? { baseUrl: state[STATE_API_URL] } : {}),
    logger: context.logger,
    clock: context.clock,
    secrets: context.secrets,
    env: context.env,
  });
  await revokeInstallationToken(client.octokit, context, state[STATE_EXPIRES]);
}
