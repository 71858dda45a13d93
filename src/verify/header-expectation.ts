/**
 * Expected response headers: present, absent, an exact value or a pattern, plus a preset
 * for the security headers a public endpoint should send.
 */
import type { Redact } from "./format.js";
import { formatValue, noRedaction } from "./format.js";
import { parsePattern } from "./json-assertion.js";

export type HeaderRule =
  | { kind: "present" }
  | { kind: "absent" }
  | { kind: "equals"; value: string }
  | { kind: "matches"; pattern: RegExp };

export interface HeaderExpectation {
  /** As the user wrote it, for reasons (`Strict-Transport-Security`). */
  name: string;
  rule: HeaderRule;
}

/** `true`/`present`, `false`/`absent`, `/regex/`, or an exact value. */
export function parseHeaderRule(value: string | boolean | number): HeaderRule {
  if (value === true || value === "present") return { kind: "present" };
  if (value === false || value === "absent") return { kind: "absent" };
  const text = String(value);
  if (/^\/.*\/[a-z]*$/s.test(text)) return { kind: "matches", pattern: parsePattern(text) };
  return { kind: "equals", value: text };
}

/**
 * The security headers every public HTTPS endpoint should send. HSTS only means something
 * over HTTPS, so it is expected only there.
 */
export function securityHeaderExpectations(https: boolean): HeaderExpectation[] {
  return [
    ...(https
      ? [
          {
            name: "Strict-Transport-Security",
            rule: { kind: "matches", pattern: /max-age=[1-9]\d*/i } as HeaderRule,
          },
        ]
      : []),
    { name: "X-Content-Type-Options", rule: { kind: "matches", pattern: /^nosniff$/i } },
    { name: "X-Frame-Options", rule: { kind: "matches", pattern: /^(DENY|SAMEORIGIN)$/i } },
  ];
}

type Headers = Record<string, string | string[] | undefined>;

function headerValue(headers: Headers, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(", ") : value;
}

export function evaluateHeader(
  expectation: HeaderExpectation,
  headers: Headers,
  redact: Redact = noRedaction,
): string | undefined {
  const { name, rule } = expectation;
  const actual = headerValue(headers, name);
  if (rule.kind === "absent") {
    return actual === undefined
      ? undefined
      : `response header ${name} must be absent but is ${formatValue(actual, redact)}`;
  }
  if (actual === undefined) return `response header ${name} is missing`;
  if (rule.kind === "equals" && actual.trim() !== rule.value) {
    return `response header ${name} is ${formatValue(actual, redact)}, expected ${formatValue(rule.value, redact)}`;
  }
  if (rule.kind === "matches" && !rule.pattern.test(actual)) {
    return `response header ${name} is ${formatValue(actual, redact)}, expected to match ${String(rule.pattern)}`;
  }
  return undefined;
}
