/**
 * One HTTP request as a check describes it, shared by the check's attempts (run-check.ts)
 * and the latency probe's requests, so both send exactly the same thing.
 */
import type http from "node:http";
import type { Clock } from "../core/clock.js";
import type { CheckSpec } from "./check-spec.js";
import { formatDuration } from "./format.js";
import type { HttpResponse, HttpSend } from "../core/http/http-client.js";
import type { Timer } from "./timers.js";
import { startTimer } from "./timers.js";
import { RequestFailure } from "../core/http/transport-errors.js";

/** Aborts one of `check`'s requests, with a RequestFailure, once its timeout has passed. */
export function startRequestTimeout(clock: Clock, check: CheckSpec): Timer {
  return startTimer(
    clock,
    check.timeoutMs,
    new RequestFailure(`no response within ${formatDuration(check.timeoutMs)}`),
  );
}

/** Sends `check`'s request, following redirects as it says; `signal` aborts it. */
export function sendCheckRequest(
  send: HttpSend,
  check: CheckSpec,
  signal: AbortSignal,
  agent?: http.Agent,
): Promise<HttpResponse> {
  return send(
    {
      url: check.url,
      method: check.method,
      headers: check.headers,
      ...(check.body !== undefined ? { body: check.body } : {}),
      tls: { verify: check.tls.verify, ...(check.tls.ca ? { ca: check.tls.ca } : {}) },
      maxBodyBytes: check.maxBodyBytes,
      signal,
      ...(agent ? { agent } : {}),
      secretHeaders: check.secretHeaders,
    },
    { follow: check.followRedirects, maxRedirects: check.maxRedirects },
  );
}
