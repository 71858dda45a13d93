/**
 * The fetch Octokit sends requests with, honouring proxies. Node's built-in fetch ignores
 * HTTPS_PROXY, so behind a corporate proxy (common on self-hosted runners and GHES) every
 * request would fail; undici's proxy agents fix that.
 */
import { EnvHttpProxyAgent, ProxyAgent, fetch as undiciFetch, type Dispatcher } from "undici";
import { ConfigurationError } from "../errors.js";

export type Fetch = typeof globalThis.fetch;

function proxyAgent(proxy: string): ProxyAgent {
  try {
    new URL(proxy);
  } catch {
    throw new ConfigurationError(
      `The proxy "${proxy}" is not a URL; give it like http://proxy.example.com:3128.`,
    );
  }
  // Plain-http targets go to the proxy in absolute form (GET http://host/path), as curl does;
  // some proxies refuse CONNECT to port 80. https targets are always tunnelled.
  return new ProxyAgent({ uri: proxy, proxyTunnel: false });
}

function envProxyAgent(env: Record<string, string | undefined>): Dispatcher | undefined {
  // Lower-case first: curl and undici give the lower-case spelling precedence.
  const httpProxy = env["http_proxy"] || env["HTTP_PROXY"] || "";
  const httpsProxy = env["https_proxy"] || env["HTTPS_PROXY"] || "";
  if (!httpProxy && !httpsProxy) return undefined;
  const noProxy = env["no_proxy"] || env["NO_PROXY"] || "";
  // Empty strings (not undefined) so undici never falls back to process.env behind our back.
  return new EnvHttpProxyAgent({ httpProxy, httpsProxy, noProxy, proxyTunnel: false });
}

/** The dispatcher for an explicit proxy, or for the proxy variables in `env`, if any. */
export function proxyDispatcher(
  proxy: string | undefined,
  env: Record<string, string | undefined>,
): Dispatcher | undefined {
  if (proxy?.trim()) return proxyAgent(proxy.trim());
  return envProxyAgent(env);
}

/** A fetch that sends every request through `dispatcher` (or plain fetch without one). */
export function fetchVia(dispatcher: Dispatcher | undefined): Fetch {
  if (!dispatcher) return globalThis.fetch;
  const viaProxy = (input: Parameters<Fetch>[0], init?: Parameters<Fetch>[1]) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
    });
  return viaProxy as unknown as Fetch;
}
