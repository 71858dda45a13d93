/**
 * The authentication inputs every GitHub-facing action shares, with the same names in each
 * action.yml: token, app-id, app-client-id, private-key, github-api-url. An action spreads
 * `githubAuthInputShape` into its own schema and calls `githubAuthFromInputs` on the result.
 *
 * When both a token and an App are given, the App wins: action.yml defaults `token` to
 * `${{ github.token }}`, so a token is nearly always present, and someone who configured an
 * App clearly meant to use it.
 */
import { z } from "zod";
import { ConfigurationError } from "../errors.js";
import { TOKEN_REQUIRED } from "./auth-requirement.js";
import type { GitHubAuthOptions, GitHubClientOptions } from "./client.js";

const httpUrl = z
  .string()
  .trim()
  .refine(
    (value) => {
      try {
        return ["http:", "https:"].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: "must be an http(s) URL such as https://ghe.example.com/api/v3" },
  );

export const githubAuthInputShape = {
  token: z.string().optional(),
  "app-id": z
    .string()
    .trim()
    .regex(/^\d+$/, { message: "must be the App's numeric id (or use app-client-id)" })
    .optional(),
  "app-client-id": z.string().trim().optional(),
  "private-key": z.string().optional(),
  "github-api-url": httpUrl.optional(),
};

/** Inputs whose values are credentials, to be masked before anything else happens. */
export const githubAuthSecretInputs = ["token", "private-key"] as const;

export type GitHubAuthInputs = z.output<z.ZodObject<typeof githubAuthInputShape>>;

export type GitHubConnection = GitHubAuthOptions & Pick<GitHubClientOptions, "baseUrl">;

function appFrom(inputs: GitHubAuthInputs): GitHubAuthOptions["app"] {
  const appId = inputs["app-id"] || undefined;
  const clientId = inputs["app-client-id"] || undefined;
  const privateKey = inputs["private-key"]?.trim() ? inputs["private-key"] : undefined;
  if (appId && clientId) {
    throw new ConfigurationError(
      `Inputs "app-id" and "app-client-id" are both set; give only one of them to name the GitHub App.`,
    );
  }
  const idInput = appId ? "app-id" : clientId ? "app-client-id" : undefined;
  if (idInput && !privateKey) {
    throw new ConfigurationError(
      `Input "private-key" is required with "${idInput}"; give the App's private key (the .pem file from its settings page), normally from a secret.`,
    );
  }
  if (privateKey && !idInput) {
    throw new ConfigurationError(
      `Input "app-id" (or "app-client-id") is required with "private-key"; give the id or client id shown on the GitHub App's settings page.`,
    );
  }
  if (!privateKey) return undefined;
  return { ...(appId ? { appId } : {}), ...(clientId ? { clientId } : {}), privateKey };
}

/** Turns the parsed auth inputs into client options, or one sentence saying what is wrong. */
export function githubAuthFromInputs(inputs: GitHubAuthInputs): GitHubConnection {
  const app = appFrom(inputs);
  const token = inputs.token?.trim() || undefined;
  if (!app && !token) {
    throw new ConfigurationError(TOKEN_REQUIRED);
  }
  const baseUrl = inputs["github-api-url"] || undefined;
  return {
    ...(app ? { app } : { token }),
    ...(baseUrl ? { baseUrl } : {}),
  };
}
