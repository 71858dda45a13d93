/**
 * Reaching a target through a forward proxy with Node's own http/https, so that a proxied
 * request keeps everything a direct one has: the peer certificate, bounded bodies,
 * redirects, readable errors. Plain-http targets go to the proxy in absolute form
 * (`GET http://host/path`), as curl sends them (some proxies refuse CONNECT to port 80);
 * https targets are tunnelled with CONNECT, and TLS runs end to end with the target.
 */
import http from "node:http";
import https from "node:https";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import tls from "node:tls";
import { RequestFailure } from "./transport-errors.js";

function proxyModule(proxy: URL): typeof http | typeof https {
  return proxy.protocol === "https:" ? https : http;
}

/** Basic credentials written into the proxy URL (http://user:pass@proxy:3128). */
export function proxyAuthorization(proxy: URL): Record<string, string> {
  if (!proxy.username && !proxy.password) return {};
  const user = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { "proxy-authorization": `Basic ${Buffer.from(user).toString("base64")}` };
}

/** Where a plain-http request for `target` is sent instead: to the proxy, naming the target. */
export function absoluteForm(
  target: URL,
  proxy: URL,
): { module: typeof http | typeof https; options: http.RequestOptions } {
  return {
    module: proxyModule(proxy),
    options: {
      protocol: proxy.protocol,
      hostname: proxy.hostname.replace(/^\[|\]$/g, ""),
      port: proxy.port || (proxy.protocol === "https:" ? 443 : 80),
      path: target.href,
      headers: { host: target.host, ...proxyAuthorization(proxy) },
    },
  };
}

/** An https agent whose connections are CONNECT tunnels through `proxy`. */
class TunnelAgent extends https.Agent {
  /** The proxy connection under each TLS socket, which keep-alive must (un)ref as well. */
  private readonly tunnels = new WeakMap<object, Socket>();

  constructor(
    private readonly proxy: URL,
    options: https.AgentOptions,
  ) {
    super(options);
  }

  override createConnection(
    options: http.RequestOptions,
    callback?: (error: Error | null, stream: Duplex) => void,
  ): undefined {
    const done = (error: Error | null, stream?: Duplex) =>
      callback?.(error, stream as unknown as Duplex);
    const host = String(options.host ?? "");
    const authority = `${host.includes(":") ? `[${host}]` : host}:${options.port ?? 443}`;
    const connect = proxyModule(this.proxy).request({
      hostname: this.proxy.hostname.replace(/^\[|\]$/g, ""),
      port: this.proxy.port || (this.proxy.protocol === "https:" ? 443 : 80),
      method: "CONNECT",
      path: authority,
      headers: { host: authority, ...proxyAuthorization(this.proxy) },
      agent: false,
    });
    connect.once("connect", (response: http.IncomingMessage, socket: Socket, head: Buffer) => {
      if (response.statusCode !== 200) {
        socket.destroy();
        done(
          new RequestFailure(
            `the proxy ${this.proxy.host} refused the tunnel to ${authority} (HTTP ${response.statusCode})`,
          ),
        );
        return;
      }
      if (head.length > 0) socket.unshift(head);
      const secure = tls.connect({ ...(options as tls.ConnectionOptions), socket });
      this.tunnels.set(secure, socket);
      done(null, secure);
    });
    connect.once("error", (error) => done(error));
    connect.end();
    return undefined;
  }

  // An idle kept-alive connection must not keep the process running; unref on the TLS socket
  // alone does not reach the proxy connection it is layered on.
  // (Node reads the answer as whether to keep the socket; its type declarations say void.)
  override keepSocketAlive(socket: Socket): void {
    const kept: unknown = super.keepSocketAlive(socket);
    if (kept) this.tunnels.get(socket)?.unref();
    return kept as void;
  }

  override reuseSocket(socket: Socket, request: http.ClientRequest): void {
    this.tunnels.get(socket)?.ref();
    super.reuseSocket(socket, request);
  }
}

/** The agent for https targets through `proxy`; keep-alive reuses tunnels between requests. */
export function tunnelAgent(proxy: URL, keepAlive = false): https.Agent {
  return new TunnelAgent(proxy, { keepAlive });
}
