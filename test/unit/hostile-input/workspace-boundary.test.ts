/**
 * The workspace boundary: paths users give stay in the workspace once links are followed,
 * only regular files are read (with a cap while reading), links are written through and
 * never replaced, and a hostile backup archive leaves nothing behind.
 */
import { execFileSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { toolInput } from "../../../src/backup-engine/process.js";
import { runCli } from "../../../src/cli/main.js";
import { SecretRegistry } from "../../../src/core/secrets.js";
import { extractArchive } from "../../../src/restore/safe-extract.js";
import { captureIo, tempDir } from "../../helpers/run-context.js";

const RELEASE = '{\n  "api_green_image": "registry.example.com/api:1.0.0"\n}\n';
const SET = ["--set", '$.api_green_image="registry.example.com/api:2.0.0"'];

/** A workspace with an infra-looking file, and a directory beside it holding "outside.json". */
function world() {
  const root = tempDir();
  const workspace = join(root, "workspace");
  const outside = join(root, "outside");
  mkdirSync(workspace);
  mkdirSync(outside);
  writeFileSync(join(workspace, "release.auto.tfvars.json"), RELEASE);
  writeFileSync(join(outside, "outside.json"), RELEASE);
  return { root, workspace, outside };
}

async function cli(cwd: string, argv: string[]) {
  const cap = captureIo(cwd, {});
  const code = await runCli(argv, cap.io);
  return { code, stderr: cap.stderr(), stdout: cap.stdout() };
}

function expectSentence(result: { code: number; stderr: string }, code: number, says: RegExp) {
  expect(result.code, result.stderr).toBe(code);
  expect(result.stderr).toMatch(says);
  expect(result.stderr).not.toMatch(/Unexpected error|\n\s+at /);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
}

describe("Workspace boundary: update-tfvars", () => {
  it.each([
    ["a ../ path", () => "../outside/outside.json"],
    ["an absolute path", (o: string) => join(o, "outside.json")],
  ])("refuses %s outside the workspace and writes nothing", async (_name, path) => {
    const { workspace, outside } = world();
    const result = await cli(workspace, ["update-tfvars", "--file", path(outside), ...SET]);
    expectSentence(
      result,
      2,
      /^error: Input "file" names ".*", which leads outside the workspace;/,
    );
    expect(readFileSync(join(outside, "outside.json"), "utf8")).toBe(RELEASE);
  });

  it("refuses a symbolic link that points outside, and leaves the link a link", async () => {
    const { workspace, outside } = world();
    symlinkSync(join(outside, "outside.json"), join(workspace, "linked.auto.tfvars.json"));
    const result = await cli(workspace, [
      "update-tfvars",
      "--file",
      "linked.auto.tfvars.json",
      ...SET,
    ]);
    expectSentence(result, 2, /leads outside the workspace through a symbolic link/);
    expect(readFileSync(join(outside, "outside.json"), "utf8")).toBe(RELEASE);
    expect(lstatSync(join(workspace, "linked.auto.tfvars.json")).isSymbolicLink()).toBe(true);
  });

  it("writes through a link inside the workspace without replacing it", async () => {
    const { workspace } = world();
    symlinkSync("release.auto.tfvars.json", join(workspace, "current.auto.tfvars.json"));
    const result = await cli(workspace, [
      "update-tfvars",
      "--file",
      "current.auto.tfvars.json",
      ...SET,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(lstatSync(join(workspace, "current.auto.tfvars.json")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(workspace, "release.auto.tfvars.json"), "utf8")).toContain(
      "api:2.0.0",
    );
  });

  it("refuses a device", async () => {
    const { workspace } = world();
    symlinkSync("/dev/zero", join(workspace, "zero.auto.tfvars.json"));
    const result = await cli(workspace, [
      "update-tfvars",
      "--file",
      "zero.auto.tfvars.json",
      ...SET,
    ]);
    expectSentence(result, 2, /leads outside the workspace/);
  });
});

describe("Workspace boundary: open-pr uploads", () => {
  // No server listens at this address: a case that got past input checks would fail with 1.
  const common = [
    "--repository",
    "acme/infra",
    "--token",
    "t0ken-value",
    "--github-api-url",
    "http://127.0.0.1:9",
    "--file",
    "release.auto.tfvars.json",
  ];
  it.each([
    [
      "/proc/self/environ=envs/env.txt",
      /names "\/proc\/self\/environ", which leads outside the workspace/,
    ],
    ["../outside/outside.json=envs/x.json", /leads outside the workspace/],
    ["linked=envs/x.json", /leads outside the workspace through a symbolic link/],
    ["folder=envs/x.json", /names "folder", which is a directory; give a regular file/],
    ["pipe=envs/x.json", /names "pipe", which is a named pipe; give a regular file/],
    ["missing.txt=envs/x.json", /names "missing.txt", which does not exist/],
    ["data.txt=.git/config", /repository path ".git\/config", which is inside .git/],
    ["data.txt=envs/../../x", /climbs out with \.\./],
    ["data.txt=/etc/x", /is absolute/],
    ["data.txt=a\\b", /contains a backslash/],
    ["data.txt=envs/x\u0007", /contains control characters/],
    ["data.txt=./", /names no file/],
  ])("refuses %s before any request", async (upload, says) => {
    const { workspace, outside } = world();
    symlinkSync(join(outside, "outside.json"), join(workspace, "linked"));
    mkdirSync(join(workspace, "folder"));
    execFileSync("mkfifo", [join(workspace, "pipe")]);
    writeFileSync(join(workspace, "data.txt"), "x\n");
    const result = await cli(workspace, ["open-pr", ...common, "--upload", upload]);
    expectSentence(result, 2, says);
    expect(result.stderr).not.toContain("t0ken-value");
  });
});

describe("Workspace boundary: preflight reads only regular files", () => {
  it("scans past a link to /dev/zero and a FIFO, and refuses a FIFO as env-file", async () => {
    const { workspace } = world();
    symlinkSync("/dev/zero", join(workspace, "zero"));
    const git = (...args: string[]) => execFileSync("git", ["-C", workspace, ...args]);
    git("init", "-q");
    git("add", "zero");
    execFileSync("mkfifo", [join(workspace, "fifo")]);
    // Reading either would never end: the scan finishing at all is the assertion.
    const scan = await cli(workspace, ["preflight", "--secret-scan", "tree", "--json"]);
    expect(scan.code, scan.stderr).toBe(0);
    expect(JSON.parse(scan.stdout)).toMatchObject({ passed: "true" });
    const env = await cli(workspace, [
      "preflight",
      "--secret-scan",
      "off",
      "--env-file",
      "fifo",
      "--required-env",
      "A",
    ]);
    expectSentence(
      env,
      2,
      /Input "env-file" names "fifo", which is a named pipe; give a regular file/,
    );
    const zero = await cli(workspace, [
      "preflight",
      "--secret-scan",
      "off",
      "--env-file",
      "zero",
      "--required-env",
      "A",
    ]);
    expectSentence(zero, 2, /Input "env-file" names "zero", which leads outside the workspace/);
  });
});

describe("Workspace boundary: restoring a hostile archive", () => {
  const tools = { baseEnv: process.env, secrets: new SecretRegistry() };

  function archive(build: (dir: string) => void): Buffer {
    const dir = tempDir();
    build(dir);
    return execFileSync("tar", ["--create", "--file=-", "-C", dir, "."]);
  }

  it.each([
    [
      "a link out of the target",
      (d: string) => symlinkSync("/etc/passwd", join(d, "passwd")),
      /symbolic link .*passwd points outside the target/,
    ],
    [
      "a link climbing out",
      (d: string) => symlinkSync("../../x", join(d, "up")),
      /symbolic link .*up points outside the target/,
    ],
    [
      "a setuid file",
      (d: string) => {
        writeFileSync(join(d, "tool"), "#!/bin/sh\n", { mode: 0o4755 });
      },
      /tool has the setuid or setgid bit/,
    ],
  ])("refuses %s and leaves nothing behind", async (_name, build, says) => {
    const parent = tempDir();
    const target = join(parent, "restored");
    const tar = archive((d) => {
      writeFileSync(join(d, "ok.txt"), "fine\n");
      build(d);
    });
    await expect(extractArchive(target, Readable.from([tar]), tools)).rejects.toThrow(says);
    expect(existsSync(target) ? readdirSync(target) : []).toEqual([]);
    expect(readdirSync(parent).filter((n) => n !== "restored")).toEqual([]);
  });

  it("restores a clean archive, links inside it included", async () => {
    const parent = tempDir();
    const target = join(parent, "restored");
    const tar = archive((d) => {
      writeFileSync(join(d, "ok.txt"), "fine\n");
      symlinkSync("ok.txt", join(d, "alias"));
    });
    await extractArchive(target, Readable.from([tar]), tools);
    expect(readFileSync(join(target, "alias"), "utf8")).toBe("fine\n");
    expect(readdirSync(parent)).toEqual(["restored"]);
  });

  it("settles when the tool exits before reading all of its input", async () => {
    const input = Readable.from(
      (function* () {
        for (let i = 0; i < 64; i++) yield Buffer.alloc(64 * 1024, 1);
      })(),
    );
    await toolInput({ argv: ["head", "-c", "10"], label: "head" }, input, tools);
    expect(input.readableEnded).toBe(true);
  });
});
