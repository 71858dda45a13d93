import type { components } from "@octokit/openapi-types";
/** Account-level endpoints: the rate limit and the authenticated user. */
import { notAccessibleByIntegration } from "../errors.js";
import { simpleUser } from "../json/users.js";
import type { RateLimiter } from "../rate-limit.js";
import { route, type Route } from "../router.js";

export function metaRoutes(rate: RateLimiter): Route[] {
  return [
    route(
      "GET",
      "/rate_limit",
      "rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user",
      { kind: "open" },
      async ({ principal }) => ({
        status: 200,
        body: rate.overview(principal.key),
      }),
    ),
    route(
      "GET",
      "/user",
      "users/users#get-the-authenticated-user",
      { kind: "authenticated" },
      async ({ ctx, principal }) => {
        if (principal.kind !== "token") throw notAccessibleByIntegration();
        // GitHub's public-user: the simple user plus the profile fields.
        const profile: components["schemas"]["public-user"] = {
          ...simpleUser(ctx, principal.user),
          name: principal.user.name,
          company: null,
          blog: "",
          location: null,
          email: principal.user.email,
          hireable: null,
          bio: null,
          public_repos: 0,
          public_gists: 0,
          followers: 0,
          following: 0,
          created_at: "2020-01-01T00:00:00Z",
          updated_at: "2020-01-01T00:00:00Z",
        };
        return { status: 200, body: profile };
      },
    ),
  ];
}
