/**
 * Where the GitHub APIs live. github.com, GitHub Enterprise Server and the local sandbox
 * put the REST and GraphQL endpoints in different places; everything else derives from the
 * one REST base URL the user gives (or the runner's GITHUB_API_URL).
 */
import { ConfigurationError } from "../errors.js";
import { withoutUrlUserInfo } from "../secrets.js";

export const GITHUB_COM_API_URL = "https://api.github.com";

const GHES_REST_SUFFIX = /\/api\/v3\/?$/;

export interface ApiUrls {
  baseUrl: string;
  graphqlUrl: string;
}

function checkedUrl(value: string, input: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(
      `Input "${input}" is "${withoutUrlUserInfo(value)}", which is not a URL; give the REST API root such as https://api.github.com or https://ghe.example.com/api/v3.`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigurationError(
      `Input "${input}" must be an http or https URL, got "${withoutUrlUserInfo(value)}"; give the REST API root such as https://ghe.example.com/api/v3.`,
    );
  }
  if (url.username || url.password) {
    throw new ConfigurationError(
      `Input "${input}" carries credentials in the URL; remove them and give the token in the "token" input (or a GitHub App), which is masked.`,
    );
  }
  return value.replace(/\/+$/, "");
}

/**
 * The GraphQL endpoint that belongs to a REST base URL: GHES serves REST under /api/v3 and
 * GraphQL under /api/graphql; github.com, GHE.com and the sandbox serve it at `<base>/graphql`.
 */
export function graphqlUrlFor(baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, "");
  if (GHES_REST_SUFFIX.test(base)) return base.replace(GHES_REST_SUFFIX, "/api/graphql");
  return `${base}/graphql`;
}

/**
 * Resolves both endpoints. The runner's GITHUB_GRAPHQL_URL is only trusted when the REST
 * URL also came from the runner: with an explicit github-api-url it would point elsewhere.
 */
export function resolveApiUrls(
  options: { baseUrl?: string | undefined; graphqlUrl?: string | undefined },
  env: Record<string, string | undefined>,
): ApiUrls {
  const explicitBase = options.baseUrl?.trim() || undefined;
  const runnerBase = env["GITHUB_API_URL"]?.trim() || undefined;
  const baseUrl = checkedUrl(explicitBase ?? runnerBase ?? GITHUB_COM_API_URL, "github-api-url");
  const runnerGraphql =
    !explicitBase && runnerBase ? env["GITHUB_GRAPHQL_URL"]?.trim() || undefined : undefined;
  const graphqlUrl = options.graphqlUrl?.trim() || runnerGraphql || graphqlUrlFor(baseUrl);
  return { baseUrl, graphqlUrl: checkedUrl(graphqlUrl, "graphql-url") };
}
