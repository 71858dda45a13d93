/**
 * The proxy a runner's environment names (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, as on
 * self-hosted runners behind a corporate proxy). Every outbound request Greenlight makes
 * (GitHub, registries, verify's checks, promote's analyses, notify) goes through
 * core/http/http-client.ts, which asks this module, per request and per redirect hop,
 * whether to go through a proxy.
 */
import { ConfigurationError } from "./errors.js";

type Env = Record<string, string | undefined>;

/** Lower-case first: curl and undici give the lower-case spelling precedence. */
function variable(env: Env, name: string): string {
  return (env[name.toLowerCase()] || env[name.toUpperCase()] || "").trim();
}

function proxyUrl(value: string, source: string): URL {
  let url: URL;
  try {
    // A bare host:port is what many people put in HTTPS_PROXY; curl reads it as http://.
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    url = new URL("invalid:");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigurationError(
      `The proxy in ${source} is not an http:// or https:// URL; give it like http://proxy.example.com:3128.`,
    );
  }
  return url;
}

function defaultPort(protocol: string): string {
  return protocol === "https:" ? "443" : "80";
}

/**
 * Whether NO_PROXY exempts `target`, read as curl does: `*` for every host, otherwise a
 * comma- or space-separated list of host names (matching the host and its subdomains; a
 * leading dot or `*.` means the same), IP addresses, each optionally with a port.
 */
function bypassed(target: URL, noProxy: string): boolean {
  const host = target.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const port = target.port || defaultPort(target.protocol);
  for (const raw of noProxy.split(/[\s,]+/)) {
    let entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === "*") return true;
    let entryPort: string | undefined;
    const withPort = /^(\[[^\]]*\]|[^:]*):(\d+)$/.exec(entry);
    if (withPort) {
      entry = withPort[1]!;
      entryPort = withPort[2];
    }
    entry = entry.replace(/^\*?\./, "").replace(/^\[|\]$/g, "");
    if (entryPort && entryPort !== port) continue;
    if (host === entry || host.endsWith(`.${entry}`)) return true;
  }
  return false;
}

/** Chooses the proxy for each request: a URL to go through, or undefined to connect directly. */
export type ProxyRoute = (target: URL) => URL | undefined;

/**
 * The proxy rules of `env`, checked at once so a malformed proxy is a configuration error
 * before the first request, not a network failure at it. `explicit` (an action input) wins
 * over the environment and ignores NO_PROXY, as an explicit setting should.
 */
export function proxyRoute(env: Env, explicit?: string): ProxyRoute {
  if (explicit?.trim()) {
    const proxy = proxyUrl(explicit.trim(), `input "proxy"`);
    return () => proxy;
  }
  const httpValue = variable(env, "http_proxy");
  const httpsValue = variable(env, "https_proxy");
  const httpProxy = httpValue ? proxyUrl(httpValue, "HTTP_PROXY") : undefined;
  // An https target falls back to HTTP_PROXY, as undici and most tools do; http never to HTTPS_PROXY.
  const httpsProxy = httpsValue ? proxyUrl(httpsValue, "HTTPS_PROXY") : httpProxy;
  const noProxy = variable(env, "no_proxy");
  return (target) => {
    const proxy = target.protocol === "https:" ? httpsProxy : httpProxy;
    return proxy && !bypassed(target, noProxy) ? proxy : undefined;
  };
}
