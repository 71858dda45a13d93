/** POST /graphql: GitHub's GraphQL endpoint, counted against the `graphql` rate limit. */
import { GitHubError } from "../errors.js";
import { runGraphql } from "../graphql/execute.js";
import type { RateLimiter } from "../rate-limit.js";
import { route, type Route, type RouteRequest, type RouteResult } from "../router.js";
import { objectBody } from "../validate.js";

const GRAPHQL_DOCS = "https://docs.github.com/graphql";
const AUTH_DOCS = `${GRAPHQL_DOCS}/guides/forming-calls-with-graphql#authenticating-with-graphql`;

function handler(rate: RateLimiter) {
  return async ({ ctx, principal, body }: RouteRequest): Promise<RouteResult> => {
    // GitHub answers GraphQL without credentials with 401 and this message, not "Requires authentication".
    if (principal.kind === "none") {
      throw new GitHubError(401, "This endpoint requires you to be authenticated.", {
        documentationUrl: AUTH_DOCS,
      });
    }
    if (principal.kind === "jwt") {
      throw new GitHubError(403, "Resource not accessible by integration", {
        documentationUrl: GRAPHQL_DOCS,
      });
    }
    const input = objectBody(body);
    const { query, variables, operationName } = input;
    if (typeof query !== "string") {
      return {
        status: 200,
        body: {
          errors: [{ message: "A query attribute must be specified and must be a string." }],
        },
      };
    }
    const answer = await runGraphql({ ctx, principal }, rate, {
      query,
      ...(variables && typeof variables === "object"
        ? { variables: variables as Record<string, unknown> }
        : {}),
      ...(typeof operationName === "string" ? { operationName } : {}),
    });
    const internal = answer.internal.map((e) => e.stack ?? e.message).join("\n");
    return { status: 200, body: answer.body, ...(internal ? { error: internal } : {}) };
  };
}

export function graphqlRoutes(rate: RateLimiter): Route[] {
  return [route("POST", "/graphql", GRAPHQL_DOCS, { kind: "open" }, handler(rate), "graphql")];
}
