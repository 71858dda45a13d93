/**
 * verify: proves a deployment is live and right. Every check runs concurrently with its
 * own attempts under one overall deadline; then each passing check's latency probe runs,
 * one at a time, so one probe's load does not skew another's percentiles.
 */
import { performance } from "node:perf_hooks";
import type { Clock } from "../core/clock.js";
import type { Logger } from "../core/logger.js";
import type { SecretRegistry } from "../core/secrets.js";
import type { CheckSpec } from "./check-spec.js";
import { credentialsOf } from "../core/http/credentials.js";
import { formatDuration } from "./format.js";
import type { HttpSend } from "../core/http/http-client.js";
import type { LatencyReport } from "./latency-probe.js";
import { runLatencyProbe } from "./latency-probe.js";
import type { CheckOutcome, Deadline } from "./run-check.js";
import { runCheck } from "./run-check.js";
import { startTimer } from "./timers.js";
import { RequestFailure } from "../core/http/transport-errors.js";

export interface VerifyParams {
  checks: CheckSpec[];
  /** Overall deadline for every check's attempts, from the start. */
  deadlineMs: number;
}

export interface VerifyDeps {
  clock: Clock;
  logger: Logger;
  secrets: SecretRegistry;
  /** The HTTP client: the action passes one that honours the proxy settings; tests, a fake. */
  send: HttpSend;
  /** High-resolution time in ms for the latency probe (performance.now). */
  now?: () => number;
  signal?: AbortSignal;
}

export interface CheckVerdict extends CheckOutcome {
  latencyProbe?: LatencyReport;
}

export interface VerifyResult {
  passed: boolean;
  checks: CheckVerdict[];
  failedChecks: string[];
  durationMs: number;
}

async function probe(
  check: CheckSpec,
  outcome: CheckOutcome,
  deps: VerifyDeps,
): Promise<CheckVerdict> {
  if (!check.latency || !outcome.passed) return outcome;
  const { requests, concurrency } = check.latency;
  deps.logger.info(
    `${check.name}: latency probe, ${requests} requests at concurrency ${concurrency}`,
  );
  const report = await runLatencyProbe(check, {
    send: deps.send,
    clock: deps.clock,
    now: deps.now ?? (() => performance.now()),
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  report.reasons = report.reasons.map((r) => deps.secrets.redact(r));
  report.errorReasons = Object.fromEntries(
    Object.entries(report.errorReasons).map(([r, n]) => [deps.secrets.redact(r), n]),
  );
  const d = report.latencyMs;
  deps.logger.info(
    `${check.name}: p50 ${formatDuration(d.p50)}, p95 ${formatDuration(d.p95)}, p99 ${formatDuration(d.p99)}, ${report.errors} errors, ${report.throughput.toFixed(1)} requests/s`,
  );
  if (report.passed) return { ...outcome, latencyProbe: report };
  return {
    ...outcome,
    passed: false,
    reason: `latency probe: ${report.reasons.join("; ")}`,
    latencyProbe: report,
  };
}

export async function verify(params: VerifyParams, deps: VerifyDeps): Promise<VerifyResult> {
  // Credentials are registered before the first request, so nothing can print them.
  for (const check of params.checks)
    for (const value of credentialsOf(check)) deps.secrets.add(value);
  const started = deps.clock.now().getTime();
  const timer = startTimer(
    deps.clock,
    params.deadlineMs,
    new RequestFailure(
      `no answer before the overall deadline of ${formatDuration(params.deadlineMs)}`,
    ),
  );
  const deadline: Deadline = {
    at: started + params.deadlineMs,
    ms: params.deadlineMs,
    signal: timer.signal,
  };
  // The deadline bounds the latency probes too: a huge request count stops at it.
  const bounded = deps.signal ? AbortSignal.any([timer.signal, deps.signal]) : timer.signal;
  const checks: CheckVerdict[] = [];
  try {
    const outcomes = await Promise.all(
      params.checks.map((check) =>
        runCheck(check, {
          send: deps.send,
          clock: deps.clock,
          logger: deps.logger,
          secrets: deps.secrets,
          deadline,
          ...(deps.signal ? { signal: deps.signal } : {}),
        }),
      ),
    );
    for (const [index, check] of params.checks.entries()) {
      checks.push(await probe(check, outcomes[index]!, { ...deps, signal: bounded }));
    }
  } finally {
    timer.cancel();
  }
  for (const check of checks) {
    if (!check.passed) deps.logger.error(`${check.name}: ${check.reason ?? "failed"}`);
  }
  const failedChecks = checks.filter((c) => !c.passed).map((c) => c.name);
  return {
    passed: failedChecks.length === 0,
    checks,
    failedChecks,
    durationMs: deps.clock.now().getTime() - started,
  };
}
