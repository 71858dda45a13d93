/**
 * GitHub App authentication: the endpoints an App calls with its JWT (find the installation
 * on a repository, mint an installation token) and the ones an installation token calls on
 * itself (list what it reaches, revoke itself).
 */
import type { AppPermissions } from "../options.js";
import type { AppRecord, InstallationRecord, Principal } from "../auth/store.js";
import { findRepo, repoKey } from "../context.js";
import { GitHubError, notFound, unprocessable } from "../errors.js";
import {
  grantRepositories,
  installationJson,
  installationTokenJson,
  integrationJson,
} from "../json/apps.js";
import { route, type Route, type RouteRequest, type RouteResult } from "../router.js";
import { objectBody, optionalObject, type JsonObject } from "../validate.js";

const JWT = { kind: "jwt" } as const;
const INSTALLATION = { kind: "installation" } as const;

function appOf(principal: Principal): AppRecord {
  if (principal.kind !== "jwt") throw new Error("route access guarantees a JWT");
  return principal.app;
}

function installationOf(request: RouteRequest): InstallationRecord {
  const app = appOf(request.principal);
  const installation = request.ctx.auth.installation(
    app,
    Number(request.params["installation_id"]),
  );
  if (!installation) throw notFound();
  return installation;
}

async function getApp({ ctx, principal }: RouteRequest): Promise<RouteResult> {
  return { status: 200, body: integrationJson(ctx, appOf(principal)) };
}

async function listInstallations({ ctx, principal }: RouteRequest): Promise<RouteResult> {
  return { status: 200, body: appOf(principal).installations.map((i) => installationJson(ctx, i)) };
}

async function getInstallation(request: RouteRequest): Promise<RouteResult> {
  return { status: 200, body: installationJson(request.ctx, installationOf(request)) };
}

async function repoInstallation({ ctx, principal, params }: RouteRequest): Promise<RouteResult> {
  const fullName = `${params["owner"]}/${params["repo"]}`;
  // GitHub answers 404 both for a repository that does not exist and for one the App is not installed on.
  const installation = ctx.auth.installationFor(appOf(principal), fullName);
  if (!installation) throw notFound();
  return { status: 200, body: installationJson(ctx, installation) };
}

/** Repository names (not owner/name) as GitHub takes them, resolved inside the installation. */
function requestedRepositories(
  request: RouteRequest,
  installation: InstallationRecord,
  input: JsonObject,
): string[] | undefined {
  const names = input["repositories"];
  const ids = input["repository_ids"];
  if (names === undefined && ids === undefined) return undefined;
  const wanted: string[] = [];
  if (Array.isArray(names)) {
    for (const name of names) {
      wanted.push(repoKey(installation.account.login, typeof name === "string" ? name : ""));
    }
  } else if (names !== undefined)
    throw unprocessable(`For 'properties/repositories', ${JSON.stringify(names)} is not an array.`);
  if (Array.isArray(ids)) {
    for (const id of ids) {
      const repo = [...request.ctx.repos.values()].find((r) => r.id === id);
      wanted.push(repo ? repoKey(repo.owner, repo.name) : `#${String(id)}`);
    }
  }
  if (wanted.some((name) => !installation.repositories.includes(name))) {
    throw unprocessable(
      "There is at least one repository that does not exist or is not accessible to the parent installation.",
    );
  }
  return wanted;
}

function requestedPermissions(input: JsonObject): AppPermissions | undefined {
  const permissions = optionalObject(input, "permissions");
  if (!permissions) return undefined;
  for (const [name, level] of Object.entries(permissions)) {
    if (level !== "read" && level !== "write" && level !== "admin") {
      throw unprocessable(`The permission level "${String(level)}" for "${name}" is not valid.`);
    }
  }
  return permissions as AppPermissions;
}

async function createAccessToken(request: RouteRequest): Promise<RouteResult> {
  const installation = installationOf(request);
  const input = objectBody(request.body);
  const repositories = requestedRepositories(request, installation, input);
  const permissions = requestedPermissions(input);
  const grant = request.ctx.auth.issueToken(installation, repositories, permissions);
  return { status: 201, body: await installationTokenJson(request.ctx, grant) };
}

async function revokeToken({ ctx, principal }: RouteRequest): Promise<RouteResult> {
  if (principal.kind !== "installation") throw new GitHubError(401, "Bad credentials");
  ctx.auth.revoke(principal.grant.token);
  return { status: 204 };
}

async function installationRepositories({ ctx, principal }: RouteRequest): Promise<RouteResult> {
  if (principal.kind !== "installation") throw new GitHubError(401, "Bad credentials");
  const names = [...principal.grant.repositories].filter((name) => findRepo(ctx, name));
  return {
    status: 200,
    body: {
      total_count: names.length,
      repository_selection: principal.grant.repositorySelection,
      repositories: await grantRepositories(ctx, names),
    },
  };
}

export const appAuthRoutes: Route[] = [
  route("GET", "/app", "apps/apps#get-the-authenticated-app", JWT, getApp),
  route(
    "GET",
    "/app/installations",
    "apps/apps#list-installations-for-the-authenticated-app",
    JWT,
    listInstallations,
  ),
  route(
    "GET",
    "/app/installations/{installation_id}",
    "apps/apps#get-an-installation-for-the-authenticated-app",
    JWT,
    getInstallation,
  ),
  route(
    "POST",
    "/app/installations/{installation_id}/access_tokens",
    "apps/apps#create-an-installation-access-token-for-an-app",
    JWT,
    createAccessToken,
  ),
  route(
    "GET",
    "/repos/{owner}/{repo}/installation",
    "apps/apps#get-a-repository-installation-for-the-authenticated-app",
    JWT,
    repoInstallation,
  ),
  route(
    "DELETE",
    "/installation/token",
    "apps/installations#revoke-an-installation-access-token",
    INSTALLATION,
    revokeToken,
  ),
  route(
    "GET",
    "/installation/repositories",
    "apps/installations#list-repositories-accessible-to-the-app-installation",
    INSTALLATION,
    installationRepositories,
  ),
];
