/**
 * The fetch API over the one HTTP transport (http-client.ts), for the clients written
 * against fetch: Octokit, the registry client, promote's analyses. Going through the same
 * transport gives them the same proxy rules (HTTPS_PROXY, HTTP_PROXY, NO_PROXY), TLS
 * options and readable network errors as verify and notify. Answers are read whole, up to
 * a bound, which suits API responses; connections are kept alive between requests.
 */
import http from "node:http";
import https from "node:https";
import { sendWith, type HttpRequest, type HttpResponse } from "./http-client.js";

export type Fetch = typeof globalThis.fetch;

export interface FetchOptions {
  /** Environment to read the proxy variables from. */
  env: Record<string, string | undefined>;
  /** An explicit proxy URL, winning over the environment. */
  proxy?: string | undefined;
  /** TLS verification and an extra CA (PEM text). Default: verify against the public roots. */
  tls?: { verify: boolean; ca?: string } | undefined;
  /** Largest answer read. Default 128 MiB (GitHub serves files up to 100 MB). */
  maxBodyBytes?: number | undefined;
}

const DEFAULT_MAX_BODY_BYTES = 128 * 1024 * 1024;
const MAX_REDIRECTS = 20; // as fetch
const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);

function headersOf(response: HttpResponse): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

function toResponse(answer: HttpResponse): Response {
  const body = NULL_BODY_STATUS.has(answer.status) ? null : answer.body;
  const response = new Response(body, {
    status: answer.status,
    statusText: answer.statusText,
    headers: headersOf(answer),
  });
  // A constructed Response has no URL; clients read it for the final address after redirects.
  Object.defineProperty(response, "url", { value: answer.url.href });
  Object.defineProperty(response, "redirected", { value: answer.redirects.length > 0 });
  return response;
}

/** A fetch whose requests all go through http-client.ts with the given options. */
export function httpFetch(options: FetchOptions): Fetch {
  const send = sendWith(options);
  const agents = {
    http: new http.Agent({ keepAlive: true }),
    https: new https.Agent({ keepAlive: true }),
  };
  const fetch = async (input: Parameters<Fetch>[0], init?: Parameters<Fetch>[1]) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.body === null ? undefined : Buffer.from(await request.arrayBuffer());
    const hop: HttpRequest = {
      url,
      method: request.method,
      headers: Object.fromEntries(request.headers),
      ...(body ? { body } : {}),
      tls: options.tls ?? { verify: true },
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      signal: request.signal,
      agent: url.protocol === "https:" ? agents.https : agents.http,
    };
    let answer: HttpResponse;
    try {
      answer = await send(hop, {
        follow: request.redirect === "follow",
        maxRedirects: MAX_REDIRECTS,
      });
    } catch (error) {
      // As fetch does: the signal's reason when aborted, else a TypeError whose cause says why.
      if (request.signal.aborted) throw request.signal.reason;
      throw new TypeError("fetch failed", { cause: error });
    }
    if (request.redirect === "error" && answer.headers.location && answer.status >= 300) {
      throw new TypeError("fetch failed", { cause: new Error("redirect not allowed") });
    }
    return toResponse(answer);
  };
  return fetch as Fetch;
}
