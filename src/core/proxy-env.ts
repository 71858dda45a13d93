/**
 * The proxy a runner's environment names (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, as on
 * self-hosted runners behind a corporate proxy), read the same way by every HTTP client in
 * Greenlight.
 */
import { EnvHttpProxyAgent, type Dispatcher } from "undici";

/**
 * An agent for the proxy variables in `env`, or undefined when none is set. `tls` (extra CA
 * certificates) applies to the connection to the proxy and to the target alike.
 */
export function envProxyAgent(
  env: Record<string, string | undefined>,
  tls?: { ca?: string[] },
): Dispatcher | undefined {
  // Lower-case first: curl and undici give the lower-case spelling precedence.
  const httpProxy = env["http_proxy"] || env["HTTP_PROXY"] || "";
  const httpsProxy = env["https_proxy"] || env["HTTPS_PROXY"] || "";
  if (!httpProxy && !httpsProxy) return undefined;
  const noProxy = env["no_proxy"] || env["NO_PROXY"] || "";
  // Empty strings (not undefined) so undici never falls back to process.env behind our back.
  return new EnvHttpProxyAgent({
    httpProxy,
    httpsProxy,
    noProxy,
    proxyTunnel: false,
    ...(tls ? { connect: tls, requestTls: tls } : {}),
  });
}
