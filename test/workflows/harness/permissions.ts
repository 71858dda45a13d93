/**
 * GITHUB_TOKEN permissions as GitHub checks them when a run starts: a job in a called
 * workflow may not ask for more than the calling job grants ("The nested job … is
 * requesting …, but is only allowed …"), whether or not its `if:` would let it run.
 */
import type { TemplateToken } from "@actions/workflow-parser/templates/tokens/template-token";
import { isMapping, isString } from "@actions/workflow-parser";
import { child, WorkflowError } from "./load.js";

export type Permissions = Record<string, string>;

const LEVEL: Record<string, number> = { none: 0, read: 1, write: 2 };
const SCOPES = [
  "actions",
  "attestations",
  "checks",
  "contents",
  "deployments",
  "discussions",
  "id-token",
  "issues",
  "models",
  "packages",
  "pages",
  "pull-requests",
  "repository-projects",
  "security-events",
  "statuses",
];

/** The repository default when no `permissions` is written: GitHub's restricted default. */
const RESTRICTED_DEFAULT: Permissions = { contents: "read", packages: "read", metadata: "read" };

function read(token: TemplateToken): Permissions {
  if (isString(token)) {
    const level =
      token.value === "read-all" ? "read" : token.value === "write-all" ? "write" : "none";
    return Object.fromEntries(SCOPES.map((scope) => [scope, level]));
  }
  const result: Permissions = {};
  if (isMapping(token))
    for (const pair of token)
      if (isString(pair.key) && isString(pair.value)) result[pair.key.value] = pair.value.value;
  return result;
}

/**
 * The GITHUB_TOKEN permissions a job runs with: its own, else its workflow's, else the
 * calling job's (a called workflow that writes none takes its caller's), else the
 * repository default.
 */
export function jobPermissions(
  root: TemplateToken,
  job: TemplateToken | undefined,
  callerPermissions: Permissions | undefined,
): Permissions {
  return effectivePermissions(root, job) ?? callerPermissions ?? RESTRICTED_DEFAULT;
}

/** A job's permissions: its own, else its workflow's, else undefined (inherits). */
export function effectivePermissions(
  root: TemplateToken,
  job: TemplateToken | undefined,
): Permissions | undefined {
  const own = child(job, "permissions") ?? child(root, "permissions");
  return own ? read(own) : undefined;
}

export function checkCalledJobPermissions(
  name: string,
  requested: Permissions | undefined,
  allowed: Permissions | undefined,
) {
  const grant = allowed ?? RESTRICTED_DEFAULT;
  for (const [scope, level] of Object.entries(requested ?? {})) {
    const granted = grant[scope] ?? "none";
    if ((LEVEL[level] ?? 0) > (LEVEL[granted] ?? 0))
      throw new WorkflowError(
        `The nested job '${name}' is requesting '${scope}: ${level}', but is only allowed '${scope}: ${granted}'.`,
      );
  }
}
