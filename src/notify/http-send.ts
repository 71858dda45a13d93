/**
 * notify's HTTP client. Direct connections use verify's client; when the environment names
 * a proxy (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, as on self-hosted runners behind a corporate
 * proxy) requests go through undici's proxy agent instead, with the same extra CA.
 */
import { rootCertificates } from "node:tls";
import { fetch as undiciFetch, type Dispatcher } from "undici";
import { envProxyAgent } from "../core/proxy-env.js";
import type { HttpSend } from "../core/http/http-client.js";
import { send as directSend } from "../core/http/http-client.js";
import { RequestFailure, describeTransportError } from "../core/http/transport-errors.js";

function proxyFrom(
  env: Record<string, string | undefined>,
  ca: string | undefined,
): Dispatcher | undefined {
  return envProxyAgent(env, ca ? { ca: [...rootCertificates, ca] } : {});
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
