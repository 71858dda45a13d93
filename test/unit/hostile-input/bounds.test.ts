/**
 * Bounds: every duration and count input has a limit (a timer can wait at most 2^31-1 ms,
 * and a count is a bound on work), the overall deadline bounds the latency probe, and a
 * user's regular expression runs in linear time.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../src/cli/main.js";
import { MAX_TIMER_MS, timerDelay } from "../../../src/core/clock.js";
import { MAX_DURATION_MS, parseDuration } from "../../../src/core/inputs.js";
import { compileUserPattern } from "../../../src/core/user-pattern.js";
import { captureIo, tempDir } from "../../helpers/run-context.js";

async function cli(argv: string[]) {
  const cap = captureIo(tempDir(), {});
  const code = await runCli(argv, cap.io);
  return { code, stderr: cap.stderr(), stdout: cap.stdout() };
}

describe("Bounds: durations and counts", () => {
  it("parses only finite durations", () => {
    expect(parseDuration("9".repeat(400))).toBeUndefined();
    expect(parseDuration(`${"9".repeat(400)}d`)).toBeUndefined();
    expect(parseDuration("30d")).toBe(30 * 86_400_000);
    expect(MAX_DURATION_MS).toBe(3650 * 86_400_000);
  });

  it("keeps every timer within Node's limit instead of letting it fire at once", () => {
    expect(timerDelay(30 * 86_400_000)).toBe(MAX_TIMER_MS);
    expect(timerDelay(Number.POSITIVE_INFINITY)).toBe(MAX_TIMER_MS);
    expect(timerDelay(-5)).toBe(0);
    expect(timerDelay(1_500)).toBe(1_500);
  });

  const URL = ["--url", "http://127.0.0.1:9/health"];
  it.each([
    [
      ["verify", ...URL, "--timeout", "30d"],
      /^error: Input "timeout" is "30d", longer than the 596h it may be\.$/,
    ],
    [
      ["verify", ...URL, "--deadline", "999999d"],
      /^error: Input "deadline" is "999999d", longer than the 596h it may be\.$/,
    ],
    [
      ["verify", ...URL, "--interval", `${"9".repeat(30)}s`],
      /^error: Input "interval" is "9+s", longer than/,
    ],
    [
      ["verify", ...URL, "--attempts", "99999999999999999999"],
      /^error: Input "attempts" is 99999999999999999999, more than the 1000000 it may be\.$/,
    ],
    [
      ["verify", ...URL, "--max-redirects", "1000"],
      /^error: Input "max-redirects" is 1000, more than the 50 it may be\.$/,
    ],
    [
      [
        "notify",
        "--status",
        "success",
        "--environment",
        "production",
        "--webhook-url",
        "http://127.0.0.1:9/",
        "--attempts",
        "100000",
      ],
      /^error: Input "attempts" is 100000, more than the 20 it may be\.$/,
    ],
    [
      [
        "notify",
        "--status",
        "success",
        "--environment",
        "production",
        "--webhook-url",
        "http://127.0.0.1:9/",
        "--timeout",
        "25d",
      ],
      /^error: Input "timeout" is "25d", longer than/,
    ],
    [
      [
        "open-pr",
        "--repository",
        "a/b",
        "--set",
        "$.a=1",
        "--file",
        "x.json",
        "--wait-timeout",
        "30d",
      ],
      /^error: Input "wait-timeout" is "30d", longer than/,
    ],
    [
      [
        "open-pr",
        "--repository",
        "a/b",
        "--set",
        "$.a=1",
        "--file",
        "x.json",
        "--max-attempts",
        "1000",
      ],
      /^error: Input "max-attempts" is 1000, more than the 100 it may be\.$/,
    ],
    [
      ["build-push", "--services", "api=.", "--max-parallel", "1000"],
      /^error: Input "max-parallel" is 1000, more than the 64 it may be\.$/,
    ],
    [
      ["backup", "--command", "true", "--destination", "store", "--keep-within", "3651d"],
      /^error: Input "keep-within" is "3651d", longer than the 3650d it may be\.$/,
    ],
  ])("%j is refused with one sentence", async (argv, says) => {
    const result = await cli(argv as string[]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr.trim()).toMatch(says);
  });
});

describe("Bounds: the deadline bounds the latency probe", () => {
  it("stops a probe of a million requests at the deadline", async () => {
    const server = createServer((_req, res) => void setTimeout(() => res.end("ok"), 5));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const started = Date.now();
      const result = await cli([
        "verify",
        "--checks",
        `[{url: "${url}", latency: {requests: 100000, concurrency: 4}}]`,
        "--deadline",
        "1s",
        "--json",
      ]);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(result.stderr).not.toMatch(/Unexpected error/);
      expect([0, 1]).toContain(result.code);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("Bounds: user regular expressions run in linear time", () => {
  it("answers a catastrophic pattern at once", () => {
    const pattern = compileUserPattern("^(a+)+$");
    expect(pattern.test(`${"a".repeat(100_000)}b`)).toBe(false);
    expect(pattern.test("aaa")).toBe(true);
    expect(compileUserPattern("secret", "i").test("SECRET")).toBe(true);
    expect(() => compileUserPattern("([")).toThrow("missing closing ]");
  });

  it("preflight's env-schema pattern does not hang on a hostile value", async () => {
    const dir = tempDir();
    const cap = captureIo(dir, { NAME: `${"a".repeat(50_000)}!` });
    const code = await runCli(
      [
        "preflight",
        "--secret-scan",
        "off",
        "--env-schema",
        "{NAME: {pattern: '^(a+)+$'}}",
        "--json",
      ],
      cap.io,
    );
    expect(code, cap.stderr()).toBe(1);
    expect(cap.stdout()).toContain("does not match the pattern");
  });
});
