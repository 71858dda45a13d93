/**
 * Operations refuse before acting: a branch name git or the base would refuse, a platform
 * the engines cannot build, a secret file that is not there, a retention window of nothing
 * and an empty dump are refused before (or instead of) anything being written.
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { backupAction } from "../../../src/backup/definition.js";
import { runCli } from "../../../src/cli/main.js";
import { toRunnable } from "../../../src/core/action.js";
import { describeFailure } from "../../../src/core/failure.js";
import { branchNameProblem, checkBranchName } from "../../../src/core/git-ref-name.js";
import { captureIo, tempDir, testContext } from "../../helpers/run-context.js";

async function cli(cwd: string, argv: string[]) {
  const cap = captureIo(cwd, {});
  const code = await runCli(argv, cap.io);
  return { code, stderr: cap.stderr() };
}

function expectOneSentence(result: { code: number; stderr: string }, says: RegExp) {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toMatch(says);
  expect(result.stderr).not.toMatch(/Unexpected error|\n\s+at /);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
}

const BAD_BRANCHES = [
  "a..b",
  "with space",
  "tilde~1",
  "caret^",
  "co:lon",
  "what?",
  "star*",
  "br[acket",
  "back\\slash",
  "at@{1}",
  "name.lock",
  "dir/x.lock/y",
  ".hidden",
  "dir/.hidden",
  "ends.",
  "ends/",
  "/starts",
  "double//slash",
  "bell\u0007",
  "nul\u0000",
  "del\u007f",
  "-leading-dash",
  "HEAD",
  "@",
  "refs/heads/main",
  "x".repeat(245),
  "",
];

describe("Operations refuse before acting: branch names", () => {
  it.each(BAD_BRANCHES.map((b) => [JSON.stringify(b).slice(0, 40), b]))(
    "refuses %s",
    (_shown, name) => {
      expect(branchNameProblem(name)).toBeDefined();
      expect(() => checkBranchName(name, "branch")).toThrow(
        /^Input "branch" is .*, which git does not accept as a branch name: it .*; give a name such as/,
      );
    },
  );

  it.each([
    "main",
    "greenlight/production/deploy-api",
    "release-1.2",
    "feature/a_b",
    "v1.0/x",
    "é-unicode",
  ])("accepts %s", (name) => expect(branchNameProblem(name)).toBeUndefined());

  const common = [
    "--repository",
    "acme/infra",
    "--token",
    "t0ken-value",
    "--github-api-url",
    "http://127.0.0.1:9",
    "--set",
    "$.a=1",
    "--file",
    "x.json",
  ];

  it.each(["a..b", "refs/heads/x", "-x", "HEAD", "x.lock"])(
    "open-pr --branch %s exits 2 before any request",
    async (branch) => {
      expectOneSentence(
        await cli(tempDir(), ["open-pr", ...common, "--branch", branch]),
        /^error: Input "branch" is .*, which git does not accept/,
      );
    },
  );

  it.each(["pull-request", "auto-merge"])(
    "refuses the base as the branch with merge %s",
    async (merge) => {
      const result = await cli(tempDir(), [
        "open-pr",
        ...common,
        "--base",
        "main",
        "--branch",
        "main",
        "--merge",
        merge,
      ]);
      expectOneSentence(result, /^error: Input "branch" is "main", the base branch itself;/);
    },
  );

  it("refuses a base git would not accept", async () => {
    expectOneSentence(
      await cli(tempDir(), ["open-pr", ...common, "--base", "ma in"]),
      /^error: Input "base" is "ma in"/,
    );
  });
});

describe("Operations refuse before acting: build-push", () => {
  function workspace() {
    const dir = tempDir();
    mkdirSync(join(dir, "api"));
    writeFileSync(join(dir, "api", "Dockerfile"), "FROM scratch\n");
    return dir;
  }
  const services = ["--services", "api=api", "--registry", "registry.invalid"];

  it.each(["windows/amd64", "darwin/arm64"])(
    "refuses the platform %s before building",
    async (platform) => {
      const result = await cli(workspace(), [
        "build-push",
        ...services,
        "--platforms",
        `linux/amd64,${platform}`,
      ]);
      expectOneSentence(
        result,
        new RegExp(
          `^error: Service "api" has the platform "${platform}", which the build engines cannot build here`,
        ),
      );
    },
  );

  it.each([
    ["missing.txt", /names "missing.txt" for the secret "npm", which does not exist/],
    ["api", /names "api" for the secret "npm", which is not a regular file/],
  ])("refuses the secret file %s before building", async (file, says) => {
    expectOneSentence(
      await cli(workspace(), ["build-push", ...services, "--secret-files", `npm=${file}`]),
      says,
    );
  });
});

describe("Operations refuse before acting: backup", () => {
  async function backup(dir: string, inputs: Record<string, string>) {
    const { context } = testContext(dir);
    try {
      await toRunnable(backupAction).execute(
        { destination: "store", name: "db", ...inputs },
        context,
      );
      return undefined;
    } catch (error) {
      return describeFailure(error);
    }
  }

  it("refuses keep-within 0s as it refuses keep-last 0", async () => {
    const dir = tempDir();
    const cases: Record<string, string>[] = [
      { "keep-within": "0s" },
      { "keep-within": "0" },
      { "keep-last": "0" },
    ];
    for (const inputs of cases) {
      const failure = await backup(dir, { command: "printf dump", ...inputs });
      expect(failure?.exitCode, JSON.stringify(inputs)).toBe(2);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it("does not count an empty dump as a backup, and stores nothing", async () => {
    const dir = tempDir();
    const failure = await backup(dir, { command: "true" });
    expect(failure?.exitCode).toBe(1);
    expect(failure?.message).toMatch(
      /^The backup failed: the dump was empty \(0 bytes on standard output\); check dump-args/,
    );
    expect(readdirSync(join(dir, "store", "db"))).toEqual([]);
  });
});
