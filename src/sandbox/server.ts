/**
 * The HTTP front: authenticates, counts the rate limit, applies faults, dispatches to a
 * route and writes GitHub's headers and error bodies. Every request ends in the log.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { STATUS_CODES } from "node:http";
import type { Principal } from "./auth/store.js";
import { JWT_UNDECODABLE } from "./auth/app-jwt.js";
import type { SandboxContext } from "./context.js";
import { repoKey } from "./context.js";
import {
  GitHubError,
  REST_DOCS,
  notAccessibleByIntegration,
  requiresAuthentication,
} from "./errors.js";
import type { FaultController, FaultRule } from "./faults.js";
import { INTERNAL_GRAPHQL_MESSAGE } from "./graphql/errors.js";
import type { RateLimiter } from "./rate-limit.js";
import type { Exchange, RequestLogEntry } from "./request-log.js";
import {
  matchRoute,
  type Route,
  type RouteMatch,
  type RouteRequest,
  type RouteResult,
} from "./router.js";

export interface ServerDeps {
  ctx: SandboxContext;
  routes: Route[];
  faults: FaultController;
  rate: RateLimiter;
  log: RequestLogEntry[];
  latencyMs: number;
  onRequest?: ((entry: RequestLogEntry) => void) | undefined;
  onExchange?: ((exchange: Exchange) => void) | undefined;
}

export const SECONDARY_RATE_LIMIT_MESSAGE =
  "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.";
const SECONDARY_DOCS =
  "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    throw new GitHubError(400, "Problems parsing JSON");
  }
}

/** GitHub's GraphQL rate-limit message names the account; the sandbox has one. */
const GRAPHQL_RATE_LIMITED = "API rate limit exceeded for user ID 1.";

/** A GraphQL error as GitHub sends it: HTTP 200, `data: null`, and `errors`. */
function graphqlFault(fault: FaultRule, now: number): RouteResult {
  const type = fault.errorType;
  const message =
    fault.message ??
    (type === "RATE_LIMITED"
      ? GRAPHQL_RATE_LIMITED
      : type
        ? `${type.toLowerCase().replace(/_/g, " ")}`
        : INTERNAL_GRAPHQL_MESSAGE);
  const headers: Record<string, string> =
    type === "RATE_LIMITED"
      ? {
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": String(Math.ceil(now / 1000) + (fault.retryAfterSeconds ?? 60)),
        }
      : {};
  return {
    status: 200,
    body: { data: null, errors: [{ ...(type ? { type } : {}), message }] },
    headers,
  };
}

function faultError(fault: FaultRule): GitHubError {
  if (fault.kind === "secondary-rate-limit") {
    return new GitHubError(403, SECONDARY_RATE_LIMIT_MESSAGE, {
      documentationUrl: SECONDARY_DOCS,
      headers: { "retry-after": String(fault.retryAfterSeconds ?? 60) },
    });
  }
  const status = fault.kind === "write-then-502" ? 502 : (fault.status ?? 500);
  const message =
    (fault.kind === "status" ? fault.message : undefined) ??
    (status === 500 || status === 502 ? "Server Error" : (STATUS_CODES[status] ?? "Error"));
  return new GitHubError(status, message);
}

/** Access rules that do not depend on a repository. */
function checkAccess(route: Route, principal: Principal): void {
  const { access } = route;
  if (access.kind === "open" || access.kind === "repo") return;
  if (principal.kind === "none") throw requiresAuthentication();
  if (access.kind === "jwt" && principal.kind !== "jwt")
    throw new GitHubError(401, JWT_UNDECODABLE);
  if (access.kind === "installation" && principal.kind !== "installation") {
    throw principal.kind === "jwt"
      ? notAccessibleByIntegration()
      : new GitHubError(403, "Resource not accessible by personal access token");
  }
}

async function dispatch(
  deps: ServerDeps,
  match: RouteMatch,
  request: Omit<RouteRequest, "params">,
): Promise<RouteResult> {
  const { route, params } = match;
  checkAccess(route, request.principal);
  if (route.access.kind === "repo") {
    const repo = deps.ctx.repos.get(repoKey(params["owner"] ?? "", params["repo"] ?? ""));
    if (!repo) throw new GitHubError(404, "Not Found");
    deps.ctx.auth.checkRepoAccess(
      request.principal,
      repo.fullName,
      route.access.permissions,
      route.access.level,
    );
    return route.handle({ ...request, params, repo } as RouteRequest);
  }
  return route.handle({ ...request, params });
}

