/**
 * GitHub App authentication: the App's JWT buys an installation token scoped to the one
 * repository Greenlight changes and to the permissions it needs, so a leaked token can do
 * as little as possible for at most an hour (and is revoked as soon as the job ends).
 */
import type { Octokit } from "@octokit/core";
import type { Clock } from "../clock.js";
import { ConfigurationError } from "../errors.js";
import type { SecretRegistry } from "../secrets.js";
import { appJwtClaims, normalisePem, parseAppPrivateKey, signAppJwt } from "./app-jwt.js";
import { httpStatusOf } from "./request-error.js";

export interface AppCredentials {
  appId?: string | undefined;
  clientId?: string | undefined;
  privateKey: string;
}

export interface RepositoryName {
  owner: string;
  repo: string;
}

export type TokenPermissions = Record<string, "read" | "write">;

export interface InstallationToken {
  token: string;
  /** ISO time at which GitHub expires the token (one hour after it was made). */
  expiresAt: string;
  installationId: number;
}

export interface InstallationTokenRequest {
  /** An Octokit without authentication: the JWT is sent per request. */
  octokit: Octokit;
  app: AppCredentials;
  repository: RepositoryName;
  permissions?: TokenPermissions | undefined;
  clock: Clock;
  secrets: SecretRegistry;
}

function githubMessage(error: unknown): string {
  const data = (error as { response?: { data?: { message?: unknown } } }).response?.data;
  const message = typeof data?.message === "string" ? data.message : String(error);
  return message.replace(/\.$/, "");
}

function issuerOf(app: AppCredentials): { issuer: string; input: string } {
  const clientId = app.clientId?.trim();
  if (clientId) return { issuer: clientId, input: "app-client-id" };
  const appId = app.appId?.trim();
  if (appId) return { issuer: appId, input: "app-id" };
  throw new ConfigurationError(
    `Input "app-id" (or "app-client-id") is required with "private-key"; give the App's id or client id from its settings page.`,
  );
}

function credentialsMismatch(issuer: { issuer: string; input: string }): ConfigurationError {
  return new ConfigurationError(
    `GitHub rejected the App credentials: input "${issuer.input}" (${issuer.issuer}) and input "private-key" do not belong to the same GitHub App, or the key was revoked; give a current private key of that App (and check this machine's clock).`,
  );
}

/** GitHub Enterprise Server before 3.14 only knows an App JWT whose `iss` is the App's id. */
function clientIdTooNew(error: unknown): ConfigurationError | undefined {
  const headers = (error as { response?: { headers?: Record<string, unknown> } }).response?.headers;
  const version = headers?.["x-github-enterprise-version"];
  if (typeof version !== "string") return undefined;
  const [major = 0, minor = 0] = version.split(".").map(Number);
  if (major > 3 || (major === 3 && minor >= 14)) return undefined;
  return new ConfigurationError(
    `Input "app-client-id" needs GitHub Enterprise Server 3.14 or later, and this server runs ${version}; give the App's numeric id as "app-id" instead (the App's settings page, "App ID").`,
  );
}

function notInstalled(issuer: { issuer: string; input: string }, fullName: string) {
  return new ConfigurationError(
    `The GitHub App with ${issuer.input} ${issuer.issuer} is not installed on ${fullName}; install the App on ${fullName} (App settings → Install App, or the organization's Settings → GitHub Apps → Configure → Repository access).`,
  );
}

/**
 * Exchanges the App's credentials for an installation token. Every credential is registered
 * with `secrets` the moment it exists, before any line could print it.
 */
export async function createInstallationToken(
  request: InstallationTokenRequest,
): Promise<InstallationToken> {
  const { octokit, app, repository, secrets, clock } = request;
  secrets.add(app.privateKey);
  secrets.add(normalisePem(app.privateKey));
  const issuer = issuerOf(app);
  const key = parseAppPrivateKey(app.privateKey);
  const fullName = `${repository.owner}/${repository.repo}`;
  const jwtHeaders = () => {
    const jwt = signAppJwt(appJwtClaims(issuer.issuer, clock), key);
    secrets.add(jwt);
    return { authorization: `Bearer ${jwt}` };
  };

  let installationId: number;
  try {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/installation", {
      ...repository,
      headers: jwtHeaders(),
    });
    installationId = data.id;
  } catch (error) {
    if (httpStatusOf(error) === 401) {
      throw (
        (issuer.input === "app-client-id" && clientIdTooNew(error)) || credentialsMismatch(issuer)
      );
    }
    if (httpStatusOf(error) === 404) throw notInstalled(issuer, fullName);
    throw error;
  }

  try {
    const { data } = await octokit.request(
      "POST /app/installations/{installation_id}/access_tokens",
      {
        installation_id: installationId,
        repositories: [repository.repo],
        ...(request.permissions ? { permissions: request.permissions } : {}),
        headers: jwtHeaders(),
        // Minting a second token on a retry is harmless (both expire within the hour).
        request: { idempotent: true },
      },
    );
    secrets.add(data.token);
    return { token: data.token, expiresAt: data.expires_at, installationId };
  } catch (error) {
    const status = httpStatusOf(error);
    if (status === 401) throw credentialsMismatch(issuer);
    if (status === 404) throw notInstalled(issuer, fullName);
    if (status === 422) {
      throw new ConfigurationError(
        `GitHub refused an installation token for ${fullName} with permissions ${JSON.stringify(request.permissions ?? {})} (${githubMessage(error)}); grant the App those permissions and give it access to ${fullName}.`,
      );
    }
    throw error;
  }
}
