/** JSONPath assertions, status expectations and header rules: parsing and verdicts. */
import { describe, expect, it } from "vitest";
import {
  evaluateHeader,
  parseHeaderRule,
  securityHeaderExpectations,
} from "../../../src/verify/header-expectation.js";
import { evaluateAssertion, parseAssertion } from "../../../src/verify/json-assertion.js";
import {
  describeStatusExpectation,
  parseStatusExpectation,
  statusMatches,
} from "../../../src/verify/status-expectation.js";

const HEALTH = {
  status: "ok",
  version: "1.4.2",
  uptime: 3600,
  tags: ["blue", "green"],
  details: { database: { postgres: { status: "up" } }, cache: { redis: { status: "down" } } },
  "build info": { commit: "abc123" },
};

function verdict(text: string, document: unknown = HEALTH) {
  return evaluateAssertion(parseAssertion(text), document);
}

describe("JSONPath assertions", () => {
  it.each([
    '$.status == "ok"',
    "$.status == ok",
    '$.details.database.postgres.status == "up"',
    "$.uptime > 0",
    "$.uptime >= 3600",
    "$.uptime < 1e9",
    '$.version != "1.4.1"',
    "$.version =~ /^1\\.4\\./",
    "$.version matches ^1\\.4",
    '$.status in ["ok", "degraded"]',
    '$.status not in ["down"]',
    '$.tags contains "green"',
    '$.version contains "4."',
    "$.uptime exists",
    "$.uptime",
    "$.debug not exists",
    "$.debug !exists",
    "$['build info'].commit == abc123",
    '$.details[?(@.postgres)].postgres.status == "up"',
    "$.status=='ok'",
  ])("holds: %s", (text) => {
    expect(verdict(text)).toBeUndefined();
  });

  it.each([
    ['$.version == "1.4.3"', 'expected $.version == "1.4.3" but got "1.4.2"'],
    ["$.uptime == 3600.5", "expected $.uptime == 3600.5 but got 3600"],
    ['$.uptime == "3600"', 'expected $.uptime == "3600" but got 3600'],
    ["$.status > 1", 'expected $.status > 1 but got "ok" (not a number)'],
    ["$.missing exists", "expected $.missing exists but it is absent"],
    ['$.missing == "x"', 'expected $.missing == "x" but $.missing is absent'],
    ["$.uptime not exists", "expected $.uptime to be absent but got 3600"],
    [
      '$.details.*.*.status == "up"',
      `expected $.details.*.*.status == "up" but got "down" at $['details']['cache']['redis']['status']`,
    ],
    ['$.status in ["up"]', 'expected $.status in ["up"] but got "ok"'],
    [
      "$.details =~ /x/",
      'expected $.details =~ /x/ but got {"database":{"postgres":{"status":"up"}},"cache":{"redis":{"status":"down"}}} (not text)',
    ],
  ])("fails: %s", (text, reason) => {
    expect(verdict(text)).toBe(reason);
  });

  it("shortens long values in reasons", () => {
    const reason = verdict('$.blob == "x"', { blob: "y".repeat(500) })!;
    expect(reason.length).toBeLessThan(140);
    expect(reason).toMatch(/but got "y+…$/);
  });

  it.each([
    ["status == ok", /is not a JSONPath; start it with \$/],
    ["$.a ~~ 3", /has no operator after the path/],
    ["$.a > ok", /compares numbers; "ok" is not a number/],
    ["$.a in ok", /needs a list/],
    ["$.a exists 3", /has text after "exists"/],
    ["$.a =~ /(/", /is not a valid regular expression/],
    ["$.a ==", /needs a value to compare with/],
  ])("refuses %s", (text, message) => {
    expect(() => parseAssertion(text)).toThrow(message);
  });
});

describe("status expectations", () => {
  it("matches codes, classes, ranges and lists", () => {
    const parsed = parseStatusExpectation("200, 3xx, 401-403");
    if (typeof parsed === "string") throw new Error(parsed);
    expect([200, 301, 399, 401, 403].every((s) => statusMatches(parsed, s))).toBe(true);
    expect([201, 400, 404, 500].some((s) => statusMatches(parsed, s))).toBe(false);
    expect(describeStatusExpectation(parsed)).toBe("200, 3xx or 401-403");
    expect(parseStatusExpectation([401, "403"])).toEqual([
      { from: 401, to: 401, text: "401" },
      { from: 403, to: 403, text: "403" },
    ]);
  });

  it("explains what a status must look like", () => {
    expect(parseStatusExpectation("ok")).toBe(
      '"ok" is not a status; write a code (200), a class (2xx) or a range (200-299)',
    );
    expect(parseStatusExpectation("299-200")).toMatch(/is not a status/);
    expect(parseStatusExpectation(700)).toMatch(/is not a status/);
  });
});

describe("response header rules", () => {
  const headers = {
    "x-frame-options": "SAMEORIGIN",
    server: "nginx/1.25",
    "x-content-type-options": "nosniff",
  };

  it("checks presence, absence, exact values and patterns", () => {
    const check = (name: string, rule: string | boolean) =>
      evaluateHeader({ name, rule: parseHeaderRule(rule) }, headers);
    expect(check("X-Frame-Options", true)).toBeUndefined();
    expect(check("X-Frame-Options", "DENY")).toBe(
      'response header X-Frame-Options is "SAMEORIGIN", expected "DENY"',
    );
    expect(check("Server", false)).toBe(
      'response header Server must be absent but is "nginx/1.25"',
    );
    expect(check("Server", "/^nginx/")).toBeUndefined();
    expect(check("Server", "/^apache/i")).toBe(
      'response header Server is "nginx/1.25", expected to match /^apache/i',
    );
    expect(check("Content-Security-Policy", "present")).toBe(
      "response header Content-Security-Policy is missing",
    );
  });

  it("expects HSTS only over HTTPS in the security preset", () => {
    expect(securityHeaderExpectations(false).map((e) => e.name)).toEqual([
      "X-Content-Type-Options",
      "X-Frame-Options",
    ]);
    const https = securityHeaderExpectations(true);
    expect(https.map((e) => evaluateHeader(e, headers))).toEqual([
      "response header Strict-Transport-Security is missing",
      undefined,
      undefined,
    ]);
    expect(evaluateHeader(https[0]!, { "strict-transport-security": "max-age=0" })).toBe(
      'response header Strict-Transport-Security is "max-age=0", expected to match /max-age=[1-9]\\d*/i',
    );
  });
});
