/**
 * Retries and rate limits for every request a GitHubClient sends, as one Octokit
 * `hook.wrap("request")`.
 *
 * Why not @octokit/plugin-retry and @octokit/plugin-throttling: both wait inside bottleneck
 * with real timers, so their waits cannot go through the injected Clock (tests would have to
 * fake global timers or really wait 30 s), and plugin-retry retries a POST that got a 5xx,
 * which can duplicate a create that succeeded before the error. The policy here is theirs
 * where it matters (GitHub's documented rate-limit rules) and stricter where it must be:
 *
 * - Rate limited (403/429): with `retry-after`, wait that long; with
 *   `x-ratelimit-remaining: 0`, wait until `x-ratelimit-reset`; a secondary limit without
 *   either waits a minute, doubling. Any method is retried: GitHub did not process it.
 * - 5xx and network errors: retried with exponential backoff, but only for requests that
 *   are safe to repeat. A POST is not (callers look up first, then decide), except GraphQL
 *   queries and requests a caller marks `request: { idempotent: true }`.
 * - Any other 4xx (404, 409, 422…) is an answer, never retried.
 */
import type { Octokit } from "@octokit/core";
import type { Clock } from "../clock.js";
import { OperationFailedError } from "../errors.js";
import type { Logger } from "../logger.js";
import { backoffMs, retryAfterMs } from "../retry.js";

export interface RequestPolicyOptions {
  clock: Clock;
  logger: Logger;
  /** Retries after transient failures, and separately waits after rate limits, per request. */
  retries: number;
  /** A rate-limit wait longer than this fails the request instead of idling the job. */
  maxRateLimitWaitMs: number;
  /** Called once per HTTP attempt (retries included), e.g. to count API calls. */
  onAttempt?: () => void;
}

interface PolicyRequestOptions {
  method: string;
  url: string;
  query?: unknown;
  request?: { signal?: AbortSignal | null; retries?: number; idempotent?: boolean };
}

interface ResponseLike {
  status: number;
  headers: Record<string, unknown>;
  data?: unknown;
}

type Send<O, R> = (options: O) => R | Promise<R>;

const TRANSIENT_BASE_DELAY_MS = 1_000;
const TRANSIENT_MAX_DELAY_MS = 30_000;
/** GitHub: "wait for at least one minute" after a secondary limit that names no time. */
const SECONDARY_DEFAULT_WAIT_MS = 60_000;
/** x-ratelimit-reset has whole-second resolution and GitHub's clock is not ours. */
const RESET_MARGIN_MS = 1_000;
const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH"]);

type Decision =
  | { budget: "rate-limit" | "transient"; delayMs: number; describe: (retry: string) => string }
  | undefined;

function header(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return value === undefined || value === null ? undefined : String(value);
}

function responseOf(error: unknown): ResponseLike | undefined {
  if (typeof error !== "object" || error === null || !("response" in error)) return undefined;
  const response = (error as { response?: ResponseLike }).response;
  return response && typeof response.status === "number" ? response : undefined;
}

function messageOf(data: unknown): string {
  if (typeof data === "object" && data !== null && "message" in data) {
    return String((data as { message: unknown }).message);
  }
  return typeof data === "string" ? data : "";
}

function seconds(ms: number): string {
  return `${Math.ceil(ms / 1000)} s`;
}

function isGraphqlMutation(query: unknown): boolean {
  if (typeof query !== "string") return false;
  const code = query.replace(/#[^\n]*/g, "");
  return /(^|[\s}])mutation\b/.test(code);
}

/** Whether sending the request twice has the same effect as sending it once. */
function safeToRepeat(options: PolicyRequestOptions): boolean {
  if (options.request?.idempotent === true) return true;
  const method = options.method.toUpperCase();
  if (IDEMPOTENT_METHODS.has(method)) return true;
  return typeof options.query === "string" && !isGraphqlMutation(options.query);
}

function rateLimitDecision(
  response: ResponseLike,
  what: string,
  now: number,
  waitsSoFar: number,
): Decision {
  if (response.status !== 403 && response.status !== 429) return undefined;
  const retryAfter = retryAfterMs(header(response.headers, "retry-after"), now);
  if (retryAfter !== undefined) {
    return {
      budget: "rate-limit",
      delayMs: retryAfter,
      describe: (retry) =>
        `GitHub rate-limited ${what} and asked to retry after ${seconds(retryAfter)}; waiting (${retry}).`,
    };
  }
  const reset = Number(header(response.headers, "x-ratelimit-reset"));
  if (header(response.headers, "x-ratelimit-remaining") === "0" && Number.isFinite(reset)) {
    const delayMs = Math.max(0, reset * 1000 - now) + RESET_MARGIN_MS;
    const at = new Date(reset * 1000).toISOString();
    return {
      budget: "rate-limit",
      delayMs,
      describe: (retry) =>
        `GitHub API rate limit used up at ${what}; waiting ${seconds(delayMs)} until it resets at ${at} (${retry}).`,
    };
  }
  if (response.status === 429 || /secondary rate limit|abuse/i.test(messageOf(response.data))) {
    const delayMs = SECONDARY_DEFAULT_WAIT_MS * 2 ** waitsSoFar;
    return {
      budget: "rate-limit",
      delayMs,
      describe: (retry) =>
        `GitHub secondary rate limit at ${what}; waiting ${seconds(delayMs)} (${retry}).`,
    };
  }
  return undefined;
}

