/**
 * The layer cache on both engines' command lines. Buildx cannot run here, so its argv is
 * the contract (the registry cache in max mode as a plain image manifest, a GitHub Actions
 * cache per service); Buildah's cache is also exercised against a real registry by the
 * integration tests.
 */
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { BuildRequest } from "../../../src/build-push/engine.js";
import { BuildahEngine, buildahBuildArgs } from "../../../src/build-push/engines/buildah.js";
import {
  BuildxEngine,
  buildxArgs,
  parseBuilderDriver,
} from "../../../src/build-push/engines/buildx.js";
import type { Exec } from "../../../src/build-push/exec.js";
import type { CacheSettings } from "../../../src/build-push/layer-cache.js";
import { serviceCache } from "../../../src/build-push/layer-cache.js";
import type { ServiceSpec } from "../../../src/build-push/services.js";
import { ConfigurationError } from "../../../src/core/errors.js";
import { tempDir } from "../../helpers/run-context.js";

const REPO = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/api";
const SERVICE: ServiceSpec = {
  name: "api",
  repository: REPO,
  context: ".",
  dockerfile: "Dockerfile",
  target: "runtime",
  platforms: ["linux/amd64"],
  buildArgs: {},
};
const DEFAULT: CacheSettings = { enabled: true, from: [] };

function request(settings: CacheSettings, engine: "buildx" | "buildah"): BuildRequest {
  return {
    service: SERVICE,
    tags: [`${REPO}:4f9c1a2`],
    labels: {},
    secrets: [],
    cache: serviceCache(settings, SERVICE, engine),
    workDir: tempDir(),
    cwd: "/workspace",
    env: { HOME: "/home/runner" },
    onLine: () => undefined,
  };
}

/** The cache flags of a Buildx command line, in order. */
function buildxCacheFlags(settings: CacheSettings, tlsVerify = true): string[] {
  const args = buildxArgs(request(settings, "buildx"), { tlsVerify }, "/tmp/meta.json");
  return args.flatMap((arg, i) =>
    arg === "--cache-from" || arg === "--cache-to" ? [arg, args[i + 1]!] : [],
  );
}

