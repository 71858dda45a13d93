/**
 * Delivering one message to one target: retries with exponential backoff on network
 * errors, 408, 429 and 5xx, honouring Retry-After (seconds or an HTTP date) up to a limit.
 * Waits go through the injected Clock; the per-request timeout is wall-clock time, since
 * it bounds a network exchange rather than a schedule.
 */
import type { Clock } from "../core/clock.js";
import { timerDelay } from "../core/clock.js";
import type { Logger } from "../core/logger.js";
import { errorMessage } from "../core/errors.js";
import { backoffMs, retryAfterMs } from "../core/retry.js";
import type { HttpResponse, HttpSend } from "../core/http/http-client.js";
import { RequestFailure } from "../core/http/transport-errors.js";
import type { DeploymentEvent } from "./event.js";
import type { Message } from "./message.js";
import type { NotificationTarget, PreparedRequest } from "./targets/target.js";

export interface DeliveryPolicy {
  attempts: number;
  timeoutMs: number;
  /** Longest wait between attempts, whether from backoff or Retry-After. */
  maxRetryWaitMs: number;
  /** Extra trusted CA certificates (PEM) for HTTPS receivers. */
  ca?: string | undefined;
}

export interface DeliveryDeps {
  send: HttpSend;
  clock: Clock;
  logger: Logger;
  /** Redacts known secrets: applied to an answer before it is cut into a reason, so a cut cannot leave half a secret behind. */
  redact: (text: string) => string;
  signal?: AbortSignal | undefined;
}

export interface DeliveryOutcome {
  target: string;
  /** delivered, failed, or skipped (the target has nothing to say about this event). */
  result: "delivered" | "failed" | "skipped";
  attempts: number;
  status?: number;
  reason?: string;
  /** Every wait between attempts, in milliseconds. */
  waitsMs: number[];
}

const FIRST_BACKOFF_MS = 1000;
const MAX_BODY_BYTES = 64 * 1024;

function retryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

function waitBefore(retry: number, limit: number): number {
  return backoffMs(retry, { baseMs: FIRST_BACKOFF_MS, maxMs: limit });
}

function seconds(ms: number): string {
  return `${Math.ceil(ms / 1000)} s`;
}

type Attempt =
  | { kind: "answer"; response: HttpResponse; refusal?: string }
  | { kind: "transport"; reason: string };

async function attemptOnce(
  request: PreparedRequest,
  target: NotificationTarget,
  policy: DeliveryPolicy,
  deps: DeliveryDeps,
): Promise<Attempt> {
  const timeout = AbortSignal.timeout(timerDelay(policy.timeoutMs));
  try {
    const response = await deps.send(
      {
        url: request.url,
        method: "POST",
        headers: { "user-agent": "greenlight-notify", ...request.headers },
        body: request.body,
        tls: { verify: true, ...(policy.ca ? { ca: policy.ca } : {}) },
        maxBodyBytes: MAX_BODY_BYTES,
        signal: deps.signal ? AbortSignal.any([timeout, deps.signal]) : timeout,
      },
      { follow: false, maxRedirects: 0 },
    );
    const refusal = target.refusal({
      status: response.status,
      body: deps.redact(response.body.toString("utf8")),
    });
    return { kind: "answer", response, ...(refusal ? { refusal } : {}) };
  } catch (error) {
    if (timeout.aborted && !deps.signal?.aborted) {
      return { kind: "transport", reason: `no answer within ${seconds(policy.timeoutMs)}` };
    }
    return {
      kind: "transport",
      reason: deps.redact(error instanceof RequestFailure ? error.reason : errorMessage(error)),
    };
  }
}

/** How long to wait before the next attempt, or why not to make one. */
function nextWait(
  outcome: Attempt,
  attempt: number,
  policy: DeliveryPolicy,
  now: Date,
): { waitMs: number } | { stop: string } {
  if (outcome.kind === "answer") {
    if (!retryable(outcome.response.status)) return { stop: outcome.refusal ?? "refused" };
    const asked = retryAfterMs(outcome.response.headers["retry-after"], now.getTime());
    if (asked !== undefined && asked > policy.maxRetryWaitMs) {
      return {
        stop: `${outcome.refusal ?? `HTTP ${outcome.response.status}`}; the receiver asked to wait ${seconds(asked)}, longer than max-retry-wait (${seconds(policy.maxRetryWaitMs)})`,
      };
    }
    return { waitMs: asked ?? waitBefore(attempt, policy.maxRetryWaitMs) };
  }
  return { waitMs: waitBefore(attempt, policy.maxRetryWaitMs) };
}

export async function deliver(
  target: NotificationTarget,
  message: Message,
  event: DeploymentEvent,
  policy: DeliveryPolicy,
  deps: DeliveryDeps,
): Promise<DeliveryOutcome> {
  const waitsMs: number[] = [];
  for (let attempt = 1; ; attempt++) {
    const request = target.prepare(message, event, deps.clock.now());
    if (!request)
      return {
        target: target.name,
        result: "skipped",
        attempts: 0,
        waitsMs,
        reason: "nothing to send for this event",
      };
    const outcome = await attemptOnce(request, target, policy, deps);
    const status = outcome.kind === "answer" ? outcome.response.status : undefined;
    const withStatus = status !== undefined ? { status } : {};
    if (outcome.kind === "answer" && !outcome.refusal) {
      return {
        target: target.name,
        result: "delivered",
        attempts: attempt,
        waitsMs,
        ...withStatus,
      };
    }
    const reason = outcome.kind === "answer" ? (outcome.refusal ?? "refused") : outcome.reason;
    const next = nextWait(outcome, attempt, policy, deps.clock.now());
    if ("stop" in next || attempt >= policy.attempts || deps.signal?.aborted) {
      const why = "stop" in next ? next.stop : reason;
      return {
        target: target.name,
        result: "failed",
        attempts: attempt,
        waitsMs,
        reason: `${why} (attempt ${attempt} of ${policy.attempts})`,
        ...withStatus,
      };
    }
    deps.logger.info(
      `${target.name}: ${reason}; retrying in ${seconds(next.waitMs)} (attempt ${attempt} of ${policy.attempts})`,
    );
    waitsMs.push(next.waitMs);
    await deps.clock.sleep(next.waitMs);
  }
}
