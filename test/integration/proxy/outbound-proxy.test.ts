/**
 * Runners behind a proxy: verify's checks and promote's analyses reach their loopback
 * endpoints through a real forward proxy when HTTP_PROXY / HTTPS_PROXY are set (plain HTTP
 * relayed in absolute form, HTTPS tunnelled with CONNECT), and go direct for NO_PROXY hosts.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toRunnable } from "../../../src/core/action.js";
import { systemClock } from "../../../src/core/clock.js";
import { MemoryLogger } from "../../../src/core/logger.js";
import { SecretRegistry } from "../../../src/core/secrets.js";
import { runHttpJsonAnalysis } from "../../../src/promote/analyses/http-json.js";
import { runPrometheusAnalysis } from "../../../src/promote/analyses/prometheus.js";
import type { AnalysisDeps } from "../../../src/promote/analyses/types.js";
import { runVerifyAnalysis } from "../../../src/promote/analyses/verify-analysis.js";
import { parseCondition } from "../../../src/promote/conditions.js";
import { analysisTransport } from "../../../src/promote/transport.js";
import { parseCheckList } from "../../../src/verify/check-sources.js";
import { BUILT_IN_DEFAULTS } from "../../../src/verify/check-spec.js";
import { verifyAction } from "../../../src/verify/definition.js";
import { startForwardProxy, type ForwardProxy } from "../../helpers/forward-proxy.js";
import { tempDir } from "../../helpers/run-context.js";
import type { TestServer } from "../verify/servers.js";
import { makeCertificate, startServer } from "../verify/servers.js";

/** A health endpoint, a JSON metrics endpoint and Prometheus's instant-query API. */
function routes(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? "/", "http://x").pathname;
  res.setHeader("content-type", "application/json");
  if (path === "/health") res.end('{"status":"ok"}');
  else if (path === "/metrics.json") res.end('{"errors":{"rate":0.01}}');
  else if (path === "/api/v1/query") {
    res.end(
      JSON.stringify({
        status: "success",
        data: { resultType: "vector", result: [{ metric: {}, value: [Date.now() / 1000, "0.5"] }] },
      }),
    );
  } else res.writeHead(404).end("{}");
}

let proxy: ForwardProxy;
let plain: TestServer;
let secure: TestServer;
let dir: string;

beforeAll(async () => {
  dir = tempDir("greenlight-proxy-");
  proxy = await startForwardProxy();
  plain = await startServer(routes);
  secure = await startServer(routes, { tls: makeCertificate(dir, 30) });
});

afterAll(async () => {
  await Promise.all([proxy?.close(), plain?.close(), secure?.close()]);
});

async function verify(env: Record<string, string>) {
  const checks = [
    { url: plain.url("/health"), expect: { status: 200 } },
    { url: secure.url("/health"), expect: { status: 200 }, tls: { verify: false } },
  ];
  const result = await toRunnable(verifyAction).execute(
    { checks: JSON.stringify(checks), attempts: "1" },
    {
      logger: new MemoryLogger(),
      clock: systemClock,
      secrets: new SecretRegistry(),
      env,
      cwd: dir,
      saveState: () => undefined,
    },
  );
  return result.outputs["passed"];
}

function analysisDeps(env: Record<string, string>): AnalysisDeps {
  // What promote's definition gives its analyses.
  return {
    ...analysisTransport(env),
    clock: systemClock,
    logger: new MemoryLogger(),
    secrets: new SecretRegistry(),
    env,
  };
}

describe("outbound requests behind a proxy", () => {
  it("verify relays plain HTTP through HTTP_PROXY and tunnels HTTPS through HTTPS_PROXY", async () => {
    proxy.seen.length = 0;
    expect(await verify({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url })).toBe("true");
    expect(proxy.seen).toEqual([`GET ${plain.url("/health")}`, `CONNECT 127.0.0.1:${secure.port}`]);
  });

  it("verify goes direct for NO_PROXY hosts", async () => {
    proxy.seen.length = 0;
    const env = { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: "localhost,127.0.0.1" };
    expect(await verify(env)).toBe("true");
    expect(proxy.seen).toEqual([]);
  });

  it("promote's Prometheus, HTTP-JSON and verify analyses go through the proxy", async () => {
    proxy.seen.length = 0;
    const now = new Date();
    const deps = analysisDeps({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url });
    const prometheus = await runPrometheusAnalysis(
      {
        name: "error-rate",
        url: plain.origin,
        query: "errors",
        conditions: { success: parseCondition("result < 1", "success") },
      },
      { since: now, now },
      deps,
    );
    const json = await runHttpJsonAnalysis(
      {
        name: "json-errors",
        url: plain.url("/metrics.json"),
        path: "$.errors.rate",
        headers: {},
        conditions: { success: parseCondition("result < 0.05", "success") },
      },
      deps,
    );
    const checks = parseCheckList(
      [{ url: plain.url("/health"), expect: { status: 200 } }],
      { label: "the test's checks" },
      { ...BUILT_IN_DEFAULTS, attempts: 1 },
      { env: {}, onSecret: () => undefined },
    );
    const health = await runVerifyAnalysis({ name: "health", checks }, deps);
    expect([prometheus.verdict, json.verdict, health.verdict]).toEqual([
      "passed",
      "passed",
      "passed",
    ]);
    expect(proxy.seen).toEqual([
      expect.stringMatching(new RegExp(`^GET ${plain.origin}/api/v1/query\\?`)),
      `GET ${plain.url("/metrics.json")}`,
      `GET ${plain.url("/health")}`,
    ]);
  });
});
