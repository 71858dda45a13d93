import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EngineCommandError } from "../../../src/build-push/engine.js";
import type { Exec } from "../../../src/build-push/exec.js";
import { CommandNotFoundError } from "../../../src/build-push/exec.js";
import { inParallel } from "../../../src/build-push/in-parallel.js";
import type { BuildPushResult } from "../../../src/build-push/main.js";
import {
  cachePushWarning,
  describeEngineFailure,
  isCachePushFailure,
} from "../../../src/build-push/push-failure.js";
import { selectEngine } from "../../../src/build-push/select-engine.js";
import { buildPushSummary } from "../../../src/build-push/summary.js";
import { ConfigurationError } from "../../../src/core/errors.js";
import { renderMarkdown } from "../../../src/core/summary.js";
import { tempDir } from "../../helpers/run-context.js";

/** An exec where only the listed commands (command + first args) succeed; others are not installed. */
function machine(present: Record<string, number>): Exec {
  return (command, args) => {
    const key = [command, ...args].join(" ");
    const match = Object.keys(present).find((k) => key.startsWith(k));
    if (match === undefined) return Promise.reject(new CommandNotFoundError(command));
    return Promise.resolve({ exitCode: present[match]!, stdout: "", stderr: "" });
  };
}

/** A PATH of one directory holding these programs (executable files that are never run). */
function pathWith(...programs: string[]): Record<string, string> {
  const dir = tempDir("greenlight-path-");
  for (const program of programs) writeFileSync(join(dir, program), "", { mode: 0o755 });
  return { PATH: dir };
}

/** A PATH whose directory holds a directory of this name, which is not a program. */
function pathWithDirectory(name: string): Record<string, string> {
  const path = pathWith();
  mkdirSync(join(path.PATH!, name));
  return path;
}

const options = { tlsVerify: true };

describe("engine choice", () => {
  it("auto takes Buildx when a Docker engine answers", async () => {
    const engine = await selectEngine(
      "auto",
      machine({ "docker buildx version": 0, "docker version": 0 }),
      options,
      pathWith("buildah"),
    );
    expect(engine.name).toBe("buildx");
  });

  it("auto takes Buildah when Docker is installed but its engine is not running", async () => {
    const engine = await selectEngine(
      "auto",
      machine({ "docker buildx version": 0, "docker version": 1 }),
      options,
      pathWith("buildah"),
    );
    expect(engine.name).toBe("buildah");
  });

  it("finds Buildah on the step's PATH without starting it", async () => {
    const calls: string[] = [];
    const exec: Exec = (command, args) => {
      calls.push([command, ...args].join(" "));
      return Promise.reject(new CommandNotFoundError(command));
    };
    const engine = await selectEngine("buildah", exec, options, pathWith("buildah"));
    expect(engine.name).toBe("buildah");
    expect(calls).toEqual([]);
  });

  it.each([
    [
      "buildah",
      {},
      pathWith(),
      'Input "engine" is buildah, but buildah is not installed; install it (apt-get install -y buildah) or use engine: buildx.',
    ],
    [
      "buildah",
      {},
      pathWithDirectory("buildah"),
      'Input "engine" is buildah, but buildah is not installed',
    ],
    [
      "buildx",
      {},
      pathWith("buildah"),
      'Input "engine" is buildx, but Docker with Buildx is not available here',
    ],
    [
      "auto",
      { "docker buildx version": 0, "docker version": 1 },
      pathWith("docker"),
      "No build engine found: Docker with Buildx is not running and buildah is not installed",
    ],
  ] as const)("refuses %s when it is not there", async (choice, present, env, message) => {
    const error = await selectEngine(choice, machine(present), options, env).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(message);
  });
});

