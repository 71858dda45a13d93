/**
 * notify behind a proxy, as on self-hosted runners: a real forward proxy on loopback that
 * relays plain-HTTP requests in absolute form and tunnels HTTPS with CONNECT; NO_PROXY
 * bypasses it.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toRunnable } from "../../../src/core/action.js";
import { notifyAction } from "../../../src/notify/definition.js";
import { startForwardProxy, type ForwardProxy } from "../../helpers/forward-proxy.js";
import { tempDir, testContext } from "../../helpers/run-context.js";
import { makeCertificate } from "../verify/servers.js";
import type { Receiver } from "./receivers.js";
import { FastForwardClock, slackWebhookReceiver, teamsReceiver } from "./receivers.js";

let proxy: ForwardProxy;
let dir: string;
const open: Receiver[] = [];

beforeAll(async () => {
  proxy = await startForwardProxy();
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
