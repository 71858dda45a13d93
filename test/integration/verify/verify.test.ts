/**
 * verify against real loopback HTTP and HTTPS servers (certificates made by openssl here):
 * each scenario of a deployment gone right or wrong gives the right verdict and a reason a
 * person understands. Intervals and timeouts are small so the suite stays fast.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toRunnable } from "../../../src/core/action.js";
import { systemClock } from "../../../src/core/clock.js";
import { MemoryLogger } from "../../../src/core/logger.js";
import { SecretRegistry } from "../../../src/core/secrets.js";
import { renderMarkdown } from "../../../src/core/summary.js";
import { verifyAction } from "../../../src/verify/definition.js";
import type { VerifyResult } from "../../../src/verify/main.js";
import { tempDir } from "../../helpers/run-context.js";
import type { Certificate, TestServer } from "./servers.js";
import { SECURITY_HEADERS, freePort, makeCertificate, sendJson, startServer } from "./servers.js";

const HEALTHY = {
  status: "ok",
  version: "1.4.2",
  details: { database: { postgres: { status: "up" } }, cache: { redis: { status: "up" } } },
};
const FAST = { timeout: "2s", attempts: "1", interval: "50ms" };

let dir: string;
let plain: TestServer;
let secure: TestServer;
let expiring: TestServer;
let secureCert: Certificate;
let expiringCert: Certificate;
const flaps = new Map<string, number>();

function routes(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", "http://x");
  const path = url.pathname;
  if (path === "/health") return sendJson(res, 200, HEALTHY, SECURITY_HEADERS);
  if (path === "/old") return sendJson(res, 200, { ...HEALTHY, version: "1.4.1" });
  if (path === "/degraded") {
    return sendJson(res, 200, {
      status: "degraded",
      version: "1.4.2",
      details: { database: { postgres: { status: "up" } }, cache: { redis: { status: "down" } } },
    });
  }
  if (path === "/slow") {
    const ms = Number(url.searchParams.get("ms") ?? "1500");
    const timer = setTimeout(() => sendJson(res, 200, HEALTHY), ms);
    res.on("close", () => clearTimeout(timer));
    return;
  }
  if (path.startsWith("/flap/")) {
    const seen = (flaps.get(path) ?? 0) + 1;
    flaps.set(path, seen);
    return seen <= 2 ? sendJson(res, 503, { status: "starting" }) : sendJson(res, 200, HEALTHY);
  }
  if (path === "/html") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    return res.end("<!doctype html><title>Welcome to nginx!</title>");
  }
  if (path === "/loop/a" || path === "/loop/b") {
    res.writeHead(302, { location: path === "/loop/a" ? "/loop/b" : "/loop/a" });
    return res.end();
  }
  if (path === "/moved") {
    res.writeHead(301, { location: "/health" });
    return res.end();
  }
  if (path === "/huge") {
    // 5 MiB, chunked: no Content-Length to stop early on, so the read itself must stop.
    res.writeHead(200, { "content-type": "application/json" });
    const chunk = Buffer.alloc(64 * 1024, "x");
    let sent = 0;
    const pump = () => {
      while (sent < 80) {
        sent++;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      res.end();
    };
    res.on("error", () => undefined);
    return pump();
  }
  if (path === "/huge-declared") {
    res.writeHead(200, {
      "content-type": "application/json",
      "content-length": String(5 * 1024 * 1024),
    });
    return res.end();
  }
  if (path === "/private") {
    return req.headers.authorization === "Bearer let-me-in-0123456789"
      ? sendJson(res, 200, { secret: "data" })
      : sendJson(res, 401, { error: "unauthorized" }, { "www-authenticate": "Bearer" });
  }
  if (path === "/open-admin") return sendJson(res, 200, { admin: true });
  if (path === "/echo") return sendJson(res, 200, { headers: req.headers });
  if (path === "/to-other-origin") {
    res.writeHead(302, { location: `${url.searchParams.get("origin")}/echo` });
    return res.end();
  }
  if (path === "/no-hsts") {
    const { "strict-transport-security": _hsts, ...rest } = SECURITY_HEADERS;
    return sendJson(res, 200, HEALTHY, rest);
  }
  return sendJson(res, 404, { error: "not found" });
}

beforeAll(async () => {
  dir = tempDir("greenlight-verify-");
  secureCert = makeCertificate(dir, 30, "secure");
  expiringCert = makeCertificate(dir, 3, "expiring");
  plain = await startServer(routes);
  secure = await startServer(routes, { tls: secureCert });
  expiring = await startServer(routes, { tls: expiringCert });
});

afterAll(async () => {
  await Promise.all([plain?.close(), secure?.close(), expiring?.close()]);
});

async function run(inputs: Record<string, string>) {
  const logger = new MemoryLogger();
  const secrets = new SecretRegistry();
  const result = await toRunnable(verifyAction).execute(inputs, {
    logger,
    clock: systemClock,
    secrets,
    env: {},
    cwd: dir,
    saveState: () => undefined,
  });
  const report = JSON.parse(result.outputs["report"] ?? "null") as VerifyResult;
  return {
    result,
    report,
    logger,
    check: report.checks[0]!,
    summary: renderMarkdown(result.summary ?? []),
  };
}

function checks(list: object[]): string {
  return JSON.stringify(list);
}

describe("verify against real servers", () => {
  it("passes a healthy HTTPS endpoint: version, dependencies, security headers, certificate", async () => {
    const { result, check, summary } = await run({
      ...FAST,
      url: secure.url("/health"),
      "ca-file": secureCert.certFile,
      "expect-version": "1.4.2",
      "expect-json":
        '$.status == "ok"\n$.details.database.postgres.status == "up"\n$.details.*.*.status == "up"',
      "security-headers": "true",
    });
    expect(result.failure).toBeUndefined();
    expect(result.outputs).toMatchObject({ passed: "true", "failed-checks": "[]" });
    expect(check).toMatchObject({ passed: true, attempts: 1, status: 200 });
    expect(check.certificate?.subject).toBe("127.0.0.1");
    expect(check.certificate?.daysLeft).toBeGreaterThan(29);
    expect(summary).toContain("All 1 check passed");
    expect(summary).toMatch(
      /\| `127\.0\.0\.1:\d+\/health` \| ✅ passed \| 1 of 1 \| [\d.]+ ms \| status 200 \|/,
    );
  });

  it("fails a slow endpoint with the per-attempt timeout", async () => {
    const started = Date.now();
    const { result, check } = await run({
      url: plain.url("/slow?ms=3000"),
      timeout: "300ms",
      attempts: "2",
      interval: "50ms",
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result.outputs["passed"]).toBe("false");
    expect(check.reason).toBe("no response within 300 ms (attempt 2 of 2)");
  });

  it("fails an endpoint that answers, but slower than max-latency allows", async () => {
    const { check } = await run({
      ...FAST,
      checks: checks([
        { name: "sluggish", url: plain.url("/slow?ms=250"), expect: { "max-latency": "100ms" } },
      ]),
    });
    expect(check.reason).toMatch(
      /^answered in \d+ ms, more than the 100 ms allowed \(attempt 1 of 1\)$/,
    );
  });

  it("passes a flapping endpoint that fails twice, then answers", async () => {
    const { result, check } = await run({
      url: plain.url("/flap/one"),
      attempts: "3",
      interval: "50ms",
      timeout: "2s",
    });
    expect(result.outputs["passed"]).toBe("true");
    expect(check.attempts).toBe(3);
    expect(check.history.map((a) => a.status)).toEqual([503, 503, 200]);
    expect(check.history[0]!.reasons).toEqual([
      'expected status 2xx but got 503 Service Unavailable: "{\\"status\\":\\"starting\\"}"',
    ]);
  });

  it("fails the wrong version with what it expected and what it got", async () => {
    const { result, check } = await run({
      url: plain.url("/old"),
      "expect-version": "1.4.2",
      attempts: "2",
      interval: "50ms",
    });
    expect(result.outputs["failed-checks"]).toBe(JSON.stringify([check.name]));
    expect(check.reason).toBe('expected $.version == "1.4.2" but got "1.4.1" (attempt 2 of 2)');
    expect(result.failure).toContain('expected $.version == "1.4.2" but got "1.4.1"');
  });

  it("fails the wrong JSON, naming the value and where it is", async () => {
    const { check } = await run({
      ...FAST,
      checks: checks([
        {
          name: "deps",
          url: plain.url("/degraded"),
          expect: { json: ['$.status == "ok"', '$.details.*.*.status == "up"', "$.uptime exists"] },
        },
      ]),
    });
    expect(check.reason).toBe(
      `expected $.status == "ok" but got "degraded"; expected $.details.*.*.status == "up" but got "down" at $['details']['cache']['redis']['status']; expected $.uptime exists but it is absent (attempt 1 of 1)`,
    );
  });

  it("fails a body that is not JSON, naming its content type", async () => {
    const { check } = await run({
      ...FAST,
      url: plain.url("/html"),
      "expect-json": '$.status == "ok"',
    });
    expect(check.reason).toBe("body is not JSON (text/html) (attempt 1 of 1)");
  });

  it("fails a redirect loop after the hop limit and follows an ordinary redirect", async () => {
    const { check } = await run({ ...FAST, url: plain.url("/loop/a") });
    expect(check.reason).toBe(
      "redirect loop after 10 hops (between /loop/a and /loop/b) (attempt 1 of 1)",
    );
    const moved = await run({ ...FAST, url: plain.url("/moved"), "expect-version": "1.4.2" });
    expect(moved.check).toMatchObject({ passed: true, redirects: [plain.url("/health")] });
    const strict = await run({
      ...FAST,
      checks: checks([
        { url: plain.url("/moved"), "follow-redirects": false, expect: { status: 301 } },
      ]),
    });
    expect(strict.check.passed).toBe(true);
  });

  it("sends credentials to the origin they were given for, never across a redirect", async () => {
    const headers = { Authorization: "Bearer same-origin-only-123", "X-Trace": "kept" };
    const { report } = await run({
      ...FAST,
      checks: checks([
        {
          name: "same-origin",
          url: plain.url("/echo"),
          headers,
          expect: { json: ['$.headers.authorization == "Bearer same-origin-only-123"'] },
        },
        {
          name: "cross-origin",
          url: plain.url(`/to-other-origin?origin=${encodeURIComponent(secure.origin)}`),
          headers,
          tls: { "ca-file": secureCert.certFile },
          expect: { json: ["$.headers.authorization not exists", '$.headers.x-trace == "kept"'] },
        },
      ]),
    });
    expect(report.checks.map((c) => [c.name, c.passed, c.reason])).toEqual([
      ["same-origin", true, undefined],
      ["cross-origin", true, undefined],
    ]);
    expect(report.checks[1]!.redirects).toEqual([secure.url("/echo")]);
  });

  it("retries a refused connection and passes once the server is up", async () => {
    const port = await freePort();
    let late: TestServer | undefined;
    const starting = delay(200).then(async () => {
      late = await startServer(routes, { port });
    });
    try {
      const { result, check } = await run({
        url: `http://127.0.0.1:${port}/health`,
        attempts: "5",
        interval: "150ms",
        timeout: "1s",
      });
      expect(result.outputs["passed"]).toBe("true");
      expect(check.history[0]!.reasons).toEqual(["connection refused"]);
      expect(check.attempts).toBeGreaterThan(1);
    } finally {
      await starting;
      await late?.close();
    }
  });

  it("fails a connection that stays refused, counting the attempts", async () => {
    const port = await freePort();
    const { check } = await run({
      url: `http://127.0.0.1:${port}/health`,
      attempts: "3",
      interval: "20ms",
    });
    expect(check.reason).toBe("connection refused (attempt 3 of 3)");
  });

  it("stops reading a huge body at the limit", async () => {
    const started = Date.now();
    const { check } = await run({ ...FAST, url: plain.url("/huge") });
    expect(check.reason).toBe("response body exceeded 1 MiB (attempt 1 of 1)");
    const declared = await run({ ...FAST, url: plain.url("/huge-declared"), "max-body": "64KiB" });
    expect(declared.check.reason).toBe(
      "response body exceeded 64 KiB (Content-Length: 5 MiB) (attempt 1 of 1)",
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("fails a certificate that expires in 3 days", async () => {
    const { check } = await run({
      ...FAST,
      url: expiring.url("/health"),
      "ca-file": expiringCert.certFile,
    });
    expect(check.reason).toBe(
      "certificate for 127.0.0.1 expires in 3 days (minimum 14) (attempt 1 of 1)",
    );
    expect(check.certificate?.daysLeft).toBeLessThan(3);
    const relaxed = await run({
      ...FAST,
      url: expiring.url("/health"),
      "ca-file": expiringCert.certFile,
      "certificate-min-days": "2",
    });
    expect(relaxed.check.passed).toBe(true);
  });

  it("refuses an untrusted certificate unless the check opts out, and still checks its expiry", async () => {
    const untrusted = await run({ ...FAST, url: secure.url("/health") });
    expect(untrusted.check.reason).toBe(
      "certificate for 127.0.0.1 is not trusted (self-signed); give its CA in tls.ca-file (or ca-file), or set tls.verify: false (attempt 1 of 1)",
    );
    const optOut = await run({
      ...FAST,
      checks: checks([
        { name: "insecure", url: secure.url("/health"), tls: { verify: false } },
        {
          name: "insecure-expiring",
          url: expiring.url("/health"),
          tls: { verify: false, "min-days": 7 },
        },
      ]),
    });
    expect(optOut.report.checks.map((c) => [c.name, c.passed, c.reason])).toEqual([
      ["insecure", true, undefined],
      [
        "insecure-expiring",
        false,
        "certificate for 127.0.0.1 expires in 3 days (minimum 7) (attempt 1 of 1)",
      ],
    ]);
  });

  it("fails a missing security header", async () => {
    const { check } = await run({
      ...FAST,
      url: secure.url("/no-hsts"),
      "ca-file": secureCert.certFile,
      "security-headers": "true",
    });
    expect(check.reason).toBe(
      "response header Strict-Transport-Security is missing (attempt 1 of 1)",
    );
  });

  it("passes a 401 check without credentials and fails an endpoint that is not locked", async () => {
    const { result } = await run({
      ...FAST,
      checks: checks([
        {
          name: "locked",
          url: plain.url("/private"),
          expect: { status: 401, headers: { "WWW-Authenticate": "/^Bearer/" } },
        },
        {
          name: "with-credentials",
          url: plain.url("/private"),
          headers: { Authorization: "Bearer let-me-in-0123456789" },
        },
        { name: "admin-locked", url: plain.url("/open-admin"), expect: { status: [401, 403] } },
      ]),
    });
    const report = JSON.parse(result.outputs["report"]!) as VerifyResult;
    expect(report.checks.map((c) => [c.name, c.passed])).toEqual([
      ["locked", true],
      ["with-credentials", true],
      ["admin-locked", false],
    ]);
    expect(report.checks[2]!.reason).toBe(
      "expected status 401 or 403 but got 200 OK (attempt 1 of 1)",
    );
    expect(result.outputs["failed-checks"]).toBe('["admin-locked"]');
  });

  it("runs checks concurrently: four slow endpoints take about as long as one", async () => {
    const started = Date.now();
    const { result } = await run({
      ...FAST,
      checks: checks(
        ["a", "b", "c", "d"].map((name) => ({ name, url: plain.url("/slow?ms=500") })),
      ),
    });
    expect(result.outputs["passed"]).toBe("true");
    // One after another would take 2 s.
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("stops retrying at the overall deadline", async () => {
    const port = await freePort();
    const started = Date.now();
    const { check } = await run({
      url: `http://127.0.0.1:${port}/`,
      attempts: "10",
      interval: "200ms",
      deadline: "500ms",
    });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(check.reason).toMatch(
      /^connection refused \(attempt [23] of 10; the 500 ms deadline leaves no time for another\)$/,
    );
  });

  it("probes latency with keep-alive and reports percentiles, errors and throughput", async () => {
    const { result, check, summary } = await run({
      ...FAST,
      url: plain.url("/health"),
      latency: "{requests: 200, concurrency: 8, p95: 2s, max-error-rate: 1%}",
    });
    expect(result.outputs["passed"]).toBe("true");
    const probe = (check as VerifyResult["checks"][number]).latencyProbe!;
    expect(probe).toMatchObject({
      requests: 200,
      concurrency: 8,
      completed: 200,
      errors: 0,
      passed: true,
    });
    expect(probe.latencyMs.p50).toBeLessThanOrEqual(probe.latencyMs.p95);
    expect(probe.latencyMs.p95).toBeLessThanOrEqual(probe.latencyMs.p99);
    expect(probe.throughput).toBeGreaterThan(0);
    expect(summary).toContain("### Latency: ");
    expect(summary).toMatch(/\| 200 \| 8 \| [\d.]+ ms \|/);
  });

  it("fails the latency probe's thresholds with a reason", async () => {
    const { check } = await run({
      ...FAST,
      url: plain.url("/slow?ms=30"),
      latency: "{requests: 20, concurrency: 5, p95: 5ms}",
    });
    expect(check.reason).toMatch(
      /^latency probe: p95 latency [\d.]+ ms is above the 5 ms limit \(20 requests at concurrency 5\)$/,
    );
  });
});