describe("Buildx layer cache", () => {
  it("reads and writes the repository next to the image by default, in one exact command line", () => {
    expect(buildxArgs(request(DEFAULT, "buildx"), { tlsVerify: true }, "/tmp/meta.json")).toEqual([
      "buildx",
      "build",
      "--file",
      "Dockerfile",
      "--target",
      "runtime",
      "--platform",
      "linux/amd64",
      "--tag",
      `${REPO}:4f9c1a2`,
      "--cache-from",
      `type=registry,ref=${REPO}-cache:buildcache`,
      "--cache-to",
      `type=registry,ref=${REPO}-cache:buildcache,mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true`,
      "--push",
      "--metadata-file",
      "/tmp/meta.json",
      ".",
    ]);
  });

  it("marks the cache insecure with the image when TLS verification is off", () => {
    expect(buildxCacheFlags(DEFAULT, false)).toEqual([
      "--cache-from",
      `type=registry,ref=${REPO}-cache:buildcache,registry.insecure=true`,
      "--cache-to",
      `type=registry,ref=${REPO}-cache:buildcache,mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true,registry.insecure=true`,
    ]);
  });

  it("gives each service its own GitHub Actions cache scope unless one is written", () => {
    expect(
      buildxCacheFlags({ enabled: true, from: ["type=gha"], to: "type=gha,mode=max" }),
    ).toEqual(["--cache-from", "type=gha,scope=api", "--cache-to", "type=gha,mode=max,scope=api"]);
    expect(
      buildxCacheFlags({
        enabled: true,
        from: ["type=gha,scope=shared"],
        to: "type=gha,scope={{service}}-v2,mode=max",
      }),
    ).toEqual([
      "--cache-from",
      "type=gha,scope=shared",
      "--cache-to",
      "type=gha,scope=api-v2,mode=max",
    ]);
  });

  it("passes written registry specs on unchanged, with placeholders filled, and reads several sources", () => {
    expect(
      buildxCacheFlags({
        enabled: true,
        from: ["type=registry,ref={{image}}-cache:main", "ghcr.io/acme/{{service}}-cache"],
        to: "type=registry,ref={{image}}-cache:main,mode=min",
      }),
    ).toEqual([
      "--cache-from",
      `type=registry,ref=${REPO}-cache:main`,
      "--cache-from",
      "type=registry,ref=ghcr.io/acme/api-cache:buildcache",
      "--cache-to",
      `type=registry,ref=${REPO}-cache:main,mode=min`,
    ]);
  });

  it("reads without writing for cache-to: none, and has no cache flags when the cache is off", () => {
    expect(buildxCacheFlags({ enabled: true, from: [], to: "none" })).toEqual([
      "--cache-from",
      `type=registry,ref=${REPO}-cache:buildcache`,
    ]);
    expect(buildxCacheFlags({ enabled: false, from: ["type=gha"], to: "type=gha" })).toEqual([]);
  });

  it("reads the current builder's driver", () => {
    expect(
      parseBuilderDriver(
        "Name:          builder-1\nDriver:        docker-container\nLast Activity: now\n",
      ),
    ).toBe("docker-container");
    expect(parseBuilderDriver("Name: default\nDriver: docker\n")).toBe("docker");
    expect(parseBuilderDriver("")).toBeUndefined();
  });

  function engineWithDriver(driver: string): { exec: Exec; builds: string[][] } {
    const builds: string[][] = [];
    const exec: Exec = (_command, args) => {
      if (args[1] === "inspect") {
        return Promise.resolve({ exitCode: 0, stdout: `Name: x\nDriver: ${driver}\n`, stderr: "" });
      }
      builds.push([...args]);
      const metadata = args[args.indexOf("--metadata-file") + 1]!;
      writeFileSync(
        metadata,
        JSON.stringify({ "containerimage.digest": `sha256:${"c".repeat(64)}` }),
      );
      return Promise.resolve({ exitCode: 0, stdout: "", stderr: "" });
    };
    return { exec, builds };
  }

  it("leaves the default cache out on the docker driver, which cannot export one, and says so", async () => {
    const { exec, builds } = engineWithDriver("docker");
    const lines: string[] = [];
    const engine = new BuildxEngine(exec, { tlsVerify: true });
    await engine.buildAndPush({ ...request(DEFAULT, "buildx"), onLine: (l) => lines.push(l) });
    expect(builds[0]).not.toContain("--cache-to");
    expect(builds[0]).not.toContain("--cache-from");
    expect(lines.join("\n")).toContain("the builder uses the docker driver");
    // A cache the user wrote is passed on: Buildx names what is wrong with it.
    await engine.buildAndPush(
      request({ enabled: true, from: ["type=gha"], to: "type=gha" }, "buildx"),
    );
    expect(builds[1]).toContain("--cache-to");
  });

  it("uses the default cache on a builder that can export it", async () => {
    const { exec, builds } = engineWithDriver("docker-container");
    await new BuildxEngine(exec, { tlsVerify: true }).buildAndPush(request(DEFAULT, "buildx"));
    expect(builds[0]).toContain("--cache-to");
    expect(builds[0]).toContain(`type=registry,ref=${REPO}-cache:buildcache`);
  });
});