describe("engine failures in one sentence", () => {
  const repository = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/api";
  const failure = (step: "build" | "push", output: string, exitCode = 1) =>
    describeEngineFailure(
      new EngineCommandError(
        step,
        step === "build" ? "docker buildx build" : "buildah manifest push",
        exitCode,
        output,
      ),
      "api",
      repository,
    ).message;

  it.each([
    "ERROR: failed to push 123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/api:1: no basic auth credentials",
    "Error: writing blob: initiating layer upload to /v2/shop/api/blobs/uploads/ in 123456789012.dkr.ecr.eu-west-1.amazonaws.com: unauthorized: authentication required",
    "denied: requested access to the resource is denied",
  ])("says to log in for a refused push: %s", (output) => {
    expect(failure("push", output)).toBe(
      `Pushing service "api" to ${repository} was refused for missing or invalid credentials; log in to 123456789012.dkr.ecr.eu-west-1.amazonaws.com before this step (for example with aws-actions/amazon-ecr-login or docker/login-action).`,
    );
  });

  it("says to log in when the registry, asked afterwards, refuses the runner", () => {
    const error = new EngineCommandError(
      "push",
      "buildah manifest push",
      0,
      "Copying blob sha256:a9\nit ended without pushing a manifest",
    );
    expect(
      describeEngineFailure(error, "api", repository, { credentialsRefused: true }).message,
    ).toContain("was refused for missing or invalid credentials; log in to");
    expect(
      describeEngineFailure(error, "api", repository, { credentialsRefused: false }).message,
    ).toBe(
      'Pushing service "api" failed: buildah manifest push it ended without pushing a manifest.',
    );
  });

  it("names the cache repository and the fixes when Buildah cannot push the layer cache", () => {
    const output =
      '--> Pushing cache 123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/api-cache:aee8\nError: failed pushing cache to {{{"123456789012.dkr.ecr.eu-west-1.amazonaws.com" "shop/api-cache"} "aee8"}}: name unknown: The repository with name \'shop/api-cache\' does not exist';
    expect(isCachePushFailure(output)).toBe(true);
    expect(cachePushWarning(output, "api", `${repository}-cache`)).toMatch(
      /^The layer cache of service "api" could not be pushed to 123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/shop\/api-cache \(.*does not exist\), so it was built again without writing the cache; create that repository and let this job push to it \(ECR creates none on push\), give cache-to another repository, or set cache-to: none\.$/,
    );
  });

  it("tells a plain-HTTP registry from an unreachable one", () => {
    expect(
      failure(
        "push",
        'Error: pinging container registry 127.0.0.1:5000: Get "https://127.0.0.1:5000/v2/": http: server gave HTTP response to HTTPS client',
      ),
    ).toBe(
      'Pushing service "api" to 123456789012.dkr.ecr.eu-west-1.amazonaws.com failed because the registry speaks plain HTTP; set tls-verify: false for a registry without TLS.',
    );
    expect(failure("push", "Error: dial tcp 10.0.0.1:443: connect: connection refused")).toBe(
      'Pushing service "api" failed: registry 123456789012.dkr.ecr.eu-west-1.amazonaws.com could not be reached (dial tcp 10.0.0.1:443: connect: connection refused).',
    );
  });

  it("quotes the last meaningful line of a failed build", () => {
    const output =
      'STEP 1/2: FROM scratch AS api\nSTEP 2/2: COPY missing.txt /\nError: building at STEP "COPY missing.txt /": checking on sources under "/w": copier: stat: "/missing.txt": no such file or directory\n';
    expect(failure("build", output, 125)).toBe(
      'Building service "api" failed (docker buildx build exited with 125): building at STEP "COPY missing.txt /": checking on sources under "/w": copier: stat: "/missing.txt": no such file or directory.',
    );
  });
});

describe("parallel builds", () => {
  it("keeps results in input order and never runs more than the limit", async () => {
    let running = 0;
    let most = 0;
    const results = await inParallel([30, 10, 20, 5], 2, async (ms) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running--;
      return ms * 2;
    });
    expect(results).toEqual([60, 20, 40, 10]);
    expect(most).toBe(2);
  });

  it("starts nothing new after a failure, lets running tasks finish, then throws the first error", async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const error = await inParallel([1, 2, 3, 4], 2, async (n) => {
      started.push(n);
      await new Promise((resolve) => setTimeout(resolve, n === 1 ? 1 : 20));
      if (n === 1) throw new Error("first failed");
      finished.push(n);
      return n;
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe("first failed");
    expect(started).toEqual([1, 2]);
    expect(finished).toEqual([2]);
  });
});

describe("job summary", () => {
  it("is a table of service, reference, platforms and size, with the tags and any failure", () => {
    const result: BuildPushResult = {
      engine: "buildah",
      labels: {},
      services: [
        {
          service: "api",
          repository: "r.example.com/shop/api",
          digest: `sha256:${"a".repeat(64)}`,
          reference: `r.example.com/shop/api@sha256:${"a".repeat(64)}`,
          tags: ["r.example.com/shop/api:latest"],
          platforms: [
            { platform: "linux/amd64", digest: `sha256:${"b".repeat(64)}`, size: 212_500_000 },
            { platform: "linux/arm64", digest: `sha256:${"c".repeat(64)}`, size: 3_400 },
          ],
        },
      ],
      problems: [
        'Service "api" for linux/amd64 is 213 MB compressed (212500000 bytes), over the max-size budget of 100 MB.',
      ],
    };
    const markdown = renderMarkdown(buildPushSummary(result));
    expect(markdown).toContain("| Service | Reference | Platforms | Size |");
    expect(markdown).toContain(
      `| api | \`r.example.com/shop/api@sha256:${"a".repeat(64)}\` | linux/amd64, linux/arm64 | 213 MB (linux/amd64), 3.4 kB (linux/arm64) |`,
    );
    expect(markdown).toContain("r.example.com/shop/api:latest");
    expect(markdown).toContain('**Failed:** Service "api" for linux/amd64 is 213 MB compressed');
  });
});
