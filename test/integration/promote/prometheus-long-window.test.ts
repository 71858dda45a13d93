/**
 * A step held long enough that its measurement window holds more points than Prometheus
 * answers in one range query (11,000 per series): a real Prometheus refuses the whole
 * window in one query, and the analysis still measures it, in pieces on the same grid.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../../src/core/clock.js";
import { send } from "../../../src/core/http/http-client.js";
import { MemoryLogger } from "../../../src/core/logger.js";
import { SecretRegistry } from "../../../src/core/secrets.js";
import { compileAnalyses, runAnalyses } from "../../../src/promote/analyses/index.js";
import type { AnalysisConfig } from "../../../src/promote/plan.js";
import type { DemoService, PrometheusServer } from "../../helpers/prometheus.js";
import { startDemoService, startPrometheus } from "../../helpers/prometheus.js";

const RATIO = 'sum(rate(demo_requests_total{code="500"}[5s])) / sum(rate(demo_requests_total[5s]))';
/** Four hours at one measurement a second: 14,401 points. */
const WINDOW_MS = 4 * 3600_000;

let demo: DemoService;
let prometheus: PrometheusServer;

beforeAll(async () => {
  demo = await startDemoService({ errorRate: 0.5, perSecond: 20 });
  prometheus = await startPrometheus({ targets: [demo.target], scrapeIntervalS: 1 });
  await prometheus.waitForData(RATIO, 30_000);
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  await demo?.stop();
});

describe("a Prometheus analysis over a window longer than one range query answers", () => {
  it("measures the whole window in pieces and judges the measurements", async () => {
    const now = new Date();
    const since = new Date(now.getTime() - WINDOW_MS);
    // The window in one query: what Prometheus refuses.
    const whole = new URL("api/v1/query_range", prometheus.url);
    whole.search = new URLSearchParams({
      query: RATIO,
      start: String(since.getTime() / 1000),
      end: String(now.getTime() / 1000),
      step: "1s",
    }).toString();
    const refused = await fetch(whole);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/exceeded maximum resolution/);

    const analysis = {
      name: "error rate",
      prometheus: { url: prometheus.url, query: RATIO },
      "failure-condition": "result > 0.1",
      interval: 1_000,
    } as unknown as AnalysisConfig;
    const logger = new MemoryLogger();
    const [evidence] = await runAnalyses(
      compileAnalyses([analysis], {}, () => {}),
      { since, now },
      { fetch, send, clock: systemClock, logger, secrets: new SecretRegistry(), env: {} },
    );
    expect(evidence).toMatchObject({ kind: "prometheus", verdict: "failed" });
    expect(evidence!.reason).toMatch(
      /^\d+ failing measurements, more than the failure limit of 0$/,
    );
    expect(evidence!.value).toBeCloseTo(0.5, 1);
    // Nearly all of the four hours predate the service: time the bake cannot count.
    expect(evidence!.unmeasuredMs).toBeGreaterThan(WINDOW_MS - 120_000);
  });
});
