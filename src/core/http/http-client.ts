/**
 * One HTTP exchange with Node's own http/https: an abortable request, a bounded body read,
 * the peer certificate captured while the socket is still open, and redirects followed up
 * to a hop limit. Everything that goes wrong becomes a RequestFailure with a readable reason.
 * This is the one transport for every outbound request (fetch.ts adapts it for Octokit and
 * others that expect fetch), so proxies are honoured everywhere alike (proxy-env.ts).
 */
import http from "node:http";
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import https from "node:https";
import type { PeerCertificate, TLSSocket } from "node:tls";
import { rootCertificates } from "node:tls";
import { isCredentialHeader } from "./credentials.js";
import { proxyRoute } from "../proxy-env.js";
import { formatBytes } from "../quantity.js";
import { absoluteForm, tunnelAgent } from "./proxy-tunnel.js";
import { RequestFailure, describeTransportError } from "./transport-errors.js";

export interface CertificateInfo {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export interface HttpRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  /** Text, or bytes as given (fetch.ts passes what a fetch caller sent). */
  body?: string | Buffer;
  tls: { verify: boolean; ca?: string };
  maxBodyBytes: number;
  signal: AbortSignal;
  /** A keep-alive agent (the latency probe); by default every request has its own connection. */
  agent?: http.Agent;
  /** Header names to drop when a redirect leaves the origin, beyond the known credential names. */
  secretHeaders?: readonly string[];
  /** The forward proxy for this hop (chosen per hop by `sendWith`); direct when absent. */
  proxy?: URL | undefined;
}

export interface HttpResponse {
  /** The URL that answered (after redirects). */
  url: URL;
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  certificate?: CertificateInfo;
  /** Every URL redirected to, in order. */
  redirects: string[];
}

export interface RedirectPolicy {
  follow: boolean;
  maxRedirects: number;
}

/** Sends one request and reads its response; the seam tests replace. */
export type HttpSend = (request: HttpRequest, redirects: RedirectPolicy) => Promise<HttpResponse>;

function certificateInfo(socket: unknown): CertificateInfo | undefined {
  const tlsSocket = socket as Partial<TLSSocket> | null;
  if (!tlsSocket || typeof tlsSocket.getPeerCertificate !== "function") return undefined;
  const cert: PeerCertificate = tlsSocket.getPeerCertificate(false);
  if (!cert || !cert.valid_to) return undefined;
  const name = (part: unknown) =>
    typeof part === "object" && part !== null
      ? String(
          (part as Record<string, unknown>)["CN"] ?? (part as Record<string, unknown>)["O"] ?? "",
        )
      : "";
  return {
    subject: name(cert.subject),
    issuer: name(cert.issuer),
    validFrom: cert.valid_from,
    validTo: cert.valid_to,
    expiresAt: new Date(cert.valid_to).getTime(),
  };
}

// A CA file adds to the public roots: a check may cross from a private endpoint to a public one.
const caCache = new Map<string, string[]>();
function trustedCas(ca: string): string[] {
  let list = caCache.get(ca);
  if (!list) {
    list = [...rootCertificates, ca];
    caCache.set(ca, list);
  }
  return list;
}

function readBody(response: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let done = false;
    const tooLarge = (detail: string) => {
      done = true;
      reject(new RequestFailure(`response body exceeded ${formatBytes(limit)}${detail}`));
      // Stop reading at once: a huge body must cost neither memory nor time.
      response.destroy();
    };
    const declared = Number(response.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) {
      tooLarge(` (Content-Length: ${formatBytes(declared)})`);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    response.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) tooLarge("");
      else chunks.push(chunk);
    });
    response.on("end", () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    response.on("error", (error) => {
      if (!done) reject(error);
    });
    response.on("aborted", () => {
      if (!done)
        reject(new RequestFailure("the server closed the connection in the middle of the body"));
    });
  });
}

/** One request, no redirects. */
export function sendOnce(request: HttpRequest): Promise<Omit<HttpResponse, "redirects">> {
  const { url, signal } = request;
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      fn();
    };
    const fail = (error: unknown) =>
      settle(() =>
        reject(
          signal.aborted
            ? abortFailure(signal)
            : new RequestFailure(describeTransportError(error, url)),
        ),
      );
    const onAbort = () => {
      req.destroy();
      fail(signal.reason);
    };
    if (signal.aborted) {
      reject(abortFailure(signal));
      return;
    }
    const isHttps = url.protocol === "https:";
    const headers: Record<string, string> = {
      "user-agent": "greenlight-verify",
      ...request.headers,
    };
    if (request.body !== undefined)
      headers["content-length"] = String(Buffer.byteLength(request.body));
    const options: https.RequestOptions = {
      method: request.method,
      headers,
      agent: agentFor(request, isHttps),
      ...(isHttps
        ? {
            rejectUnauthorized: request.tls.verify,
            ...(request.tls.ca ? { ca: trustedCas(request.tls.ca) } : {}),
          }
        : {}),
    };
    const onResponse = (response: IncomingMessage) => {
      const certificate = certificateInfo(response.socket);
      readBody(response, request.maxBodyBytes).then(
        (body) =>
          settle(() =>
            resolve({
              url,
              status: response.statusCode ?? 0,
              statusText: response.statusMessage ?? "",
              headers: response.headers,
              body,
              ...(certificate ? { certificate } : {}),
            }),
          ),
        fail,
      );
    };
    const req =
      request.proxy && !isHttps
        ? viaAbsoluteForm(url, request.proxy, options, onResponse)
        : (isHttps ? https : http).request(url, options, onResponse);
    signal.addEventListener("abort", onAbort, { once: true });
    req.on("error", fail);
    req.end(request.body);
  });
}

