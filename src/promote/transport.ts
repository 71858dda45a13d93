/**
 * How promote's analyses reach their endpoints: Prometheus and HTTP JSON through fetch, verify
 * analyses through verify's own client, both through the proxy the runner sets (HTTP_PROXY,
 * HTTPS_PROXY, NO_PROXY), as the verify action does.
 */
import { httpFetch } from "../core/http/fetch.js";
import { sendWith } from "../core/http/http-client.js";

export function analysisTransport(env: Record<string, string | undefined>) {
  return { fetch: httpFetch({ env }), send: sendWith({ env }) };
}
