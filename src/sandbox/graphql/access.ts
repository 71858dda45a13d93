/**
 * Who may see and change what through GraphQL: the REST rules (auth/store.ts) told the
 * GraphQL way — a repository the caller cannot see does not exist (NOT_FOUND), one it can
 * see but not change is FORBIDDEN.
 */
import type { Level, PermissionName, Principal } from "../auth/store.js";
import { findRepo, type SandboxContext } from "../context.js";
import { GitHubError } from "../errors.js";
import type { RepoState } from "../state.js";
import { TypedError } from "./errors.js";

export interface GraphqlContext {
  ctx: SandboxContext;
  principal: Principal;
}

export function repositoryNotFound(fullName: string): TypedError {
  return new TypedError(
    "NOT_FOUND",
    `Could not resolve to a Repository with the name '${fullName}'.`,
  );
}

export function checkAccess(
  context: GraphqlContext,
  repo: RepoState,
  permissions: PermissionName[],
  level: Level,
): void {
  try {
    context.ctx.auth.checkRepoAccess(context.principal, repo.fullName, permissions, level);
  } catch (error) {
    if (error instanceof GitHubError && error.status === 404)
      throw repositoryNotFound(repo.fullName);
    if (error instanceof GitHubError) throw new TypedError("FORBIDDEN", error.message);
    throw error;
  }
}

/** The repository `owner/name`, if the caller may use it at `level`. */
export function repositoryFor(
  context: GraphqlContext,
  fullName: string,
  permissions: PermissionName[],
  level: Level,
): RepoState {
  const repo = findRepo(context.ctx, fullName);
  if (!repo) throw repositoryNotFound(fullName);
  checkAccess(context, repo, permissions, level);
  return repo;
}
