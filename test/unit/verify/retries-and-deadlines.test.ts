/**
 * Attempts, intervals, per-attempt timeouts, the overall deadline and concurrency, on a
 * ManualClock: hours of waiting run in milliseconds, and every wait is exact.
 */
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/core/clock.js";
import { MemoryLogger } from "../../../src/core/logger.js";
import { SecretRegistry } from "../../../src/core/secrets.js";
import { parseChecksText } from "../../../src/verify/check-sources.js";
import { BUILT_IN_DEFAULTS } from "../../../src/verify/check-spec.js";
import { verify } from "../../../src/verify/main.js";
import type { Behaviour } from "../../helpers/fake-http.js";
import { drive, fakeHttp } from "../../helpers/fake-http.js";

const vars = { env: {}, onSecret: () => undefined };

function checks(yaml: string) {
  return parseChecksText(yaml, { label: "test" }, BUILT_IN_DEFAULTS, vars);
}

async function run(yaml: string, script: Record<string, Behaviour[]>, deadlineMs = 5 * 60_000) {
  const clock = new ManualClock(0);
  const http = fakeHttp(clock, script);
  const logger = new MemoryLogger();
  const result = await drive(
    clock,
    verify(
      { checks: checks(yaml), deadlineMs },
      {
        clock,
        logger,
        secrets: new SecretRegistry(),
        send: http.send,
        now: () => clock.now().getTime(),
      },
    ),
  );
  return { result, calls: http.calls, logger, clock };
}

const OK = { status: 200, json: { status: "ok", version: "1.4.2" } };
const A = "http://api.test/health";

describe("attempts and intervals", () => {
  it("tries three times, ten seconds apart, by default", async () => {
    const { result, calls } = await run(`- url: ${A}`, { [A]: [{ fail: "connection refused" }] });
    expect(calls.map((c) => c.at)).toEqual([0, 10_000, 20_000]);
    expect(result.checks[0]!.reason).toBe("connection refused (attempt 3 of 3)");
    expect(result.passed).toBe(false);
    expect(result.failedChecks).toEqual(["api.test/health"]);
  });

  it("passes a flapping endpoint on its third attempt, and stops trying", async () => {
    const { result, calls, logger } = await run(`- {url: "${A}", attempts: 5, interval: 2s}`, {
      [A]: [{ status: 503 }, { status: 502 }, OK],
    });
    expect(calls.map((c) => c.at)).toEqual([0, 2000, 4000]);
    expect(result.checks[0]).toMatchObject({
      passed: true,
      attempts: 3,
      maxAttempts: 5,
      status: 200,
    });
    expect(result.checks[0]!.history.map((h) => h.reasons)).toEqual([
      ["expected status 2xx but got 503"],
      ["expected status 2xx but got 502"],
      [],
    ]);
    expect(logger.text()).toContain(
      "api.test/health: attempt 1 of 5 failed: expected status 2xx but got 503; next attempt in 2 s",
    );
    expect(logger.text()).toContain("api.test/health: passed on attempt 3");
  });

  it("measures latency on the clock and fails an answer slower than max-latency", async () => {
    const { result } = await run(`- {url: "${A}", attempts: 1, expect: {max-latency: 500ms}}`, {
      [A]: [{ ...OK, delayMs: 1200 }],
    });
    expect(result.checks[0]).toMatchObject({
      latencyMs: 1200,
      reason: "answered in 1.2 s, more than the 500 ms allowed (attempt 1 of 1)",
    });
  });
});

describe("timeouts and the overall deadline", () => {
  it("gives up on an attempt after its timeout and tries again", async () => {
    const { result, calls } = await run(`- {url: "${A}", timeout: 3s, interval: 1s}`, {
      [A]: [{ hang: true }, { hang: true }, OK],
    });
    expect(calls.map((c) => c.at)).toEqual([0, 4000, 8000]);
    expect(result.checks[0]!.history.map((h) => h.reasons[0])).toEqual([
      "no response within 3 s",
      "no response within 3 s",
      undefined,
    ]);
    expect(result.checks[0]!.passed).toBe(true);
  });

  it("does not start an attempt the deadline leaves no time for", async () => {
    const { result, calls } = await run(
      `- {url: "${A}", attempts: 10, interval: 20s}`,
      { [A]: [{ fail: "connection refused" }] },
      45_000,
    );
    expect(calls.map((c) => c.at)).toEqual([0, 20_000, 40_000]);
    expect(result.checks[0]!.reason).toBe(
      "connection refused (attempt 3 of 10; the 45 s deadline leaves no time for another)",
    );
  });

  it("aborts an attempt in flight when the deadline passes", async () => {
    const { result, clock } = await run(
      `- {url: "${A}", timeout: 10m}`,
      { [A]: [{ hang: true }] },
      30_000,
    );
    expect(result.checks[0]!.reason).toBe(
      "no answer before the overall deadline of 30 s (attempt 1 of 3)",
    );
    expect(clock.now().getTime()).toBeLessThan(31_000);
  });
});

describe("concurrency", () => {
  it("runs every check at once: twenty 500 ms endpoints finish at 500 ms", async () => {
    const urls = Array.from({ length: 20 }, (_, i) => `http://svc-${i}.test/health`);
    const script = Object.fromEntries(urls.map((u) => [u, [{ ...OK, delayMs: 500 }]]));
    const { result, calls } = await run(urls.map((u) => `- url: ${u}`).join("\n"), script);
    expect(result.passed).toBe(true);
    expect(calls.every((c) => c.at === 0)).toBe(true);
    expect(result.durationMs).toBe(500);
  });

  it("reports each failing check by name while the others pass", async () => {
    const { result } = await run(
      `- {name: api, url: "${A}", attempts: 1}\n- {name: web, url: "http://web.test/", attempts: 1}`,
      { [A]: [OK], "http://web.test/": [{ status: 500, text: "database is down" }] },
    );
    expect(result.failedChecks).toEqual(["web"]);
    expect(result.checks[1]!.reason).toBe(
      'expected status 2xx but got 500: "database is down" (attempt 1 of 1)',
    );
  });
});
