import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { send } from "../../../src/core/http/http-client.js";
import { ManualClock, systemClock } from "../../../src/core/clock.js";
import { ConfigurationError } from "../../../src/core/errors.js";
import { MemoryLogger } from "../../../src/core/logger.js";
import { SecretRegistry } from "../../../src/core/secrets.js";
import { compileAnalyses, runAnalyses } from "../../../src/promote/analyses/index.js";
import type { AnalysisDeps } from "../../../src/promote/analyses/types.js";
import {
  conditionHolds,
  measurementFails,
  parseCondition,
} from "../../../src/promote/conditions.js";
import type { AnalysisConfig } from "../../../src/promote/plan.js";
import { listenOnLoopback } from "../../helpers/ports.js";

const NOW = new Date(Date.UTC(2026, 0, 1, 12));

function deps(fetch: typeof globalThis.fetch): AnalysisDeps {
  return {
    fetch,
    send,
    clock: new ManualClock(NOW),
    logger: new MemoryLogger(),
    secrets: new SecretRegistry(),
    env: {},
  };
}

function prometheusAnswer(data: unknown, status = 200): typeof globalThis.fetch {
  return () =>
    Promise.resolve(
      new Response(
        JSON.stringify({
          status: status === 200 ? "success" : "error",
          data,
          error: "bad_data: parse error",
        }),
        { status },
      ),
    );
}

const errorRate = (extra: Partial<AnalysisConfig> = {}) =>
  ({
    name: "errors",
    prometheus: { url: "http://prom.test:9090/", query: "ratio" },
    "failure-condition": "result > 0.05",
    interval: 10_000,
    ...extra,
  }) as AnalysisConfig;

describe("conditions", () => {
  it("compares the result with numbers, with && and ||", () => {
    const c = parseCondition("result >= 0.9 && result < 1 || result == 5", "Analysis");
    expect(conditionHolds(c, 0.95)).toBe(true);
    expect(conditionHolds(c, 1)).toBe(false);
    expect(conditionHolds(c, 5)).toBe(true);
    expect(conditionHolds(parseCondition("0.05 > result", "A"), 0.01)).toBe(true);
    expect(measurementFails({ success: parseCondition("result < 0.5", "A") }, 0.7)).toBe(true);
  });

  it("refuses what it cannot read, in one sentence naming the analysis", () => {
    expect(() => parseCondition("rate(x) > 1", 'Analysis "errors"')).toThrow(ConfigurationError);
    expect(() => parseCondition("result > lots", 'Analysis "errors"')).toThrow(
      /^Analysis "errors" has the condition "result > lots", which is not a comparison; write it like result < 0\.05/,
    );
  });

  it("requires a condition on every metric analysis", () => {
    expect(() =>
      compileAnalyses(
        [{ name: "x", prometheus: { url: "http://p/", query: "q" } } as AnalysisConfig],
        {},
        () => {},
      ),
    ).toThrow(/Analysis "x" has no success-condition or failure-condition/);
  });
});

