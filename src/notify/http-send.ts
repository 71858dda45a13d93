/**
 * notify's HTTP client. Direct connections use verify's client; when the environment names
 * a proxy (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, as on self-hosted runners behind a corporate
 * proxy) requests go through undici's proxy agent instead, with the same extra CA.
 */
import { rootCertificates } from "node:tls";
import { EnvHttpProxyAgent, fetch as undiciFetch, type Dispatcher } from "undici";
import type { HttpSend } from "../verify/http-client.js";
import { send as directSend } from "../verify/http-client.js";
import { RequestFailure, describeTransportError } from "../verify/transport-errors.js";

function proxyFrom(
  env: Record<string, string | undefined>,
  ca: string | undefined,
): Dispatcher | undefined {
  // Lower-case first: curl and undici give the lower-case spelling precedence.
  const httpProxy = env["http_proxy"] || env["HTTP_PROXY"] || "";
  const httpsProxy = env["https_proxy"] || env["HTTPS_PROXY"] || "";
  if (!httpProxy && !httpsProxy) return undefined;
  const noProxy = env["no_proxy"] || env["NO_PROXY"] || "";
  const tls = ca ? { ca: [...rootCertificates, ca] } : {};
  // Empty strings (not undefined) so undici never reads process.env behind the caller's back.
  return new EnvHttpProxyAgent({
    httpProxy,
    httpsProxy,
    noProxy,
    proxyTunnel: false,
    connect: tls,
    requestTls: tls,
  });
}

function viaDispatcher(dispatcher: Dispatcher): HttpSend {
  return async (request) => {
    let response: Awaited<ReturnType<typeof undiciFetch>>;
    try {
      response = await undiciFetch(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
        signal: request.signal,
        redirect: "manual",
        dispatcher,
      });
    } catch (error) {
      // undici wraps the socket error ("fetch failed"); the cause says what happened.
      const cause = (error as { cause?: unknown }).cause ?? error;
      throw new RequestFailure(describeTransportError(cause, request.url));
    }
    const body = Buffer.from(await response.arrayBuffer()).subarray(0, request.maxBodyBytes);
    return {
      url: request.url,
      status: response.status,
      statusText: response.statusText,
      headers: Object.fromEntries(response.headers),
      body,
      redirects: [],
    };
  };
}

/** The client for notify's requests: through the environment's proxy if it names one. */
export function notifySend(
  env: Record<string, string | undefined>,
  ca: string | undefined,
): HttpSend {
  const dispatcher = proxyFrom(env, ca);
  return dispatcher ? viaDispatcher(dispatcher) : directSend;
}
