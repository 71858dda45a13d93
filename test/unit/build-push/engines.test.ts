/**
 * The exact command lines of both engines. Docker Buildx cannot run here (no Docker
 * engine), so its argv is the contract; Buildah's is also run for real by the
 * integration tests. Secrets travel through secret mounts, never as build arguments.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { BuildRequest, EngineOptions } from "../../../src/build-push/engine.js";
import { EngineCommandError } from "../../../src/build-push/engine.js";
import {
  BuildahEngine,
  buildahBuildArgs,
  buildahPushArgs,
} from "../../../src/build-push/engines/buildah.js";
import { BuildxEngine, buildxArgs, secretEnvName } from "../../../src/build-push/engines/buildx.js";
import type { Exec, ExecOptions } from "../../../src/build-push/exec.js";
import { tempDir } from "../../helpers/run-context.js";

const SECRET = "npm_s3cr3t-value-123";

function request(overrides: Partial<BuildRequest> = {}): BuildRequest {
  return {
    service: {
      name: "api",
      repository: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/api",
      context: "services/api",
      dockerfile: "services/api/Dockerfile",
      target: "runtime",
      platforms: ["linux/amd64", "linux/arm64"],
      buildArgs: { NODE_VERSION: "24" },
    },
    tags: [
      "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/api:4f9c1a2",
      "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/api:latest",
    ],
    labels: { "org.opencontainers.image.revision": "4f9c1a2" },
    secrets: [
      { id: "npm_token", value: SECRET },
      { id: "netrc", file: "/home/runner/.netrc" },
    ],
    workDir: tempDir(),
    cwd: "/workspace",
    env: { HOME: "/home/runner" },
    onLine: () => undefined,
    ...overrides,
  };
}

interface Call {
  command: string;
  args: readonly string[];
  options: ExecOptions | undefined;
}

function recordingExec(onCall: (call: Call) => void = () => undefined): {
  exec: Exec;
  calls: Call[];
} {
  const calls: Call[] = [];
  const exec: Exec = (command, args, options) => {
    const call = { command, args, options };
    calls.push(call);
    onCall(call);
    return Promise.resolve({ exitCode: 0, stdout: "", stderr: "" });
  };
  return { exec, calls };
}

const tls: EngineOptions = { tlsVerify: true };

describe("Docker Buildx command line", () => {
  it("builds every platform and pushes every tag in one command", () => {
    expect(buildxArgs(request(), tls, "/tmp/meta.json")).toEqual([
      "buildx",
      "build",
      "--file",
      "services/api/Dockerfile",
      "--target",
      "runtime",
      "--platform",
      "linux/amd64,linux/arm64",
      "--tag",
      "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/api:4f9c1a2",
      "--tag",
      "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/api:latest",
      "--label",
      "org.opencontainers.image.revision=4f9c1a2",
      "--build-arg",
      "NODE_VERSION=24",
      "--secret",
      "id=npm_token,env=GREENLIGHT_SECRET_NPM_TOKEN",
      "--secret",
      "id=netrc,src=/home/runner/.netrc",
      "--push",
      "--metadata-file",
      "/tmp/meta.json",
      "services/api",
    ]);
  });

  it("pushes to a registry without TLS through an insecure image export", () => {
    const args = buildxArgs(request({ secrets: [] }), { tlsVerify: false }, "/tmp/meta.json");
    expect(args).not.toContain("--push");
    expect(args).toContain("type=image,push=true,registry.insecure=true");
  });

  it("passes a value secret in the environment, never on the command line or as a build argument", async () => {
    const req = request();
    const { exec, calls } = recordingExec(() => {
      writeFileSync(
        join(req.workDir, "metadata.json"),
        JSON.stringify({ "containerimage.digest": "sha256:" + "a".repeat(64) }),
      );
    });
    const digest = await new BuildxEngine(exec, tls).buildAndPush(req);
    expect(digest).toBe("sha256:" + "a".repeat(64));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.command).toBe("docker");
    expect(calls[0]!.args.join(" ")).not.toContain(SECRET);
    expect(calls[0]!.args.filter((_, i, all) => all[i - 1] === "--build-arg")).toEqual([
      "NODE_VERSION=24",
    ]);
    expect(calls[0]!.options?.env).toEqual({
      HOME: "/home/runner",
      [secretEnvName("npm_token")]: SECRET,
    });
    expect(calls[0]!.options?.cwd).toBe("/workspace");
  });

  it("fails when Buildx reports no pushed digest", async () => {
    const { exec } = recordingExec();
    const error = await new BuildxEngine(exec, tls)
      .buildAndPush(request({ secrets: [] }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineCommandError);
    expect((error as EngineCommandError).output).toContain(
      "it ended without reporting a pushed manifest digest",
    );
  });

  it("names secret variables from ids", () => {
    expect(secretEnvName("npm.token-v2")).toBe("GREENLIGHT_SECRET_NPM_TOKEN_V2");
  });
});

describe("Buildah command line", () => {
  const options: EngineOptions = {
    tlsVerify: false,
    storageDriver: "vfs",
    storageRoot: "/var/tmp/gl",
    isolation: "chroot",
  };

  it("builds every platform into a manifest list", () => {
    expect(
      buildahBuildArgs(request(), options, "localhost/greenlight-build-push/api:abc", [
        "--secret",
        "id=npm_token,src=/w/secret-0",
      ]),
    ).toEqual([
      "--storage-driver",
      "vfs",
      "--root",
      "/var/tmp/gl/storage",
      "--runroot",
      "/var/tmp/gl/run",
      "build",
      "--platform",
      "linux/amd64,linux/arm64",
      "--manifest",
      "localhost/greenlight-build-push/api:abc",
      "--file",
      "services/api/Dockerfile",
      "--target",
      "runtime",
      "--isolation",
      "chroot",
      "--tls-verify=false",
      "--label",
      "org.opencontainers.image.revision=4f9c1a2",
      "--build-arg",
      "NODE_VERSION=24",
      "--secret",
      "id=npm_token,src=/w/secret-0",
      "services/api",
    ]);
  });

  it("builds one stage for the stage cache with the build's own inputs, without the image's labels", () => {
    const secrets = ["--secret", "id=npm_token,src=/w/secret-0"];
    const args = buildahBuildArgs(request(), options, "localhost/l:2", secrets, {
      dockerfile: "/w/stage-cache/Dockerfile",
      stage: "deps",
    });
    expect(args).toEqual([
      "--storage-driver",
      "vfs",
      "--root",
      "/var/tmp/gl/storage",
      "--runroot",
      "/var/tmp/gl/run",
      "build",
      "--platform",
      "linux/amd64,linux/arm64",
      "--manifest",
      "localhost/l:2",
      "--file",
      "/w/stage-cache/Dockerfile",
      "--target",
      "deps",
      "--isolation",
      "chroot",
      "--tls-verify=false",
      "--build-arg",
      "NODE_VERSION=24",
      ...secrets,
      "services/api",
    ]);
  });

  it("pushes the list with all its images, recording the digest only when asked", () => {
    expect(buildahPushArgs({ tlsVerify: true }, "localhost/l:1", "r.example.com/api:v1")).toEqual([
      "manifest",
      "push",
      "--all",
      "--quiet",
      "localhost/l:1",
      "docker://r.example.com/api:v1",
    ]);
    expect(
      buildahPushArgs({ tlsVerify: true }, "localhost/l:1", "r.example.com/api:v1", "/w/digest"),
    ).toEqual([
      "manifest",
      "push",
      "--all",
      "--quiet",
      "--digestfile",
      "/w/digest",
      "localhost/l:1",
      "docker://r.example.com/api:v1",
    ]);
    expect(
      buildahPushArgs(
        { tlsVerify: true },
        "localhost/l:1",
        "r.example.com/api:v1",
        "/w/digest",
        true,
      ),
    ).toEqual([
      "manifest",
      "push",
      "--all",
      "--quiet",
      "--rm",
      "--digestfile",
      "/w/digest",
      "localhost/l:1",
      "docker://r.example.com/api:v1",
    ]);
  });

  it("fails a push with Buildah's own exit status and error, which --digestfile would turn into exit 0", async () => {
    // Buildah's manifest push: with --digestfile, a failed push writes an empty file and exits 0.
    const exec: Exec = (_command, args) => {
      const digestFile = args[args.indexOf("--digestfile") + 1];
      if (args.includes("--digestfile") && digestFile) {
        writeFileSync(digestFile, "");
        return Promise.resolve({ exitCode: 0, stdout: "", stderr: "" });
      }
      const failing = args.includes("push");
      return Promise.resolve({
        exitCode: failing ? 125 : 0,
        stdout: "",
        stderr: failing
          ? 'Error: pinging container registry r.example.com: Get "https://r.example.com/v2/": dial tcp: connect: connection refused'
          : "",
      });
    };
    const error = await new BuildahEngine(exec, tls)
      .buildAndPush(request({ secrets: [] }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineCommandError);
    expect((error as EngineCommandError).exitCode).toBe(125);
    expect((error as EngineCommandError).output).toContain("connection refused");
  });

  it("mounts a value secret from an owner-only file, never as a build argument, and pushes every tag", async () => {
    const req = request();
    const digest = "sha256:" + "b".repeat(64);
    let secretFile = "";
    const { exec, calls } = recordingExec((call) => {
      if (call.args.includes("--digestfile"))
        writeFileSync(call.args[call.args.indexOf("--digestfile") + 1]!, digest);
      if (call.args.includes("build")) {
        const mount = call.args.find((a) => a.startsWith("id=npm_token,src="))!;
        secretFile = mount.slice("id=npm_token,src=".length);
        expect(readFileSync(secretFile, "utf8")).toBe(SECRET);
        expect(statSync(secretFile).mode & 0o777).toBe(0o600);
      }
    });
    expect(await new BuildahEngine(exec, options).buildAndPush(req)).toBe(digest);
    const steps = calls.map((c) => c.args.slice(6, 8).join(" "));
    // The last tag's push removes the list (--rm): no Buildah start of its own for it.
    expect(steps).toEqual(["build --platform", "manifest push", "manifest push"]);
    expect(calls.slice(1, 3).map((c) => c.args.includes("--rm"))).toEqual([false, true]);
    for (const call of calls) {
      expect(call.args.join(" ")).not.toContain(SECRET);
      expect(call.options?.env).toEqual({ HOME: "/home/runner" });
    }
    const build = calls[0]!.args;
    expect(build.filter((_, i) => build[i - 1] === "--build-arg")).toEqual(["NODE_VERSION=24"]);
    expect(build.filter((_, i) => build[i - 1] === "--secret")).toEqual([
      `id=npm_token,src=${secretFile}`,
      "id=netrc,src=/home/runner/.netrc",
    ]);
    // Every tag is pushed once, each writing its digest: a push that worked is not repeated.
    expect(calls.slice(1, 3).map((c) => c.args.at(-1))).toEqual(
      req.tags.map((t) => `docker://${t}`),
    );
    expect(calls.slice(1, 3).map((c) => c.args.includes("--digestfile"))).toEqual([true, true]);
  });

  it("reports a failed step with its output, and still removes the manifest list", async () => {
    const calls: string[] = [];
    const exec: Exec = (_command, args) => {
      calls.push(args.join(" "));
      const failing = args.includes("push") && !args.includes("rm");
      return Promise.resolve({
        exitCode: failing ? 125 : 0,
        stdout: "",
        stderr: failing ? "Error: unauthorized: authentication required" : "",
      });
    };
    const error = await new BuildahEngine(exec, { tlsVerify: true })
      .buildAndPush(request({ secrets: [] }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineCommandError);
    expect((error as EngineCommandError).step).toBe("push");
    expect((error as EngineCommandError).output).toContain("unauthorized");
    expect(calls.at(-1)).toMatch(/^manifest rm /);
  });

  it("removes the list itself when the last tag's push (the one with --rm) fails", async () => {
    const digest = "sha256:" + "c".repeat(64);
    const req = request({ secrets: [] });
    const { exec, calls } = recordingExec((call) => {
      if (call.args.includes("--digestfile") && !call.args.includes("--rm"))
        writeFileSync(call.args[call.args.indexOf("--digestfile") + 1]!, digest);
    });
    const failingLast: Exec = async (command, args, options) => {
      const result = await exec(command, args, options);
      const lastTag = `docker://${req.tags.at(-1)}`;
      return args.at(-1) === lastTag
        ? { exitCode: 125, stdout: "", stderr: "Error: denied: requested access is denied" }
        : result;
    };
    const error = await new BuildahEngine(failingLast, { tlsVerify: true })
      .buildAndPush(req)
      .catch((e: unknown) => e);
    expect((error as EngineCommandError).output).toContain("denied");
    expect(calls.map((c) => c.args.slice(0, 2).join(" "))).toEqual([
      "build --platform",
      "manifest push",
      "manifest push",
      "manifest rm",
    ]);
  });
});