describe("Prometheus analysis", () => {
  it("asks for a range query over the bake so far, one measurement per interval", async () => {
    const urls: string[] = [];
    const fetch: typeof globalThis.fetch = (input) => {
      urls.push(String(input));
      const t = NOW.getTime() / 1000;
      return prometheusAnswer({
        resultType: "matrix",
        result: [
          {
            metric: {},
            values: [
              [t - 20, "0.01"],
              [t - 10, "0.2"],
              [t, "0.01"],
            ],
          },
        ],
      })(input);
    };
    const [evidence] = await runAnalyses(
      compileAnalyses([errorRate()], {}, () => {}),
      { since: new Date(NOW.getTime() - 20_000), now: NOW },
      deps(fetch),
    );
    const url = new URL(urls[0]!);
    expect(url.pathname).toBe("/api/v1/query_range");
    expect(url.searchParams.get("step")).toBe("10s");
    expect(url.searchParams.get("start")).toBe(String(NOW.getTime() / 1000 - 20));
    expect(evidence).toMatchObject({
      verdict: "failed",
      measured: "0.01 (latest); 1 of 3 measurements failing",
      value: 0.01,
    });
  });

  it("tolerates failing measurements up to the failure limit, and looks back only `range` when given", async () => {
    const urls: string[] = [];
    const fetch: typeof globalThis.fetch = (input) => {
      urls.push(String(input));
      const t = NOW.getTime() / 1000;
      return prometheusAnswer({
        resultType: "matrix",
        result: [
          {
            metric: {},
            values: [
              [t - 10, "0.2"],
              [t, "0.01"],
            ],
          },
        ],
      })(input);
    };
    const analysis = errorRate({
      "failure-limit": 1,
      prometheus: { url: "http://prom.test:9090", query: "ratio", range: 10_000 },
    });
    const [evidence] = await runAnalyses(
      compileAnalyses([analysis], {}, () => {}),
      { since: new Date(NOW.getTime() - 600_000), now: NOW },
      deps(fetch),
    );
    expect(new URL(urls[0]!).searchParams.get("start")).toBe(String(NOW.getTime() / 1000 - 10));
    expect(evidence!.verdict).toBe("passed");
  });

  it("reports how long a series had no number before its latest one, from the bake's start", async () => {
    const t = NOW.getTime() / 1000;
    const series = (values: [number, string][]) =>
      prometheusAnswer({ resultType: "matrix", result: [{ metric: {}, values }] });
    const window = { since: new Date(NOW.getTime() - 30_000), now: NOW };
    const analyses = compileAnalyses([errorRate({ "failure-limit": 2 })], {}, () => {});
    const run = async (values: [number, string][], bakeSince?: Date) =>
      (
        await runAnalyses(
          analyses,
          { ...window, ...(bakeSince ? { bakeSince } : {}) },
          deps(series(values)),
        )
      )[0]!;
    // Green took traffic only 20 s into the step: two failing measurements, within the limit.
    const late = await run([
      [t - 10, "0.5"],
      [t, "0.5"],
    ]);
    expect(late).toMatchObject({ verdict: "passed", unmeasuredMs: 20_000 });
    // No requests for a while in the middle: NaN counts as no number.
    const middle = await run([
      [t - 30, "0.01"],
      [t - 20, "NaN"],
      [t - 10, "0.01"],
      [t, "0.01"],
    ]);
    expect(middle).toMatchObject({ verdict: "passed", unmeasuredMs: 10_000 });
    // Only the time after the bake started counts against it.
    const afterBake = await run(
      [
        [t - 10, "0.01"],
        [t, "0.01"],
      ],
      new Date(NOW.getTime() - 10_000),
    );
    expect(afterBake).not.toHaveProperty("unmeasuredMs");
    // The last measurements without a number make the verdict inconclusive instead.
    const trailing = await run([
      [t - 30, "0.01"],
      [t - 20, "0.01"],
      [t - 10, "NaN"],
    ]);
    expect(trailing).toMatchObject({ verdict: "inconclusive" });
    expect(trailing).not.toHaveProperty("unmeasuredMs");
    const whole = await run([
      [t - 30, "0.01"],
      [t - 20, "0.01"],
      [t - 10, "0.01"],
      [t, "0.01"],
    ]);
    expect(whole.verdict).toBe("passed");
    expect(whole).not.toHaveProperty("unmeasuredMs");
  });

  it("uses an instant query when the step is younger than one interval", async () => {
    const urls: string[] = [];
    const fetch: typeof globalThis.fetch = (input) => {
      urls.push(String(input));
      return prometheusAnswer({
        resultType: "vector",
        result: [{ metric: {}, value: [NOW.getTime() / 1000, "0.01"] }],
      })(input);
    };
    const [evidence] = await runAnalyses(
      compileAnalyses([errorRate()], {}, () => {}),
      { since: new Date(NOW.getTime() - 3_000), now: NOW },
      deps(fetch),
    );
    expect(new URL(urls[0]!).pathname).toBe("/api/v1/query");
    expect(evidence!.verdict).toBe("passed");
  });

  it("never passes on NaN, several series or a provider error", async () => {
    const window = { since: new Date(NOW.getTime() - 3_000), now: NOW };
    const run = (fetch: typeof globalThis.fetch, extra: Partial<AnalysisConfig> = {}) =>
      runAnalyses(
        compileAnalyses([errorRate(extra)], {}, () => {}),
        window,
        deps(fetch),
      ).then((e) => e[0]!);
    const nan = await run(
      prometheusAnswer({ resultType: "vector", result: [{ metric: {}, value: [0, "NaN"] }] }),
    );
    expect(nan).toMatchObject({
      verdict: "inconclusive",
      reason: "the last 1 measurements are missing, NaN or meet neither condition",
    });
    const two = await run(
      prometheusAnswer({
        resultType: "vector",
        result: [
          { metric: { a: "1" }, value: [0, "1"] },
          { metric: { a: "2" }, value: [0, "1"] },
        ],
      }),
    );
    expect(two.reason).toMatch(/returned 2 series; aggregate it to one/);
    const both = await run(
      prometheusAnswer({
        resultType: "vector",
        result: [{ metric: {}, value: [NOW.getTime() / 1000, "0.03"] }],
      }),
      { "success-condition": "result < 0.01" },
    );
    expect(both.verdict).toBe("inconclusive");
    const broken = await run(prometheusAnswer(undefined, 400), { "consecutive-error-limit": 0 });
    expect(broken).toMatchObject({
      verdict: "inconclusive",
      reason: "Prometheus answered 400: bad_data: parse error",
    });
    const counted = await run(prometheusAnswer(undefined, 503), {
      "on-missing-data": "fail",
      "consecutive-error-limit": 0,
    });
    expect(counted.verdict).toBe("failed");
  });
});

