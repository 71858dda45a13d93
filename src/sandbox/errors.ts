/**
 * GitHub's error answers. Every failure a route can produce is a GitHubError, so the server
 * writes the body GitHub writes: `{message, documentation_url, status}` plus `errors` for
 * validation failures (Octokit folds those into its RequestError message).
 */
import type { components } from "@octokit/openapi-types";

export type ValidationErrorItem = NonNullable<
  components["schemas"]["validation-error"]["errors"]
>[number];

export const REST_DOCS = "https://docs.github.com/rest";

export class GitHubError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: {
      documentationUrl?: string;
      /** Objects as the OpenAPI description has them, or bare strings, as some endpoints really answer. */
      errors?: (ValidationErrorItem | string)[];
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.name = "GitHubError";
  }

  body(defaultDocs: string): components["schemas"]["basic-error"] & {
    errors?: (ValidationErrorItem | string)[];
  } {
    return {
      message: this.message,
      ...(this.details.errors ? { errors: this.details.errors } : {}),
      documentation_url: this.details.documentationUrl ?? defaultDocs,
      status: String(this.status),
    };
  }
}

export const notFound = () => new GitHubError(404, "Not Found");

export const unprocessable = (message: string) => new GitHubError(422, message);

export const validationFailed = (...errors: ValidationErrorItem[]) =>
  new GitHubError(422, "Validation Failed", { errors });

export const badCredentials = () => new GitHubError(401, "Bad credentials");

export const requiresAuthentication = () => new GitHubError(401, "Requires authentication");

export const notAccessibleByIntegration = () =>
  new GitHubError(403, "Resource not accessible by integration");

/** GitHub's wording when a JSON body field is missing or of the wrong type. */
export function invalidRequest(detail: string): GitHubError {
  return new GitHubError(422, `Invalid request.\n\n${detail}`);
}