function transientDecision(
  error: unknown,
  response: ResponseLike | undefined,
  what: string,
  now: number,
  retriesSoFar: number,
): Decision {
  const backoff = backoffMs(retriesSoFar + 1, {
    baseMs: TRANSIENT_BASE_DELAY_MS,
    maxMs: TRANSIENT_MAX_DELAY_MS,
  });
  if (response) {
    if (response.status < 500 || response.status === 501) return undefined;
    const delayMs = retryAfterMs(header(response.headers, "retry-after"), now) ?? backoff;
    return {
      budget: "transient",
      delayMs,
      describe: (retry) =>
        `GitHub answered ${response.status} to ${what}; retrying in ${seconds(delayMs)} (${retry}).`,
    };
  }
  // No response at all: the connection failed. Aborts are the caller's decision, not a fault.
  if (error instanceof Error && error.name === "AbortError") return undefined;
  return {
    budget: "transient",
    delayMs: backoff,
    describe: (retry) =>
      `${what} failed (${error instanceof Error ? error.message : String(error)}); retrying in ${seconds(backoff)} (${retry}).`,
  };
}

/** GraphQL reports its primary rate limit and some internal errors in a 200 response. */
function graphqlFailure(
  response: ResponseLike,
  options: PolicyRequestOptions,
): ResponseLike | undefined {
  if (typeof options.query !== "string") return undefined;
  const errors = (response.data as { errors?: { type?: string; message?: string }[] } | undefined)
    ?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  if (errors.some((e) => e.type === "RATE_LIMITED")) {
    return { status: 403, headers: response.headers, data: { message: "secondary rate limit" } };
  }
  if (errors.some((e) => /Something went wrong while executing your query/.test(e.message ?? ""))) {
    return { status: 502, headers: {}, data: response.data };
  }
  return undefined;
}

function describeRequest(options: PolicyRequestOptions): string {
  if (typeof options.query === "string") {
    return isGraphqlMutation(options.query) ? "a GraphQL mutation" : "a GraphQL query";
  }
  // The route template (`/repos/{owner}/{repo}/…`), not the expanded URL: short and id-free.
  const path = /^https?:\/\//.test(options.url) ? new URL(options.url).pathname : options.url;
  return `${options.method.toUpperCase()} ${path}`;
}

/** Sends one request, waiting and retrying as the policy above says. */
export async function sendWithPolicy<O extends PolicyRequestOptions, R extends ResponseLike>(
  send: Send<O, R>,
  options: O,
  policy: RequestPolicyOptions,
): Promise<R> {
  const maxRetries = options.request?.retries ?? policy.retries;
  const used = { "rate-limit": 0, transient: 0 };
  const what = describeRequest(options);
  for (;;) {
    policy.onAttempt?.();
    let failure: { error: unknown; response: ResponseLike | undefined; result?: R };
    try {
      const result = await send(options);
      const graphqlError = graphqlFailure(result, options);
      if (!graphqlError) return result;
      failure = { error: undefined, response: graphqlError, result };
    } catch (error) {
      failure = { error, response: responseOf(error) };
    }
    const now = policy.clock.now().getTime();
    const decision =
      (failure.response && rateLimitDecision(failure.response, what, now, used["rate-limit"])) ||
      (safeToRepeat(options)
        ? transientDecision(failure.error, failure.response, what, now, used.transient)
        : undefined);
    const giveUp = () => {
      if (failure.result) return failure.result;
      throw failure.error;
    };
    if (!decision || options.request?.signal?.aborted) return giveUp();
    if (used[decision.budget] >= maxRetries) {
      policy.logger.debug(`${what}: giving up after ${maxRetries} retries.`);
      return giveUp();
    }
    if (decision.budget === "rate-limit" && decision.delayMs > policy.maxRateLimitWaitMs) {
      throw new OperationFailedError(
        `GitHub rate-limited ${what} for ${seconds(decision.delayMs)}, longer than the ${seconds(policy.maxRateLimitWaitMs)} this run will wait; try again later or use a token with a higher rate limit (a GitHub App installation token).`,
      );
    }
    used[decision.budget]++;
    const retry = `retry ${used[decision.budget]} of ${maxRetries}`;
    const message = decision.describe(retry);
    if (decision.budget === "rate-limit") policy.logger.warning(message);
    else policy.logger.info(message);
    await policy.clock.sleep(decision.delayMs);
  }
}

/** Installs the policy on an Octokit instance; it then covers REST, pagination and GraphQL. */
export function installRequestPolicy(octokit: Octokit, policy: RequestPolicyOptions): void {
  octokit.hook.wrap("request", (send, options) => sendWithPolicy(send, options, policy));
}
