/**
 * Checks from YAML and JSON: defaults filled in, references to the environment and to
 * secrets resolved, and every mistake reported as one sentence naming where it is.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../../../src/core/errors.js";
import { SecretRegistry } from "../../../src/core/secrets.js";
import {
  loadCaFiles,
  parseChecksText,
  readChecksFile,
  requireUniqueNames,
} from "../../../src/verify/check-sources.js";
import { BUILT_IN_DEFAULTS } from "../../../src/verify/check-spec.js";
import { tempDir } from "../../helpers/run-context.js";

const source = { label: 'Input "checks"' };

function parse(text: string, env: Record<string, string> = {}, secrets = new SecretRegistry()) {
  return parseChecksText(text, source, BUILT_IN_DEFAULTS, { env, onSecret: (v) => secrets.add(v) });
}

function problem(text: string): string {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigurationError");
}

describe("check lists", () => {
  it("fills every default and compiles the expectations", () => {
    const [check] = parse("- url: https://api.example.com/health");
    expect(check).toMatchObject({
      name: "api.example.com/health",
      method: "GET",
      timeoutMs: 10_000,
      attempts: 3,
      intervalMs: 10_000,
      followRedirects: true,
      maxRedirects: 10,
      maxBodyBytes: 1024 * 1024,
      tls: { verify: true, minDays: 14 },
      expect: { status: [{ from: 200, to: 299, text: "2xx" }], json: [], headers: [] },
    });
  });

  it("reads the full form, in YAML or JSON", () => {
    const yaml = `
checks:
  - name: api
    url: https://api.example.com/v1/orders
    method: post
    headers: { Authorization: Bearer abc, X-Trace: 1 }
    body: { ping: true }
    expect:
      status: [201, 2xx]
      json:
        - $.status == "ok"
        - { path: $.count, op: ">=", value: 2 }
      body-matches: ok
      headers: { X-Frame-Options: DENY, Server: false }
      security-headers: true
      max-latency: 1.5s
    tls: { verify: false, min-days: 30 }
    timeout: 2s
    attempts: 5
    interval: 500ms
    follow-redirects: false
    max-body: 64KiB
    latency: { requests: 500, concurrency: 20, p95: 2s, max-error-rate: 1% }
`;
    const [check] = parse(yaml);
    expect(check).toMatchObject({
      name: "api",
      method: "POST",
      headers: { Authorization: "Bearer abc", "X-Trace": "1" },
      body: '{"ping":true}',
      timeoutMs: 2000,
      attempts: 5,
      intervalMs: 500,
      followRedirects: false,
      maxBodyBytes: 65536,
      tls: { verify: false, minDays: 30 },
      latency: { requests: 500, concurrency: 20, thresholds: { p95Ms: 2000, maxErrorRate: 0.01 } },
    });
    expect(check!.expect.json).toEqual([
      { path: "$.status", op: "==", value: "ok" },
      { path: "$.count", op: ">=", value: 2 },
    ]);
    expect(check!.expect.headers.map((h) => h.name)).toEqual([
      "Strict-Transport-Security",
      "X-Content-Type-Options",
      "X-Frame-Options",
      "X-Frame-Options",
      "Server",
    ]);
    expect(check!.expect.maxLatencyMs).toBe(1500);
    const json = parse(
      JSON.stringify([{ url: "http://a.test/", expect: { json: { "$.status": "ok" } } }]),
    );
    expect(json[0]!.expect.json).toEqual([{ path: "$.status", op: "==", value: "ok" }]);
  });

  it("resolves ${{ env.* }} and ${{ secrets.* }} from the environment, registering secrets", () => {
    const secrets = new SecretRegistry();
    const [check] = parse(
      "- url: ${{ env.BASE_URL }}/health\n  headers: { X-Deploy: '${{ secrets.DEPLOY_KEY }}' }",
      { BASE_URL: "https://api.example.com", DEPLOY_KEY: "dk-0123456789" },
      secrets,
    );
    expect(check!.url.href).toBe("https://api.example.com/health");
    expect(check!.headers["X-Deploy"]).toBe("dk-0123456789");
    expect(secrets.redact("key dk-0123456789")).toBe("key ***");
    expect(secrets.redact("https://api.example.com")).toBe("https://api.example.com");
  });

  it.each([
    [
      "- url: ftp://x.test/",
      'Input "checks": check 1 has an invalid "url": "ftp://x.test/" is not an http or https URL.',
    ],
    [
      "- url: not a url",
      'Input "checks": check 1 has an invalid "url": "not a url" is not a URL; write it in full, e.g. https://api.example.com/health.',
    ],
    [
      "- name: api",
      'Input "checks": check 1 ("api") has no "url"; give the URL to check, e.g. https://api.example.com/health.',
    ],
    [
      "- {url: 'http://a.test/', timeout: 10x}",
      'Input "checks": check 1 has an invalid "timeout": "10x" is not a duration; write it like 10s, 500ms or 1m30s.',
    ],
    [
      "- {url: 'http://a.test/', expcet: {}}",
      'Input "checks": check 1 has an unknown key "expcet"; check the spelling against the verify README.',
    ],
    [
      "- {url: 'http://a.test/', expect: {stauts: 200}}",
      'Input "checks": check 1 has an unknown key "stauts" in "expect"; check the spelling against the verify README.',
    ],
    [
      "- {url: 'http://a.test/', expect: {status: ok}}",
      'Input "checks": check 1 has an invalid "expect.status": "ok" is not a status; write a code (200), a class (2xx) or a range (200-299).',
    ],
    [
      "- {url: 'http://a.test/', expect: {json: ['status == ok']}}",
      'Input "checks": check 1 has an invalid "expect.json": "status" is not a JSONPath; start it with $ (e.g. $.status).',
    ],
    [
      "- {url: 'http://a.test/', attempts: 0}",
      'Input "checks": check 1 has an invalid "attempts": must be at least 1.',
    ],
    [
      "- {url: 'http://a.test/', max-body: lots}",
      'Input "checks": check 1 has an invalid "max-body": "lots" is not a size; write it with a decimal unit (500MB, 1.5GB), a binary one (512KiB, 1MiB) or as a number of bytes.',
    ],
    [
      "- {url: 'http://a.test/', latency: {max-error-rate: 150%}}",
      'Input "checks": check 1 has an invalid "latency.max-error-rate": "150%" is not a rate; write a percentage such as 1% or 0.5%.',
    ],
    [
      "- {url: 'http://a.test/', expect: 3}",
      'Input "checks": check 1 has an invalid "expect": expected a map such as {status: 200, json: [\'$.status == "ok"\']}.',
    ],
    [
      "- {url: 'http://a.test/', tls: {verify: maybe}}",
      'Input "checks": check 1 has an invalid "tls.verify": expected true or false.',
    ],
    [
      "url: http://a.test/",
      'Input "checks" is not a list of checks; write a YAML or JSON list such as [{url: "https://api.example.com/health"}].',
    ],
    [
      "- http://a.test/",
      'Input "checks": check 1 is not a check; write it as a map with at least url: (e.g. - url: https://api.example.com/health).',
    ],
    ["- [unclosed", /^Input "checks" is not valid YAML or JSON \(.+\)\.$/],
    [
      "- url: ${{ secrets.NOPE }}",
      'Input "checks": check 1 uses ${{ secrets.NOPE }}, but the environment has no NOPE; pass it to the step (env: NOPE: ${{ secrets.NOPE }}).',
    ],
  ])("explains %s", (text, message) => {
    if (typeof message === "string") expect(problem(text)).toBe(message);
    else expect(problem(text)).toMatch(message);
  });

  it("refuses two checks with one name", () => {
    const checks = parse(
      "- {name: api, url: 'http://a.test/'}\n- {name: api, url: 'http://b.test/'}",
    );
    expect(() => requireUniqueNames(checks)).toThrow(
      'Two checks are named "api"; give each check its own name: (failed-checks reports checks by name).',
    );
  });
});

describe("checks files and CA files", () => {
  it("reads a checks file relative to the workspace and names it in problems", async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "verify.yml"),
      "- url: http://a.test/\n- url: http://b.test/\n  attempts: many\n",
    );
    const vars = { env: {}, onSecret: () => undefined };
    await expect(readChecksFile("verify.yml", dir, BUILT_IN_DEFAULTS, vars)).rejects.toThrow(
      'Checks file "verify.yml": check 2 has an invalid "attempts": expected a whole number.',
    );
    await expect(readChecksFile("missing.yml", dir, BUILT_IN_DEFAULTS, vars)).rejects.toThrow(
      'Input "checks-file" names "missing.yml", which cannot be read (ENOENT); give a YAML file relative to the workspace.',
    );
  });

  it("reads each CA file once and refuses one without a certificate", async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "ca.pem"),
      "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
    );
    writeFileSync(join(dir, "key.pem"), "-----BEGIN PRIVATE KEY-----\n");
    const checks = parse(
      "- {url: 'https://a.test/', tls: {ca-file: ca.pem}}\n- {url: 'https://b.test/', tls: {ca-file: ca.pem}}",
    );
    await loadCaFiles(checks, dir);
    expect(checks.map((c) => c.tls.ca?.startsWith("-----BEGIN CERTIFICATE-----"))).toEqual([
      true,
      true,
    ]);
    const wrong = parse("- {name: api, url: 'https://a.test/', tls: {ca-file: key.pem}}");
    await expect(loadCaFiles(wrong, dir)).rejects.toThrow(
      'The CA file "key.pem" (for check "api") holds no PEM certificate; it must contain -----BEGIN CERTIFICATE----- blocks.',
    );
  });
});
