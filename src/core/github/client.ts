/**
 * The one way Greenlight code gets a GitHub client: a plain token or a GitHub App (whose
 * installation token is scoped to one repository), GHES and proxy aware, with retries and
 * rate-limit waits that go through the injected Clock.
 */
import { Octokit as CoreOctokit } from "@octokit/core";
import { paginateRest } from "@octokit/plugin-paginate-rest";
import { restEndpointMethods } from "@octokit/plugin-rest-endpoint-methods";
import type { Clock } from "../clock.js";
import { ConfigurationError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { SecretRegistry } from "../secrets.js";
import {
  createInstallationToken,
  type AppCredentials,
  type InstallationToken,
  type TokenPermissions,
} from "./app-token.js";
import { parseRepositoryName } from "./repository.js";
import { installRequestRedaction } from "./redact-request.js";
import { installRequestPolicy, type RequestPolicyOptions } from "./request-policy.js";
import { revokeInstallationToken } from "./revoke.js";
import { httpFetch, type Fetch } from "../http/fetch.js";
import { resolveApiUrls } from "./urls.js";

export const GreenlightOctokit = CoreOctokit.plugin(restEndpointMethods, paginateRest);
export type Octokit = InstanceType<typeof GreenlightOctokit>;

export interface GitHubAuthOptions {
  /** A personal access token or the workflow's GITHUB_TOKEN. */
  token?: string | undefined;
  /** A GitHub App (one of appId / clientId, and its private key). Wins over `token`. */
  app?: AppCredentials | undefined;
}

export interface GitHubClientOptions extends GitHubAuthOptions {
  /** `owner/name`: the one repository an App installation token is scoped to. */
  repository: string;
  /** App token permissions, e.g. `{ contents: "write", pull_requests: "write" }`. */
  permissions?: TokenPermissions | undefined;
  /** REST root. Default: env GITHUB_API_URL, else https://api.github.com. */
  baseUrl?: string | undefined;
  /** GraphQL endpoint. Default: derived from baseUrl (see urls.ts). */
  graphqlUrl?: string | undefined;
  /** Proxy URL. Default: env HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case). */
  proxy?: string | undefined;
  userAgent?: string | undefined;
  logger: Logger;
  clock: Clock;
  secrets: SecretRegistry;
  /** Retries after 5xx/network errors, and rate-limit waits, per request. Default 3. */
  retries?: number | undefined;
  /** Longest rate-limit wait before a request fails instead. Default 15 minutes. */
  maxRateLimitWaitMs?: number | undefined;
  /** Aborts requests in flight (e.g. on Ctrl-C). */
  signal?: AbortSignal | undefined;
  /** Environment for the defaults above. Default: process.env. */
  env?: Record<string, string | undefined> | undefined;
}

export interface GitHubClient {
  /** @octokit/core with rest-endpoint-methods and paginate-rest; retries per request-policy.ts. */
  octokit: Octokit;
  graphql: <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;
  /** Revokes an App installation token this client created (DELETE /installation/token). No-op for plain tokens. */
  revoke(): Promise<void>;
  tokenKind: "token" | "app";
  /** The App installation token (already masked), for a post step that revokes it. */
  installationToken?: InstallationToken | undefined;
  /** HTTP requests sent through `octokit` and `graphql` so far, retries included. */
  requestCount(): number;
}

const DEFAULT_RETRIES = 3;
const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 15 * 60_000;
const DEFAULT_USER_AGENT = "greenlight";

function octokitLog(logger: Logger) {
  return {
    debug: (message: string) => logger.debug(message),
    // Octokit's info lines are request chatter; they belong in debug output.
    info: (message: string) => logger.debug(message),
    warn: (message: string) => logger.warning(message),
    error: (message: string) => logger.error(message),
  };
}

interface Transport {
  baseUrl: string;
  userAgent: string;
  log: ReturnType<typeof octokitLog>;
  request: { fetch: Fetch; log: ReturnType<typeof octokitLog>; signal?: AbortSignal };
}

function noCredentials(): ConfigurationError {
  return new ConfigurationError(
    `Input "token" is empty and no GitHub App is given; pass a token (e.g. \${{ github.token }}) or app-id/app-client-id with private-key.`,
  );
}

async function appToken(
  options: GitHubClientOptions,
  app: AppCredentials,
  transport: Transport,
  policy: RequestPolicyOptions,
): Promise<InstallationToken> {
  // A separate, unauthenticated Octokit: the App's JWT is sent per request instead.
  const bare = new CoreOctokit(transport);
  installRequestPolicy(bare, policy);
  return createInstallationToken({
    octokit: bare,
    app,
    repository: parseRepositoryName(options.repository),
    permissions: options.permissions,
    clock: options.clock,
    secrets: options.secrets,
  });
}

export async function createGitHubClient(options: GitHubClientOptions): Promise<GitHubClient> {
  const { logger, clock, secrets } = options;
  const env = options.env ?? process.env;
  parseRepositoryName(options.repository);
  const { baseUrl, graphqlUrl } = resolveApiUrls(options, env);
  const log = octokitLog(logger);
  const fetch = httpFetch({ env, proxy: options.proxy });
  const transport: Transport = {
    baseUrl,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    log,
    request: { fetch, log, ...(options.signal ? { signal: options.signal } : {}) },
  };
  let requests = 0;
  const policy: RequestPolicyOptions = {
    clock,
    logger,
    retries: options.retries ?? DEFAULT_RETRIES,
    maxRateLimitWaitMs: options.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS,
  };

  secrets.add(options.token);
  const installation = options.app
    ? await appToken(options, options.app, transport, policy)
    : undefined;
  const token = installation?.token ?? options.token?.trim();
  if (!token) throw noCredentials();
  if (installation) {
    logger.debug(
      `Authenticated as GitHub App installation ${installation.installationId}, with a token for ${options.repository} only, valid until ${installation.expiresAt}.`,
    );
  }

  const octokit = new GreenlightOctokit({ ...transport, auth: token });
  installRequestPolicy(octokit, { ...policy, onAttempt: () => void requests++ });
  installRequestRedaction(octokit, secrets);
  // An absolute url wins over baseUrl; the origin as baseUrl keeps @octokit/graphql from
  // rewriting a GHES /api/v3 base into its own idea of the GraphQL URL.
  octokit.graphql = octokit.graphql.defaults({
    baseUrl: new URL(graphqlUrl).origin,
    url: graphqlUrl,
  });

  let revoked = false;
  return {
    octokit,
    graphql: <T>(query: string, variables?: Record<string, unknown>) =>
      octokit.graphql<T>(query, variables),
    tokenKind: installation ? "app" : "token",
    installationToken: installation,
    requestCount: () => requests,
    async revoke() {
      if (!installation || revoked) return;
      revoked = true;
      await revokeInstallationToken(octokit, { logger, clock }, installation.expiresAt);
    },
  };
}
