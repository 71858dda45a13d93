/**
 * GitHub's GraphQL errors. A resolver that refuses throws a TypedError; the answer carries it
 * as `{type, path, locations, message}` — the shape clients match on (open-pr looks for
 * `type: "STALE_DATA"`) — with HTTP 200 and the field set to null, as GitHub answers.
 */
import type { GraphQLError } from "graphql";
import { GitHubError } from "../errors.js";

export type ErrorType = "NOT_FOUND" | "FORBIDDEN" | "STALE_DATA" | "UNPROCESSABLE" | "INTERNAL";

export class TypedError extends Error {
  constructor(
    readonly type: ErrorType,
    message: string,
  ) {
    super(message);
    this.name = "TypedError";
  }
}

export interface GitHubGraphqlError {
  type?: string;
  path?: readonly (string | number)[];
  locations?: readonly { line: number; column: number }[];
  message: string;
  extensions?: Record<string, unknown>;
}

/** GitHub's wording for a failure it does not explain. */
export const INTERNAL_GRAPHQL_MESSAGE =
  "Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please include `SANDBOX` when reporting this issue.";

export function formatError(error: GraphQLError): { json: GitHubGraphqlError; internal?: Error } {
  const base = {
    ...(error.path ? { path: error.path } : {}),
    ...(error.locations ? { locations: error.locations } : {}),
  };
  const original = error.originalError;
  if (original instanceof TypedError) {
    return { json: { type: original.type, ...base, message: original.message } };
  }
  if (original instanceof GitHubError) {
    const type =
      original.status === 404
        ? "NOT_FOUND"
        : original.status === 403
          ? "FORBIDDEN"
          : "UNPROCESSABLE";
    return { json: { type, ...base, message: original.message } };
  }
  if (original && !(original as { extensions?: unknown }).extensions) {
    return { json: { ...base, message: INTERNAL_GRAPHQL_MESSAGE }, internal: original };
  }
  // Parse, validation and variable errors: graphql-js's message, as GitHub sends its own.
  return { json: { ...base, message: error.message } };
}
