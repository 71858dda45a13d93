/** verify's inputs: every mistake is one sentence naming the input, and exit code 2. */
import { describe, expect, it } from "vitest";
import { verifyAction } from "../../../src/verify/definition.js";
import { refusalOf } from "../../helpers/refusal.js";

const failure = (raw: Record<string, string>) => refusalOf(verifyAction, raw);

describe("verify inputs", () => {
  it.each([
    [
      {},
      "Nothing to verify: give url (one endpoint), checks (a YAML list) or checks-file (a YAML file of checks).",
    ],
    [
      { "expect-version": "1.4.2" },
      'Input "expect-version" describes the check given by "url", but "url" is not set; add url, or write the check in checks.',
    ],
    [
      { url: "ftp://a.test/" },
      'Input "url" is invalid: "ftp://a.test/" is not an http or https URL.',
    ],
    [
      { url: "http://a.test/", "expect-status": "fine" },
      'Input "expect-status" is invalid: "fine" is not a status; write a code (200), a class (2xx) or a range (200-299).',
    ],
    [
      { url: "http://a.test/", "expect-json": "$.a ==" },
      'Input "expect-json" is invalid: "$.a ==" needs a value to compare with.',
    ],
    [
      { url: "http://a.test/", "expect-version": "1", "version-path": "version" },
      'Input "version-path" is invalid: "version" is not a JSONPath; start it with $ (e.g. $.status).',
    ],
    [
      { url: "http://a.test/", headers: "just some text" },
      'Input "headers" must be header lines such as `Authorization: Bearer …`, or a JSON map.',
    ],
    [
      { url: "http://a.test/", latency: "{p95: fast}" },
      'Input "latency" (at p95) is invalid: "fast" is not a duration; write it like 10s, 500ms or 1m30s.',
    ],
    [
      { url: "http://a.test/", latency: "200" },
      'Input "latency" must be a map such as {requests: 200, concurrency: 10, p95: 2s}.',
    ],
    [
      { url: "http://a.test/", latency: "{p96: 1s}" },
      'Input "latency" is invalid: Unrecognized key: "p96".',
    ],
    [
      { url: "http://a.test/", timeout: "soon" },
      'Input "timeout" is invalid: "soon" is not a duration; write it like 30s, 10m, 1h30m or 500ms.',
    ],
    [{ url: "http://a.test/", attempts: "0" }, 'Input "attempts" must be at least 1.'],
    [
      { url: "http://a.test/", "max-body": "huge" },
      'Input "max-body" is "huge", which is not a size; write it with a decimal unit (500MB, 1.5GB), a binary one (512KiB, 1MiB) or as a number of bytes.',
    ],
    [
      { url: "http://a.test/", "tls-verify": "nope" },
      'Input "tls-verify" expected true or false, got "nope".',
    ],
    [
      { "checks-file": "absent.yml" },
      'Input "checks-file" names "absent.yml", which cannot be read (ENOENT); give a YAML file relative to the workspace.',
    ],
    [
      { url: "http://a.test/", "ca-file": "absent.pem" },
      'The CA file "absent.pem" (for check "a.test") cannot be read (ENOENT); give the path of a PEM file relative to the workspace.',
    ],
    [
      { url: "http://a.test/x", checks: '[{url: "http://a.test/x"}]' },
      'Two checks are named "a.test/x"; give each check its own name: (failed-checks reports checks by name).',
    ],
  ])("refuses %j", async (raw, message) => {
    const report = await failure(raw);
    expect(report).toEqual({ message, exitCode: 2 });
  });
});
