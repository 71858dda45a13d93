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
        return { status: 200, body: simpleUser(ctx, principal.user) };
      },
    ),
  ];
}
