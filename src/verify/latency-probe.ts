/**
 * The latency probe: N requests at concurrency C over keep-alive connections, every
 * latency recorded, then exact percentiles, error rate and throughput judged against the
 * check's thresholds.
 */
import http from "node:http";
import https from "node:https";
import type { Clock } from "../core/clock.js";
import type { CheckSpec, LatencyThresholds } from "./check-spec.js";
import { sendCheckRequest, startRequestTimeout } from "./check-request.js";
import { formatDuration, formatPercent } from "./format.js";
import type { HttpSend } from "../core/http/http-client.js";
import type { Distribution, HistogramBucket } from "./percentiles.js";
import { distribution, histogram } from "./percentiles.js";
import { statusMatches } from "./status-expectation.js";
import { describeTransportError } from "../core/http/transport-errors.js";

export interface LatencyReport {
  requests: number;
  concurrency: number;
  /** Requests that got a response (of any status); their latencies are the distribution. */
  completed: number;
  errors: number;
  errorRate: number;
  /** Requests per second over the whole probe. */
  throughput: number;
  durationMs: number;
  latencyMs: Distribution;
  histogram: HistogramBucket[];
  /** Why requests failed, with how often. */
  errorReasons: Record<string, number>;
  passed: boolean;
  reasons: string[];
}

export interface ProbeDeps {
  send: HttpSend;
  clock: Clock;
  /** A monotonic high-resolution time in milliseconds (performance.now). */
  now: () => number;
  signal?: AbortSignal;
}

function keepAliveAgent(check: CheckSpec, concurrency: number): http.Agent {
  const options = { keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency };
  return check.url.protocol === "https:" ? new https.Agent(options) : new http.Agent(options);
}

function describeErrors(errorReasons: Record<string, number>): string {
  return Object.entries(errorReasons)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([reason, count]) => `${reason} ×${count}`)
    .join(", ");
}

export function judgeLatency(
  report: Omit<LatencyReport, "passed" | "reasons">,
  thresholds: LatencyThresholds,
): string[] {
  const reasons: string[] = [];
  const load = `${report.requests} requests at concurrency ${report.concurrency}`;
  if (report.completed === 0) {
    return [`no request of the ${load} was answered (${describeErrors(report.errorReasons)})`];
  }
  for (const [key, limit] of [
    ["p50", thresholds.p50Ms],
    ["p95", thresholds.p95Ms],
    ["p99", thresholds.p99Ms],
  ] as const) {
    const value = report.latencyMs[key];
    if (limit !== undefined && value > limit) {
      reasons.push(
        `${key} latency ${formatDuration(value)} is above the ${formatDuration(limit)} limit (${load})`,
      );
    }
  }
  if (thresholds.maxErrorRate !== undefined && report.errorRate > thresholds.maxErrorRate) {
    reasons.push(
      `error rate ${formatPercent(report.errorRate)} is above the ${formatPercent(thresholds.maxErrorRate)} limit (${report.errors} of ${report.requests} failed: ${describeErrors(report.errorReasons)})`,
    );
  }
  if (thresholds.minThroughput !== undefined && report.throughput < thresholds.minThroughput) {
    reasons.push(
      `throughput ${report.throughput.toFixed(1)} requests/s is below the ${thresholds.minThroughput} requests/s minimum (${load})`,
    );
  }
  return reasons;
}

export async function runLatencyProbe(check: CheckSpec, deps: ProbeDeps): Promise<LatencyReport> {
  const spec = check.latency ?? { requests: 100, concurrency: 10, thresholds: {} };
  const concurrency = Math.min(spec.concurrency, spec.requests);
  const agent = keepAliveAgent(check, concurrency);
  const latencies: number[] = [];
  const errorReasons: Record<string, number> = {};
  let errors = 0;
  let next = 0;
  const fail = (reason: string) => {
    errors++;
    errorReasons[reason] = (errorReasons[reason] ?? 0) + 1;
  };

  const one = async () => {
    const timeout = startRequestTimeout(deps.clock, check);
    const started = deps.now();
    try {
      const signal = deps.signal ? AbortSignal.any([timeout.signal, deps.signal]) : timeout.signal;
      const response = await sendCheckRequest(deps.send, check, signal, agent);
      latencies.push(deps.now() - started);
      if (!statusMatches(check.expect.status, response.status)) fail(`status ${response.status}`);
    } catch (error) {
      fail(describeTransportError(error, check.url));
    } finally {
      timeout.cancel();
    }
  };

  const worker = async () => {
    while (next < spec.requests && !deps.signal?.aborted) {
      next++;
      await one();
    }
  };

  const started = deps.now();
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  const durationMs = deps.now() - started;
  const measured = {
    requests: next,
    concurrency,
    completed: latencies.length,
    errors,
    errorRate: next > 0 ? errors / next : 0,
    throughput: durationMs > 0 ? (latencies.length / durationMs) * 1000 : 0,
    durationMs,
    latencyMs: distribution(latencies),
    histogram: histogram(latencies),
    errorReasons,
  };
  const reasons = judgeLatency(measured, spec.thresholds);
  return { ...measured, passed: reasons.length === 0, reasons };
}
