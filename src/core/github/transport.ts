/**
 * The fetch Octokit sends requests with, honouring proxies. Node's built-in fetch ignores
 * HTTPS_PROXY, so behind a corporate proxy (common on self-hosted runners and GHES) every
 * request would fail; undici's proxy agents fix that.
 */
import { ProxyAgent, fetch as undiciFetch, type Dispatcher } from "undici";
import { ConfigurationError } from "../errors.js";
import { envProxyAgent } from "../proxy-env.js";

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