describe("Buildah layer cache", () => {
  const buildahCacheFlags = (settings: CacheSettings) => {
    const args = buildahBuildArgs(
      request(settings, "buildah"),
      { tlsVerify: true },
      "localhost/l:1",
      [],
    );
    return args
      .slice(args.indexOf("Dockerfile") + 1, -1)
      .filter((a) => a !== "--target" && a !== "runtime");
  };

  it("keeps layers and reads and writes the repository next to the image by default", () => {
    expect(buildahCacheFlags(DEFAULT)).toEqual([
      "--layers",
      "--cache-from",
      `${REPO}-cache`,
      "--cache-to",
      `${REPO}-cache`,
    ]);
  });

  it("takes the repository of a registry spec (Buildah tags the cache itself) and reads only with cache-to: none", () => {
    expect(
      buildahCacheFlags({
        enabled: true,
        from: ["type=registry,ref={{image}}-cache:main"],
        to: "none",
      }),
    ).toEqual(["--layers", "--cache-from", `${REPO}-cache`]);
  });

  it("builds as before, without --layers, when the cache is off", () => {
    expect(buildahCacheFlags({ enabled: false, from: [] })).toEqual([]);
  });

  it.each([
    [
      { enabled: true, from: ["type=gha"] },
      "A type=gha cache is a Buildx cache, which Buildah cannot use; give cache-from and cache-to a registry repository (e.g. {{image}}-cache), or use engine: buildx.",
    ],
    [
      { enabled: true, from: ["r.example.com/a-cache", "r.example.com/b-cache"] },
      'Input "cache-from" names 2 caches, but Buildah reads one; give a single repository.',
    ],
  ])("refuses what Buildah cannot read: %j", (settings, message) => {
    expect(() => serviceCache(settings, SERVICE, "buildah")).toThrow(
      new ConfigurationError(message),
    );
  });
});

describe("cache entries", () => {
  it("never echoes a Buildx spec, which may hold credentials", () => {
    const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    const spec = `type=s3,region=eu-west-1,bucket=c,access_key_id=AKIA1,secret_access_key=${secret}`;
    for (const settings of [
      { enabled: true, from: [spec] },
      { enabled: true, from: [], to: `type=s3?,secret_access_key=${secret}` },
    ]) {
      let message = "";
      try {
        serviceCache(settings, SERVICE, "buildah");
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).not.toBe("");
      expect(message).not.toContain(secret);
    }
  });

  it.each([
    ["cache-from", { enabled: true, from: ["Registry.example.com/Team/API"] }],
    ["cache-from", { enabled: true, from: ["{{image}}@sha256:" + "a".repeat(64)] }],
    ["cache-to", { enabled: true, from: [], to: "type=registry,mode=max" }],
    ["cache-to", { enabled: true, from: [], to: "type=../x" }],
  ] as [string, CacheSettings][])(
    "names %s when an entry is not a cache: %j",
    (input, settings) => {
      let error: unknown;
      try {
        serviceCache(settings, SERVICE, "buildx");
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toMatch(new RegExp(`^Input "${input}" has `));
    },
  );

  it("fills {{service}} per service", () => {
    const cache = serviceCache(
      { enabled: true, from: ["r.example.com/cache/{{service}}"] },
      { ...SERVICE, name: "worker" },
      "buildah",
    );
    expect(cache?.from).toEqual([{ kind: "registry", repository: "r.example.com/cache/worker" }]);
  });
});

describe("Buildah and several platforms", () => {
  it("builds without the per-step cache, which would take one platform's layer for another's", async () => {
    const builds: string[][] = [];
    const lines: string[] = [];
    const exec: Exec = (_command, args) => {
      if (args.includes("build")) builds.push([...args]);
      const digestFile = args[args.indexOf("--digestfile") + 1];
      if (args.includes("--digestfile") && digestFile)
        writeFileSync(digestFile, `sha256:${"d".repeat(64)}`);
      return Promise.resolve({ exitCode: 0, stdout: "", stderr: "" });
    };
    const engine = new BuildahEngine(exec, { tlsVerify: true });
    const base = request(DEFAULT, "buildah");
    await engine.buildAndPush({ ...base, onLine: (l) => lines.push(l) });
    expect(builds[0]).toContain("--layers");
    await engine.buildAndPush({
      ...base,
      service: { ...SERVICE, platforms: ["linux/amd64", "linux/arm64"] },
      onLine: (l) => lines.push(l),
    });
    expect(builds[1]).not.toContain("--layers");
    expect(builds[1]).not.toContain("--cache-from");
    expect(lines).toEqual([
      "no per-step layer cache: Buildah can take one platform's cached layer for another's, so a multi-platform build caches whole stages only",
    ]);
  });
});
