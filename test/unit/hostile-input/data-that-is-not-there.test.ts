/**
 * Data that is not there: only a finite number, or a string holding a plain decimal
 * number, is a measurement; anything else is missing data, which never advances a
 * release. And a name that is not there (an environment, a service) is not found through
 * an object's prototype.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../src/cli/main.js";
import { send } from "../../../src/core/http/http-client.js";
import { ManualClock } from "../../../src/core/clock.js";
import { MemoryLogger } from "../../../src/core/logger.js";
import { parseMeasurement } from "../../../src/core/measurement.js";
import { SecretRegistry } from "../../../src/core/secrets.js";
import { compileAnalyses, runAnalyses } from "../../../src/promote/analyses/index.js";
import type { AnalysisConfig } from "../../../src/promote/plan.js";
import { captureIo, tempDir } from "../../helpers/run-context.js";

const NOW = new Date(Date.UTC(2026, 0, 1, 12));
const T = NOW.getTime() / 1000;
const MISSING: unknown[] = [
  "",
  " ",
  "\t",
  "0x0",
  "0b1",
  "1e",
  "--1",
  "Infinity",
  "NaN",
  "+Inf",
  null,
  false,
  true,
  [],
  {},
  undefined,
];

function answering(body: unknown): typeof globalThis.fetch {
  return () => Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
}

async function judge(analysis: AnalysisConfig, fetch: typeof globalThis.fetch) {
  const [evidence] = await runAnalyses(
    compileAnalyses([analysis], {}, () => {}),
    { since: NOW, now: NOW },
    {
      fetch,
      send,
      clock: new ManualClock(NOW),
      logger: new MemoryLogger(),
      secrets: new SecretRegistry(),
      env: {},
    },
  );
  return evidence!;
}

const prometheus: AnalysisConfig = {
  name: "errors",
  prometheus: { url: "http://prom.test:9090/", query: "ratio" },
  "success-condition": "result < 0.05",
  // A malformed answer is a provider error: judged at once instead of asked again.
  "consecutive-error-limit": 0,
} as AnalysisConfig;
const httpJson: AnalysisConfig = {
  name: "errors",
  "http-json": { url: "http://metrics.test/ratio", path: "$.ratio" },
  "success-condition": "result < 0.05",
} as AnalysisConfig;

describe("Data that is not there", () => {
  it("counts only finite numbers and plain decimal strings as measurements", () => {
    for (const value of MISSING)
      expect(parseMeasurement(value), JSON.stringify(value)).toBeUndefined();
    expect(parseMeasurement("0")).toBe(0);
    expect(parseMeasurement("-1.5e-3")).toBe(-0.0015);
    expect(parseMeasurement(".5")).toBe(0.5);
    expect(parseMeasurement(7)).toBe(7);
    expect(parseMeasurement(Number.NaN)).toBeUndefined();
  });

  it.each(MISSING.filter((v) => v !== undefined))(
    "Prometheus answering %j never passes",
    async (value) => {
      const vector = await judge(
        prometheus,
        answering({
          status: "success",
          data: { resultType: "vector", result: [{ metric: {}, value: [T, value] }] },
        }),
      );
      expect(vector.verdict).not.toBe("passed");
      const scalar = await judge(
        prometheus,
        answering({ status: "success", data: { resultType: "scalar", result: [T, value] } }),
      );
      expect(scalar.verdict).not.toBe("passed");
    },
  );

  it("holds on an empty vector, a series without a value and malformed answers", async () => {
    const answers = [
      { status: "success", data: { resultType: "vector", result: [] } },
      { status: "success", data: { resultType: "vector", result: [{ metric: {} }] } },
      { status: "success", data: { resultType: "vector", result: [{ metric: {}, value: null }] } },
      { status: "success", data: { resultType: "matrix", result: [{ metric: {}, values: "x" }] } },
      { status: "success", data: { resultType: "vector", result: null } },
      { status: "success", data: { resultType: "histogram" } },
      null,
      "text",
    ];
    for (const answer of answers) {
      expect((await judge(prometheus, answering(answer))).verdict, JSON.stringify(answer)).toBe(
        "inconclusive",
      );
    }
  });

  it.each(MISSING.filter((v) => v !== undefined))(
    "an HTTP JSON value %j is missing data",
    async (value) => {
      const evidence = await judge(httpJson, answering({ ratio: value }));
      expect(evidence.verdict).toBe("inconclusive");
      expect(evidence.measured).toBe("no value");
    },
  );

  it("still measures a numeric string", async () => {
    expect((await judge(httpJson, answering({ ratio: "0.01" }))).verdict).toBe("passed");
  });
});

const CONFIG = `environments:
  production:
    repository: acme/infra
    tfvars: release.auto.tfvars.json
    require-digest: true
services:
  api:
    image: registry.example.com/api
`;
const RELEASE =
  JSON.stringify(
    { api_green_image: "registry.example.com/api:1.0.0", api_green_desired_count: 1 },
    null,
    2,
  ) + "\n";

describe("Data that is not there: names never reach an object's prototype", () => {
  it.each([
    "constructor",
    "__proto__",
    "toString",
    "hasOwnProperty",
    "valueOf",
    "__defineGetter__",
    "isPrototypeOf",
  ])("--environment %s is an unknown environment, not a way around its rules", async (name) => {
    const dir = tempDir();
    writeFileSync(join(dir, "greenlight.yml"), CONFIG);
    writeFileSync(join(dir, "release.auto.tfvars.json"), RELEASE);
    const cap = captureIo(dir);
    const code = await runCli(
      [
        "update-tfvars",
        "--file",
        "release.auto.tfvars.json",
        "--images",
        "api=registry.example.com/api:2.0.0",
        "--config-file",
        "greenlight.yml",
        "--environment",
        name,
      ],
      cap.io,
    );
    expect(code, cap.stderr()).toBe(2);
    expect(cap.stderr()).toBe(
      `error: Input "environment" is "${name}", which the config file does not define; known environments: production.\n`,
    );
    expect(readFileSync(join(dir, "release.auto.tfvars.json"), "utf8")).toBe(RELEASE);
  });

  it.each(["constructor", "toString", "__proto__"])(
    "a service named %s in an input is an unknown service",
    async (name) => {
      const dir = tempDir();
      writeFileSync(join(dir, "release.auto.tfvars.json"), RELEASE);
      const cap = captureIo(dir);
      const code = await runCli(
        ["update-tfvars", "--file", "release.auto.tfvars.json", "--desired-counts", `${name}=2`],
        cap.io,
      );
      expect(code, cap.stderr()).toBe(2);
      expect(cap.stderr()).toContain(name);
      expect(cap.stderr()).not.toMatch(/Unexpected error|\n\s+at /);
      expect(readFileSync(join(dir, "release.auto.tfvars.json"), "utf8")).toBe(RELEASE);
    },
  );

  it("refuses __proto__ as a name in the config file, at its line", async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "greenlight.yml"),
      CONFIG.replace("  production:", "  __proto__:\n    repository: acme/evil\n  production:"),
    );
    const cap = captureIo(dir);
    expect(await runCli(["schema", "--check", "greenlight.yml"], cap.io)).toBe(2);
    expect(cap.stderr()).toBe(
      'greenlight.yml:2:3: "__proto__" cannot be a name in the config file; rename it.\n',
    );
  });
});