// Tunnels for keep-alive requests (the latency probe, fetch.ts) are reused like connections.
const keepAliveTunnels = new Map<string, https.Agent>();

function agentFor(request: HttpRequest, isHttps: boolean): http.Agent | false {
  if (!request.proxy || !isHttps) return request.agent ?? false;
  if (!request.agent) return tunnelAgent(request.proxy);
  let agent = keepAliveTunnels.get(request.proxy.href);
  if (!agent) keepAliveTunnels.set(request.proxy.href, (agent = tunnelAgent(request.proxy, true)));
  return agent;
}

function viaAbsoluteForm(
  url: URL,
  proxy: URL,
  options: http.RequestOptions,
  onResponse: (response: IncomingMessage) => void,
): http.ClientRequest {
  const target = absoluteForm(url, proxy);
  const headers = { ...(options.headers as Record<string, string>), ...target.options.headers };
  return target.module.request(
    { ...options, ...target.options, headers, agent: false },
    onResponse,
  );
}

function abortFailure(signal: AbortSignal): RequestFailure {
  const reason: unknown = signal.reason;
  if (reason instanceof RequestFailure) return reason;
  return new RequestFailure("cancelled");
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The request for the next hop: 303 (and 301/302 after a POST) become GET, as browsers do. */
function nextHop(request: HttpRequest, status: number, location: URL): HttpRequest {
  const toGet = status === 303 || ((status === 301 || status === 302) && request.method === "POST");
  const sameOrigin = location.origin === request.url.origin;
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(
      // Credentials are for the origin they were given for, never for wherever it redirects.
      ([name]) => sameOrigin || !isCredentialHeader(name, request.secretHeaders ?? []),
    ),
  );
  const next: HttpRequest = {
    ...request,
    url: location,
    headers,
    method: toGet ? "GET" : request.method,
  };
  if (toGet) delete next.body;
  return next;
}

/** How a redirect loop reads: the URLs that came round again, as paths when on one origin. */
function describeLoop(chain: string[], origin: string): string {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const href of chain) (seen.has(href) ? repeated : seen).add(href);
  const show = (href: string) =>
    href.startsWith(origin) ? href.slice(origin.length) || "/" : href;
  const names = [...repeated].slice(0, 3).map(show);
  if (names.length === 1) return `${names[0]} redirects to itself`;
  return `between ${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * A sender that goes through the proxy `env` names (HTTPS_PROXY, HTTP_PROXY, NO_PROXY), or
 * through `proxy` when given, deciding again at every redirect hop.
 */
export function sendWith(options: {
  env: Record<string, string | undefined>;
  proxy?: string | undefined;
}): HttpSend {
  const proxyOf = proxyRoute(options.env, options.proxy);
  const route = (request: HttpRequest): HttpRequest => ({
    ...request,
    proxy: proxyOf(request.url),
  });
  return (request, policy) => follow(route(request), policy, route);
}

/** Sends a request directly, following redirects up to the policy's limit. */
export const send: HttpSend = (request, policy) => follow(request, policy, (r) => r);

async function follow(
  request: HttpRequest,
  policy: RedirectPolicy,
  route: (request: HttpRequest) => HttpRequest,
): Promise<HttpResponse> {
  const chain = [request.url.href];
  let current = request;
  for (;;) {
    const response = await sendOnce(current);
    const location = response.headers.location;
    if (!policy.follow || !REDIRECTS.has(response.status) || !location) {
      return { ...response, redirects: chain.slice(1) };
    }
    const hops = chain.length - 1;
    if (hops >= policy.maxRedirects) {
      const looped = new Set(chain).size < chain.length;
      throw new RequestFailure(
        looped
          ? `redirect loop after ${hops} hops (${describeLoop(chain, request.url.origin)})`
          : `more than ${policy.maxRedirects} redirects (the last to ${location})`,
      );
    }
    let target: URL;
    try {
      target = new URL(location, current.url);
    } catch {
      throw new RequestFailure(`redirect to an invalid URL (${location})`);
    }
    if (target.protocol !== "http:" && target.protocol !== "https:") {
      throw new RequestFailure(`redirect to a non-HTTP URL (${target.protocol})`);
    }
    chain.push(target.href);
    current = route(nextHop(current, response.status, target));
  }
}
