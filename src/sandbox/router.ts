/**
 * Routes as GitHub documents them: a method and a path template ("GET
 * /repos/{owner}/{repo}/git/ref/{ref}"). A parameter written `{name+}` may span slashes
 * (file paths, ref names); the request log shows it as `{name}`, Octokit's own spelling.
 */
import type { IncomingHttpHeaders } from "node:http";
import type { Level, PermissionName, Principal } from "./auth/store.js";
import type { SandboxContext } from "./context.js";
import type { RateResource } from "./rate-limit.js";
import type { RepoState } from "./state.js";

export interface RouteRequest {
  ctx: SandboxContext;
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  principal: Principal;
  headers: IncomingHttpHeaders;
}

export interface RepoRouteRequest extends RouteRequest {
  repo: RepoState;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A non-JSON answer (e.g. raw file contents). */
  raw?: { data: Buffer; contentType: string };
  /** A failure inside the sandbox that the answer hides (GraphQL's "Something went wrong"), for the request log. */
  error?: string;
}

export type RouteAccess =
  | { kind: "repo"; permissions: PermissionName[]; level: Level }
  | { kind: "jwt" }
  | { kind: "installation" }
  | { kind: "authenticated" }
  | { kind: "open" };

export interface Route {
  method: string;
  /** Template as logged, e.g. "/repos/{owner}/{repo}/git/ref/{ref}". */
  template: string;
  docs: string;
  access: RouteAccess;
  resource?: RateResource;
  pattern: RegExp;
  paramNames: string[];
  handle(request: RouteRequest): Promise<RouteResult>;
}

function compile(template: string): { pattern: RegExp; paramNames: string[]; shown: string } {
  const paramNames: string[] = [];
  const source = template
    .replace(/[.*?^$()|[\]\\]/g, "\\$&")
    .replace(/\{(\w+)(\+?)\}/g, (_, name: string, greedy: string) => {
      paramNames.push(name);
      return greedy ? "(.*)" : "([^/]+)";
    });
  return {
    pattern: new RegExp(`^${source}/?$`),
    paramNames,
    shown: template.replace(/\+\}/g, "}"),
  };
}

const DOCS_ROOT = "https://docs.github.com/rest";

export function route(
  method: string,
  template: string,
  docs: string,
  access: RouteAccess,
  handle: (request: RouteRequest) => Promise<RouteResult>,
  resource?: RateResource,
): Route {
  const { pattern, paramNames, shown } = compile(template);
  return {
    method,
    template: shown,
    docs: /^https?:/.test(docs) ? docs : `${DOCS_ROOT}/${docs}`,
    access,
    pattern,
    paramNames,
    handle,
    ...(resource ? { resource } : {}),
  };
}

/** A route under /repos/{owner}/{repo}: the server resolves the repository and checks access first. */
export function repoRoute(
  method: string,
  template: string,
  docs: string,
  permissions: PermissionName[],
  level: Level,
  handle: (request: RepoRouteRequest) => Promise<RouteResult>,
): Route {
  return route(method, template, docs, { kind: "repo", permissions, level }, (request) =>
    handle(request as RepoRouteRequest),
  );
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export function matchRoute(
  routes: Route[],
  method: string,
  rawPath: string,
): RouteMatch | undefined {
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const match = candidate.pattern.exec(rawPath);
    if (!match) continue;
    const params: Record<string, string> = {};
    try {
      candidate.paramNames.forEach((name, i) => {
        params[name] = decodeURIComponent(match[i + 1] ?? "");
      });
    } catch {
      continue; // malformed percent-encoding: GitHub answers 404
    }
    return { route: candidate, params };
  }
  return undefined;
}

/** Whether some route exists for the path with another method (GitHub then still says 404). */
export function routeName(method: string, template: string): string {
  return `${method} ${template}`;
}
