/**
 * Errors a user can read: every mistake in the config file points at file:line:col, several
 * missing inputs are several lines (several annotations in Actions), the action never
 * tells its user to pass CLI flags, and numbers that would be rounded are refused.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../src/cli/main.js";
import { runAction } from "../../../src/core/action-runner.js";
import { updateTfvarsAction } from "../../../src/update-tfvars/definition.js";
import { captureIo, tempDir } from "../../helpers/run-context.js";
import { useActionsRunner } from "../../helpers/secret-leaks.js";

async function cli(dir: string, argv: string[]) {
  const cap = captureIo(dir, {});
  const code = await runCli(argv, cap.io);
  return { code, stderr: cap.stderr() };
}

const BASE = `environments:
  production:
    repository: acme/infra
    tfvars: release.auto.tfvars.json
services:
  api:
    image: registry.example.com/api
`;

describe("Errors a user can read: the config file", () => {
  it.each([
    [
      "an alias with no anchor",
      BASE + "    environments: *missing\n",
      /^greenlight\.yml:8:19: the alias \*missing names no anchor defined before it;/,
    ],
    [
      "an alias inside its own anchor",
      "environments: &e\n  production: *e\n",
      /^greenlight\.yml:2:15: the alias \*e refers to the value that contains it;/,
    ],
    [
      "an unbalanced JSONPath",
      BASE + "    fields:\n      green-image: $.a[\n",
      /^greenlight\.yml:9:20: services\.api\.fields\.green-image is invalid: the JSONPath "\$\.a\[" has an unclosed "\["/,
    ],
    [
      "a URL with credentials",
      BASE.replace(
        "acme/infra",
        "acme/infra\n    promotion:\n      analyses:\n        - name: e\n          prometheus: {url: 'http://u:p4ss@prom:9090', query: q}\n          failure-condition: result > 1",
      ),
      /^greenlight\.yml:\d+:\d+: a URL in the config file carries credentials/,
    ],
  ])(
    "%s: schema --check and every command say where, in one sentence",
    async (_name, text, says) => {
      const dir = tempDir();
      writeFileSync(join(dir, "greenlight.yml"), text);
      writeFileSync(
        join(dir, "release.auto.tfvars.json"),
        '{"api_green_image": "registry.example.com/api:1"}\n',
      );
      const check = await cli(dir, ["schema", "--check", "greenlight.yml"]);
      expect(check.code, check.stderr).toBe(2);
      expect(check.stderr).toMatch(says);
      expect(check.stderr).not.toContain("p4ss");
      const run = await cli(dir, [
        "update-tfvars",
        "--file",
        "release.auto.tfvars.json",
        "--set",
        "$.api_green_image=x",
        "--config-file",
        "greenlight.yml",
      ]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr.replace(/^error: /, "")).toMatch(says);
      expect(run.stderr).not.toMatch(/Unexpected error|\n\s+at /);
    },
  );
});

describe("Errors a user can read: several problems are several lines", () => {
  it("the CLI names every missing input, one a line", async () => {
    const result = await cli(tempDir(), ["promote"]);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const line of lines)
      expect(line).toMatch(/^error: Input --[a-z-]+ is required for greenlight promote: /);
  });

  describe("the action runner", () => {
    const runner = useActionsRunner(() => ({
      workspace: tempDir(),
      inputs: { set: "$.a=1", create: "maybe", "dry-run": "perhaps" },
    }));
    it("writes one annotation per problem and never mentions CLI flags", async () => {
      await runAction(updateTfvarsAction);
      const errors = runner
        .printed()
        .visible.split("\n")
        .filter((l) => l.startsWith("::error::"));
      expect(errors).toHaveLength(3);
      expect(errors.join("\n")).toContain('Input "file"');
      expect(errors.join("\n")).toContain('Input "create"');
      expect(errors.join("\n")).toContain('Input "dry-run"');
      expect(errors.join("\n")).not.toMatch(/ --[a-z]/);
      expect(process.exitCode).toBe(1);
    });
  });
});

describe("Errors a user can read: numbers are never rounded", () => {
  const RELEASE =
    '{\n  "api_green_image": "registry.example.com/api:1.0.0",\n  "api_green_desired_count": 1,\n  "big": 1\n}\n';
  it.each([
    [
      ["--desired-counts", "api=99999999999999999999"],
      /Input "desired-counts" is invalid: gives service "api" the count "99999999999999999999"/,
    ],
    [
      ["--set", "$.big=123456789012345678901234567890"],
      /Input "set" is invalid: sets \$\.big to a number that would be changed on writing: 123456789012345678901234567890 is an integer beyond 2\^53/,
    ],
    [
      ["--set", "$.big=1e400"],
      /Input "set" is invalid: sets \$\.big to a number that would be changed on writing: 1e400 is beyond the largest number/,
    ],
    [
      ["--set", '$.big={"x": [9007199254740993]}', "--force"],
      /9007199254740993 is an integer beyond 2\^53/,
    ],
  ])("%j is refused and nothing is written", async (args, says) => {
    const dir = tempDir();
    writeFileSync(join(dir, "release.auto.tfvars.json"), RELEASE);
    const result = await cli(dir, ["update-tfvars", "--file", "release.auto.tfvars.json", ...args]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(says);
    expect(readFileSync(join(dir, "release.auto.tfvars.json"), "utf8")).toBe(RELEASE);
  });

  it.each([
    ["release.auto.tfvars", "a_green_desired_count = 1e400\n"],
    ["release.auto.tfvars", "big = 99999999999999999999\n"],
    ["release.auto.tfvars.json", '{"big": 1e400}\n'],
    ["release.auto.tfvars.json", '{"big": 9007199254740993}\n'],
  ])("a release file %s holding %j is refused, not read as null or rounded", async (file, text) => {
    const dir = tempDir();
    writeFileSync(join(dir, file), text);
    const result = await cli(dir, [
      "update-tfvars",
      "--file",
      file,
      "--set",
      "$.other=1",
      "--create",
    ]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/expected a number that can be held exactly/);
    expect(readFileSync(join(dir, file), "utf8")).toBe(text);
  });
});

describe("Errors a user can read: flags that once gave Unexpected error", () => {
  it("refuses a registry with credentials in it, naming the input", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "Dockerfile"), "FROM scratch\n");
    const { code, stderr } = await cli(dir, [
      "build-push",
      ...["--services", "api=.", "--engine", "buildah", "--tags", "1.0"],
      ...["--registry", "user:s3cretPass@registry.example.com"],
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: Input "registry" is invalid: carries credentials before an @;/);
    expect(stderr).not.toContain("s3cretPass");
    expect(stderr).not.toContain("Unexpected error");
  });

  it("refuses a sandbox host that is no address, naming the flag", async () => {
    const dir = tempDir();
    const { code, stderr } = await cli(dir, [
      "sandbox",
      ...["--host", "0.0.0.0.0", "--port", "0", "--repo", `acme/infra=${bareRepository(dir)}`],
    ]);
    expect(stderr).toMatch(
      /^error: Cannot listen on 0\.0\.0\.0\.0:0 \((ENOTFOUND|EAI_AGAIN)\); choose another address with --host/,
    );
    expect(code).toBe(2);
  });
});

function bareRepository(dir: string): string {
  const path = join(dir, "infra.git");
  execFileSync("git", ["init", "--quiet", "--bare", path]);
  return path;
}
