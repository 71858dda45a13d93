/**
 * Judges one response against a check's expectations. Returns every reason it fails, in
 * the order a person would look: status, certificate, headers, latency, body.
 */
import type { CheckSpec } from "./check-spec.js";
import { evaluateCertificate } from "./certificate.js";
import type { Redact } from "./format.js";
import { excerpt, formatDuration, noRedaction } from "./format.js";
import { evaluateHeader } from "./header-expectation.js";
import type { HttpResponse } from "../core/http/http-client.js";
import { evaluateAssertion } from "./json-assertion.js";
import { describeStatusExpectation, statusMatches } from "./status-expectation.js";

function contentType(response: HttpResponse): string {
  return (response.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
}

function statusReason(check: CheckSpec, response: HttpResponse, redact: Redact): string {
  const got = `${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
  let detail = "";
  if (response.status >= 300 && response.status < 400 && response.headers.location) {
    detail = ` (to ${response.headers.location})`;
  } else if (response.status >= 400 && response.body.length > 0) {
    // An error page usually says why; the first line of it is worth showing.
    const text = excerpt(response.body.toString("utf8"), redact);
    if (text) detail = `: ${JSON.stringify(text)}`;
  }
  return `expected status ${describeStatusExpectation(check.expect.status)} but got ${got}${detail}`;
}

function parseJsonBody(response: HttpResponse): { value: unknown } | { reason: string } {
  const type = contentType(response);
  const text = response.body.toString("utf8");
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    if (type.includes("json")) {
      return { reason: `body is not valid JSON (${type}: ${(error as Error).message})` };
    }
    return { reason: `body is not JSON (${type || "no Content-Type"})` };
  }
}

function bodyReasons(check: CheckSpec, response: HttpResponse, redact: Redact): string[] {
  const reasons: string[] = [];
  const { bodyMatches, bodyNotMatches, json } = check.expect;
  if (bodyMatches.length > 0 || bodyNotMatches.length > 0) {
    const text = response.body.toString("utf8");
    for (const pattern of bodyMatches) {
      if (!pattern.test(text)) reasons.push(`body does not match ${String(pattern)}`);
    }
    for (const pattern of bodyNotMatches) {
      const found = pattern.exec(text);
      if (found)
        reasons.push(
          `body matches ${String(pattern)} (found ${JSON.stringify(excerpt(found[0], redact, 60))})`,
        );
    }
  }
  if (json.length > 0) {
    const parsed = parseJsonBody(response);
    if ("reason" in parsed) return [...reasons, parsed.reason];
    for (const assertion of json) {
      const reason = evaluateAssertion(assertion, parsed.value, redact);
      if (reason) reasons.push(reason);
    }
  }
  return reasons;
}

export function evaluateResponse(
  check: CheckSpec,
  response: HttpResponse,
  latencyMs: number,
  now: Date,
  redact: Redact = noRedaction,
): string[] {
  // Behind a wrong status there is usually an error page: its body says nothing about the
  // expectations, so the status is the one reason.
  if (!statusMatches(check.expect.status, response.status))
    return [statusReason(check, response, redact)];
  const reasons: string[] = [];
  if (response.certificate && response.url.protocol === "https:") {
    const reason = evaluateCertificate(
      response.certificate,
      response.url.hostname,
      check.tls.minDays,
      now,
    );
    if (reason) reasons.push(reason);
  }
  for (const expectation of check.expect.headers) {
    const reason = evaluateHeader(expectation, response.headers, redact);
    if (reason) reasons.push(reason);
  }
  const maxLatency = check.expect.maxLatencyMs;
  if (maxLatency !== undefined && latencyMs > maxLatency) {
    reasons.push(
      `answered in ${formatDuration(latencyMs)}, more than the ${formatDuration(maxLatency)} allowed`,
    );
  }
  reasons.push(...bodyReasons(check, response, redact));
  return reasons;
}
