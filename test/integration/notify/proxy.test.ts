/**
 * notify behind a proxy, as on self-hosted runners: a real forward proxy on loopback that
 * relays plain-HTTP requests in absolute form and tunnels HTTPS with CONNECT; NO_PROXY
 * bypasses it.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toRunnable } from "../../../src/core/action.js";
import { notifyAction } from "../../../src/notify/definition.js";
import { tempDir, testContext } from "../../helpers/run-context.js";
import { makeCertificate } from "../verify/servers.js";
import type { Receiver } from "./receivers.js";
import { FastForwardClock, slackWebhookReceiver, teamsReceiver } from "./receivers.js";
import { listenOnLoopback } from "../../helpers/ports.js";

interface Proxy {
  url: string;
  seen: string[];
  close(): Promise<void>;
}

async function startProxy(): Promise<Proxy> {
  const seen: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const target = new URL(req.url ?? "");
    const upstream = http.request(
      target,
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on("connect", (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`);
    const [host, port] = (req.url ?? "").split(":");
    const upstream = net.connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
    sockets.add(client).add(upstream);
  });
  server.on("connection", (socket: net.Socket) => sockets.add(socket));
  await listenOnLoopback(server);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

let proxy: Proxy;
let dir: string;
const open: Receiver[] = [];

beforeAll(async () => {
  proxy = await startProxy();
  dir = tempDir("greenlight-notify-proxy-");
  const cert = makeCertificate(dir, 30, "receiver");
  writeFileSync(join(dir, "ca.pem"), cert.cert);
  open.push(await slackWebhookReceiver(), await teamsReceiver(cert));
});

afterAll(async () => {
  await Promise.all(open.map((r) => r.close()));
  await proxy?.close();
});

async function run(env: Record<string, string>) {
  const [slack, teams] = open as [Receiver, Receiver];
  const { context } = testContext(dir, env);
  context.clock = new FastForwardClock();
  const result = await toRunnable(notifyAction).execute(
    {
      status: "success",
      environment: "production",
      attempts: "1",
      "ca-file": "ca.pem",
      "slack-webhook-url": slack.url("/services/T0/B0/proxiedHookSecret"),
      "teams-webhook-url": teams.url("/workflows/proxiedTeamsHook"),
    },
    context,
  );
  return JSON.parse(result.outputs["delivered"]!) as string[];
}

describe("notify through a proxy", () => {
  it("relays plain HTTP through the proxy and tunnels HTTPS, trusting the extra CA", async () => {
    const delivered = await run({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url });
    expect(delivered).toEqual(["slack", "teams"]);
    const [slack, teams] = open as [Receiver, Receiver];
    expect(proxy.seen).toEqual([
      `POST ${slack.url("/services/T0/B0/proxiedHookSecret")}`,
      `CONNECT 127.0.0.1:${teams.server.port}`,
    ]);
  });

  it("goes direct for hosts in NO_PROXY", async () => {
    proxy.seen.length = 0;
    const delivered = await run({
      HTTP_PROXY: proxy.url,
      HTTPS_PROXY: proxy.url,
      NO_PROXY: "127.0.0.1",
    });
    expect(delivered).toEqual(["slack", "teams"]);
    expect(proxy.seen).toEqual([]);
  });

  it("says so when the proxy cannot be reached", async () => {
    const { context } = testContext(dir, {
      HTTPS_PROXY: "http://127.0.0.1:9",
      HTTP_PROXY: "http://127.0.0.1:9",
    });
    context.clock = new FastForwardClock();
    const [slack] = open as [Receiver];
    const result = await toRunnable(notifyAction).execute(
      {
        status: "success",
        environment: "production",
        attempts: "1",
        "slack-webhook-url": slack.url("/services/x/y/z"),
      },
      context,
    );
    const report = JSON.parse(result.outputs["report"]!) as { targets: { reason: string }[] };
    expect(report.targets[0]!.reason).toBe("connection refused (attempt 1 of 1)");
  });
});
