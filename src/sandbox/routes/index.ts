/** Every route the sandbox serves, most specific first. */
import type { RateLimiter } from "../rate-limit.js";
import type { Route } from "../router.js";
import { appAuthRoutes } from "./app-auth.js";
import { deploymentRoutes } from "./deployments.js";
import { gitDataRoutes } from "./git-data.js";
import { graphqlRoutes } from "./graphql.js";
import { issueRoutes } from "./issues.js";
import { metaRoutes } from "./meta.js";
import { protectionRoutes } from "./protection.js";
import { pullRoutes } from "./pulls.js";
import { refRoutes } from "./refs.js";
import { repoReadRoutes } from "./repos.js";
import { reviewerRoutes } from "./reviewers.js";
import { statusRoutes } from "./statuses.js";

export function allRoutes(rate: RateLimiter): Route[] {
  return [
    ...metaRoutes(rate),
    ...graphqlRoutes(rate),
    ...appAuthRoutes,
    ...gitDataRoutes,
    ...refRoutes,
    ...pullRoutes,
    ...reviewerRoutes,
    ...issueRoutes,
    ...deploymentRoutes,
    // Before repoReadRoutes, whose {branch+} and {ref+} would swallow these paths.
    ...protectionRoutes,
    ...statusRoutes,
    ...repoReadRoutes,
  ];
}
