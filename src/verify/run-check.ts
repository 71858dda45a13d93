/**
 * One check, attempted until it passes, its attempts run out, or the overall deadline
 * passes. Every attempt has its own timeout; waits between attempts are on the clock.
 */
import type { Clock } from "../core/clock.js";
import type { Logger } from "../core/logger.js";
import type { SecretRegistry } from "../core/secrets.js";
import type { CheckSpec } from "./check-spec.js";
import { sendCheckRequest, startRequestTimeout } from "./check-request.js";
import { displayUrl } from "../core/http/credentials.js";
import { evaluateResponse } from "./evaluate-response.js";
import { formatDuration } from "./format.js";
import type { CertificateInfo, HttpResponse, HttpSend } from "../core/http/http-client.js";
import { daysLeft } from "./certificate.js";
import { describeTransportError } from "../core/http/transport-errors.js";
import { wait } from "./timers.js";

export interface AttemptRecord {
  attempt: number;
  status?: number;
  latencyMs?: number;
  reasons: string[];
}

export interface CertificateSummary {
  subject: string;
  issuer: string;
  expiresAt: string;
  daysLeft: number;
}

export interface CheckOutcome {
  name: string;
  url: string;
  method: string;
  passed: boolean;
  attempts: number;
  maxAttempts: number;
  status?: number;
  latencyMs?: number;
  /** Why it failed, with the attempt count; absent when it passed. */
  reason?: string;
  certificate?: CertificateSummary;
  redirects: string[];
  history: AttemptRecord[];
}

/** The overall deadline every check shares. */
export interface Deadline {
  at: number;
  ms: number;
  signal: AbortSignal;
}

export interface CheckDeps {
  send: HttpSend;
  clock: Clock;
  logger: Logger;
  secrets: SecretRegistry;
  deadline: Deadline;
  signal?: AbortSignal;
}

interface AttemptResult {
  record: AttemptRecord;
  response?: HttpResponse;
}

async function attemptOnce(
  check: CheckSpec,
  attempt: number,
  deps: CheckDeps,
): Promise<AttemptResult> {
  const timeout = startRequestTimeout(deps.clock, check);
  const signals = [timeout.signal, deps.deadline.signal, ...(deps.signal ? [deps.signal] : [])];
  const started = deps.clock.now().getTime();
  try {
    const response = await sendCheckRequest(deps.send, check, AbortSignal.any(signals));
    const latencyMs = deps.clock.now().getTime() - started;
    const redact = (text: string) => deps.secrets.redact(text);
    const reasons = evaluateResponse(check, response, latencyMs, deps.clock.now(), redact);
    return { record: { attempt, status: response.status, latencyMs, reasons }, response };
  } catch (error) {
    const latencyMs = deps.clock.now().getTime() - started;
    return { record: { attempt, latencyMs, reasons: [describeTransportError(error, check.url)] } };
  } finally {
    timeout.cancel();
  }
}

function certificateSummary(info: CertificateInfo, now: Date): CertificateSummary {
  return {
    subject: info.subject,
    issuer: info.issuer,
    expiresAt: new Date(info.expiresAt).toISOString(),
    daysLeft: Math.floor(daysLeft(info, now) * 10) / 10,
  };
}

function failureReason(
  check: CheckSpec,
  history: AttemptRecord[],
  stoppedBy: string | undefined,
): string {
  const last = history[history.length - 1];
  const why = last ? last.reasons.join("; ") : "not attempted";
  const count = `attempt ${history.length} of ${check.attempts}`;
  return `${why} (${stoppedBy ? `${count}; ${stoppedBy}` : count})`;
}

function outcomeOf(
  check: CheckSpec,
  history: AttemptRecord[],
  last: AttemptResult | undefined,
  stoppedBy: string | undefined,
  deps: CheckDeps,
): CheckOutcome {
  const record = last?.record;
  const passed = record !== undefined && record.reasons.length === 0;
  const outcome: CheckOutcome = {
    name: check.name,
    url: deps.secrets.redact(displayUrl(check.url)),
    method: check.method,
    passed,
    attempts: history.length,
    maxAttempts: check.attempts,
    redirects: (last?.response?.redirects ?? []).map((r) => deps.secrets.redact(r)),
    history,
  };
  if (record?.status !== undefined) outcome.status = record.status;
  if (record?.latencyMs !== undefined) outcome.latencyMs = record.latencyMs;
  const certificate = last?.response?.certificate;
  if (certificate) outcome.certificate = certificateSummary(certificate, deps.clock.now());
  if (!passed) outcome.reason = failureReason(check, history, stoppedBy);
  return outcome;
}

export async function runCheck(check: CheckSpec, deps: CheckDeps): Promise<CheckOutcome> {
  const { clock, logger, secrets, deadline } = deps;
  const history: AttemptRecord[] = [];
  let last: AttemptResult | undefined;
  let stoppedBy: string | undefined;
  for (let attempt = 1; attempt <= check.attempts; attempt++) {
    if (attempt > 1) {
      const remaining = deadline.at - clock.now().getTime();
      if (remaining <= check.intervalMs || deadline.signal.aborted) {
        stoppedBy = `the ${formatDuration(deadline.ms)} deadline leaves no time for another`;
        break;
      }
      await wait(clock, check.intervalMs, deps.signal);
      if (deps.signal?.aborted) {
        stoppedBy = "cancelled";
        break;
      }
    }
    last = await attemptOnce(check, attempt, deps);
    last.record.reasons = last.record.reasons.map((r) => secrets.redact(r));
    history.push(last.record);
    const { reasons, status, latencyMs } = last.record;
    if (reasons.length === 0) {
      logger.info(
        `${check.name}: passed on attempt ${attempt} (${status} in ${formatDuration(latencyMs ?? 0)})`,
      );
      break;
    }
    const next =
      attempt < check.attempts ? `; next attempt in ${formatDuration(check.intervalMs)}` : "";
    logger.info(
      `${check.name}: attempt ${attempt} of ${check.attempts} failed: ${reasons.join("; ")}${next}`,
    );
    // The attempt's own reason already says the deadline (or a cancel) stopped it.
    if (deadline.signal.aborted || deps.signal?.aborted) break;
  }
  return outcomeOf(check, history, last, stoppedBy, deps);
}