function send(
  res: ServerResponse,
  result: RouteResult,
  headers: Record<string, string>,
  method: string,
): void {
  const all: Record<string, string> = { ...headers, ...result.headers };
  if (result.raw) {
    res.writeHead(result.status, { ...all, "content-type": result.raw.contentType });
    res.end(method === "HEAD" ? undefined : result.raw.data);
    return;
  }
  if (result.status === 204 || result.body === undefined) {
    res.writeHead(result.status, all);
    res.end();
    return;
  }
  const payload = JSON.stringify(result.body);
  res.writeHead(result.status, {
    ...all,
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(payload)),
  });
  res.end(method === "HEAD" ? undefined : payload);
}

export function createRequestHandler(deps: ServerDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const time = Date.now();
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", "http://sandbox.invalid");
    const match = matchRoute(deps.routes, method === "HEAD" ? "GET" : method, url.pathname);
    const routeLabel = match ? `${method} ${match.route.template}` : "unmatched";
    const docs = match?.route.docs ?? REST_DOCS;
    const headers: Record<string, string> = {
      "x-github-request-id": randomBytes(8).toString("hex").toUpperCase(),
      "x-github-api-version-selected": "2022-11-28",
      "x-github-media-type": "github.v3; format=json",
      ...(deps.ctx.enterpriseVersion
        ? { "x-github-enterprise-version": deps.ctx.enterpriseVersion }
        : {}),
    };
    let principal: Principal = { kind: "none", key: `ip:${req.socket.remoteAddress ?? ""}` };
    let result: RouteResult;
    let faulted: string | undefined;
    let failure: string | undefined;
    let raw: Buffer = Buffer.alloc(0);
    try {
      raw = await readBody(req);
      let authError: unknown;
      try {
        principal = deps.ctx.auth.authenticate(
          req.headers.authorization,
          req.socket.remoteAddress ?? "",
        );
      } catch (error) {
        authError = error;
      }
      const resource = match?.route.resource ?? "core";
      Object.assign(
        headers,
        deps.rate.consume(principal.key, resource, routeLabel !== "GET /rate_limit"),
      );
      const active = deps.faults.pick(method, routeLabel);
      const delay = deps.latencyMs + active.latencyMs;
      if (delay > 0) await sleep(delay);
      const fault = active.fault;
      const answersAfter =
        fault?.kind === "write-then-502" || (fault?.kind === "graphql-error" && fault.afterWrite);
      if (fault?.kind === "graphql-error" && !fault.afterWrite) {
        faulted = fault.kind;
        result = graphqlFault(fault, Date.now());
      } else if (fault && !answersAfter) {
        faulted = fault.kind;
        throw faultError(fault);
      } else {
        if (authError) throw authError;
        if (!match) throw new GitHubError(404, "Not Found");
        result = await dispatch(deps, match, {
          ctx: deps.ctx,
          method,
          query: url.searchParams,
          body: parseJson(raw),
          principal,
          headers: req.headers,
        });
        failure = result.error;
        if (fault) {
          // The write above is done; only the answer is lost, as when GitHub times out.
          faulted = fault.kind;
          result =
            fault.kind === "graphql-error"
              ? graphqlFault(fault, Date.now())
              : { status: 502, body: faultError(fault).body(docs) };
        }
      }
    } catch (error) {
      if (error instanceof GitHubError) {
        result = {
          status: error.status,
          body: error.body(docs),
          headers: error.details.headers ?? {},
        };
      } else {
        failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
        result = { status: 500, body: new GitHubError(500, "Server Error").body(REST_DOCS) };
      }
    }
    send(res, result, headers, method);
    const entry: RequestLogEntry = {
      time,
      method,
      path: url.pathname,
      query: url.search.replace(/^\?/, ""),
      status: result.status,
      route: routeLabel,
      tokenKind: principal.kind,
      durationMs: performance.now() - started,
      ...(faulted ? { faulted } : {}),
      ...(failure ? { error: failure } : {}),
    };
    deps.log.push(entry);
    deps.onRequest?.(entry);
    if (deps.onExchange) {
      let requestBody: unknown;
      try {
        requestBody = raw.length > 0 ? JSON.parse(raw.toString("utf8")) : undefined;
      } catch {
        requestBody = raw.toString("utf8");
      }
      deps.onExchange({
        method,
        path: url.pathname,
        query: url.search.replace(/^\?/, ""),
        route: routeLabel,
        accept: String(req.headers.accept ?? ""),
        requestBody,
        status: result.status,
        // As it went over the wire: fields set to undefined are not there.
        ...(result.raw
          ? { raw: true }
          : result.body === undefined
            ? {}
            : { responseBody: JSON.parse(JSON.stringify(result.body)) as unknown }),
        ...(faulted ? { faulted } : {}),
      });
    }
  };
}
