/** GitHub Apps, their installations and installation tokens as GitHub renders them. */
import type { components } from "@octokit/openapi-types";
import type { AppRecord, InstallationGrant, InstallationRecord } from "../auth/store.js";
import type { SandboxContext } from "../context.js";
import { findRepo } from "../context.js";
import { isoTime } from "../state.js";
import { repositoryJson } from "./repository.js";
import { nodeId, simpleUser } from "./users.js";

export type IntegrationJson = NonNullable<components["schemas"]["integration"]>;
export type InstallationJson = components["schemas"]["installation"];
export type InstallationTokenJson = components["schemas"]["installation-token"];
export type RepositoryJson = components["schemas"]["repository"];

export function integrationJson(ctx: SandboxContext, app: AppRecord): IntegrationJson {
  const permissions = app.installations[0]?.permissions ?? {};
  return {
    id: app.id,
    slug: app.slug,
    node_id: nodeId("Integration", app.id),
    client_id: app.clientId,
    owner: simpleUser(ctx, app.owner),
    name: app.slug,
    description: null,
    external_url: `${ctx.url}/apps/${app.slug}`,
    html_url: `${ctx.url}/apps/${app.slug}`,
    created_at: app.createdAt,
    updated_at: app.createdAt,
    permissions: { ...permissions },
    events: [],
    installations_count: app.installations.length,
  };
}

export function installationJson(
  ctx: SandboxContext,
  installation: InstallationRecord,
): InstallationJson {
  const api = `${ctx.url}/app/installations/${installation.id}`;
  return {
    id: installation.id,
    account: simpleUser(ctx, installation.account),
    repository_selection: "selected",
    access_tokens_url: `${api}/access_tokens`,
    repositories_url: `${ctx.url}/installation/repositories`,
    html_url: `${ctx.url}/settings/installations/${installation.id}`,
    app_id: installation.app.id,
    client_id: installation.app.clientId,
    target_id: installation.account.id,
    target_type: installation.account.type === "Bot" ? "User" : installation.account.type,
    permissions: installation.permissions,
    events: [],
    created_at: installation.createdAt,
    updated_at: installation.createdAt,
    single_file_name: null,
    app_slug: installation.app.slug,
    suspended_by: null,
    suspended_at: null,
  };
}

/** The repositories a grant reaches that the sandbox serves, as repository objects. */
export async function grantRepositories(
  ctx: SandboxContext,
  names: Iterable<string>,
): Promise<RepositoryJson[]> {
  const result: RepositoryJson[] = [];
  for (const name of names) {
    const repo = findRepo(ctx, name);
    if (repo) result.push(repositoryJson(ctx, repo, await repo.git.defaultBranch()));
  }
  return result;
}

export async function installationTokenJson(
  ctx: SandboxContext,
  grant: InstallationGrant,
): Promise<InstallationTokenJson> {
  return {
    token: grant.token,
    expires_at: isoTime(grant.expiresAt),
    permissions: grant.permissions,
    repository_selection: grant.repositorySelection,
    // GitHub lists the repositories only when the token was narrowed to some of them.
    ...(grant.repositorySelection === "selected"
      ? { repositories: await grantRepositories(ctx, grant.repositories) }
      : {}),
  };
}