describe("Prometheus provider errors", () => {
  it("asks again up to the consecutive-error limit before an error becomes the answer", async () => {
    let calls = 0;
    const flaky: typeof globalThis.fetch = (input) => {
      calls++;
      if (calls <= 2) return Promise.reject(new TypeError("fetch failed"));
      return prometheusAnswer({
        resultType: "vector",
        result: [{ metric: {}, value: [NOW.getTime() / 1000, "0.01"] }],
      })(input);
    };
    const sleeps: number[] = [];
    const quick: AnalysisDeps = {
      ...deps(flaky),
      clock: { now: () => NOW, sleep: (ms) => Promise.resolve(void sleeps.push(ms)) },
    };
    const window = { since: NOW, now: NOW };
    const passed = await runAnalyses(
      compileAnalyses([errorRate({ "consecutive-error-limit": 2 })], {}, () => {}),
      window,
      quick,
    );
    expect(passed[0]!.verdict).toBe("passed");
    expect(sleeps).toEqual([1_000, 1_000]);
    calls = 0;
    const gaveUp = await runAnalyses(
      compileAnalyses(
        [errorRate({ "consecutive-error-limit": 1, "on-missing-data": "fail" })],
        {},
        () => {},
      ),
      window,
      quick,
    );
    expect(gaveUp[0]).toMatchObject({
      verdict: "failed",
      reason: "Prometheus did not answer: fetch failed (counted as failure)",
    });
  });
});

describe("HTTP JSON and verify analyses", () => {
  let url = "";
  let value: unknown = 0.2;
  const server = createServer((req, res) => {
    if (req.url === "/health") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: "ok" }));
      return;
    }
    if (req.headers.authorization !== "Bearer metrics-secret-token") {
      res.writeHead(401).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ latency: { p99: value } }));
  });
  beforeAll(async () => {
    await listenOnLoopback(server);
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const window = { since: NOW, now: NOW };
  const live = (): AnalysisDeps => ({ ...deps(globalThis.fetch), clock: systemClock });

  it("reads a value by JSONPath and compares it", async () => {
    const analysis = {
      name: "p99",
      "http-json": {
        url: `${url}/metrics`,
        path: "$.latency.p99",
        headers: { authorization: "Bearer metrics-secret-token" },
      },
      "success-condition": "result < 0.5",
    } as AnalysisConfig;
    value = 0.2;
    expect(
      (
        await runAnalyses(
          compileAnalyses([analysis], {}, () => {}),
          window,
          live(),
        )
      )[0],
    ).toMatchObject({ verdict: "passed", measured: "0.2" });
    value = 0.9;
    expect(
      (
        await runAnalyses(
          compileAnalyses([analysis], {}, () => {}),
          window,
          live(),
        )
      )[0],
    ).toMatchObject({ verdict: "failed" });
    value = "n/a";
    expect(
      (
        await runAnalyses(
          compileAnalyses([analysis], {}, () => {}),
          window,
          live(),
        )
      )[0],
    ).toMatchObject({
      verdict: "inconclusive",
      reason: '$.latency.p99 is "n/a", not a number',
    });
  });

  it("runs verify's checks", async () => {
    const analyses = compileAnalyses(
      [
        {
          name: "smoke",
          verify: [{ url: `${url}/health`, expect: { json: ['$.status == "ok"'] } }],
        },
        {
          name: "broken",
          verify: [{ url: `${url}/health`, attempts: 1, expect: { json: ['$.status == "down"'] } }],
        },
      ] as unknown as AnalysisConfig[],
      {},
      () => {},
    );
    const [smoke, broken] = await runAnalyses(analyses, window, live());
    expect(smoke).toMatchObject({
      kind: "verify",
      verdict: "passed",
      measured: "1 of 1 checks passed",
    });
    expect(broken!.verdict).toBe("failed");
    expect(broken!.reason).toMatch(/expected \$\.status == "down"/);
  });
});
