/**
 * build-push against real things: Buildah builds FROM scratch images (no pull, no RUN, so
 * no emulation for arm64) and pushes them to a Debian docker-registry on loopback; skopeo,
 * an independent client, checks that what the outputs name is what the registry serves.
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestRegistry } from "../../helpers/registry.js";
import {
  removeDir,
  requireCommand,
  skopeoDigest,
  skopeoRaw,
  startRegistry,
  writeRandomFile,
} from "../../helpers/registry.js";
import { tempDir } from "../../helpers/run-context.js";
import { parseJson, runBuildPush, scratchProject, SHA } from "./harness.js";

const execFileAsync = promisify(execFile);

let registry: TestRegistry;
let root: string;

beforeAll(async () => {
  await requireCommand("buildah");
  await requireCommand("skopeo");
  root = tempDir("greenlight-registry-");
  registry = await startRegistry(root);
});

afterAll(async () => {
  await registry?.stop();
  if (root) removeDir(root);
});

interface Metadata {
  engine: string;
  labels: Record<string, string>;
  services: Record<
    string,
    {
      image: string;
      digest: string;
      tags: string[];
      platforms: { platform: string; digest: string; size: number }[];
    }
  >;
}

describe("build-push with Buildah and a real registry", () => {
  it("builds two services from one Dockerfile's targets for two platforms and hands on what the registry serves", async () => {
    const dir = scratchProject(["api", "worker"]);
    const run = await runBuildPush(dir, {
      services: "api=.#api\nworker=.#worker",
      registry: registry.host,
      platforms: "linux/amd64,linux/arm64",
      tags: "{{sha}},{{short-sha}},{{branch}},latest",
      labels: "com.example.team=checkout",
    });
    expect(run.stderr).not.toContain("error:");
    expect(run.code).toBe(0);

    const images = parseJson<Record<string, string>>(run.outputs["images"]);
    const digests = parseJson<Record<string, string>>(run.outputs["digests"]);
    const tags = parseJson<Record<string, string[]>>(run.outputs["tags"]);
    expect(Object.keys(images).sort()).toEqual(["api", "worker"]);
    for (const service of ["api", "worker"]) {
      const repository = `${registry.host}/${service}`;
      expect(images[service]).toMatch(
        new RegExp(`^${repository.replace(/\./g, "\\.")}@sha256:[0-9a-f]{64}$`),
      );
      expect(images[service]).toBe(`${repository}@${digests[service]}`);
      expect(tags[service]).toEqual([
        `${repository}:${SHA}`,
        `${repository}:${SHA.slice(0, 7)}`,
        `${repository}:main`,
        `${repository}:latest`,
      ]);

      // The digest handed on resolves, every tag points at it, and the list has both platforms.
      const served = await skopeoRaw(images[service]!);
      expect(served.digest).toBe(digests[service]);
      for (const tag of tags[service]!) expect(await skopeoDigest(tag)).toBe(digests[service]);
      const manifests = served.json["manifests"] as {
        platform: { os: string; architecture: string };
      }[];
      expect(manifests.map((m) => `${m.platform.os}/${m.platform.architecture}`).sort()).toEqual([
        "linux/amd64",
        "linux/arm64",
      ]);
    }
    // The two targets are different images.
    expect(digests["api"]).not.toBe(digests["worker"]);

    const metadata = parseJson<Metadata>(run.outputs["metadata"]);
    expect(metadata.engine).toBe("buildah");
    expect(metadata.labels).toMatchObject({
      "org.opencontainers.image.source": "https://github.com/acme/shop",
      "org.opencontainers.image.revision": SHA,
      "com.example.team": "checkout",
    });
    expect(metadata.services["api"]!.platforms.map((p) => p.platform).sort()).toEqual([
      "linux/amd64",
      "linux/arm64",
    ]);
    for (const platform of metadata.services["api"]!.platforms)
      expect(platform.size).toBeGreaterThan(0);

    // The labels are in the image config the registry serves.
    const amd64 = (await skopeoRaw(images["api"]!)).json["manifests"] as {
      digest: string;
      platform: { architecture: string };
    }[];
    const image = await skopeoRaw(
      `${registry.host}/api@${amd64.find((m) => m.platform.architecture === "amd64")!.digest}`,
    );
    const configDigest = (image.json["config"] as { digest: string }).digest;
    const config = await fetch(`http://${registry.host}/v2/api/blobs/${configDigest}`).then(
      (r) => r.json() as Promise<{ config: { Labels: Record<string, string> } }>,
    );
    expect(config.config.Labels["org.opencontainers.image.revision"]).toBe(SHA);

    // The summary is a table: service, reference, platforms, size.
    expect(run.stderr).toContain("| Service | Reference | Platforms | Size |");
    expect(run.stderr).toContain(images["api"]);
  });

  it("pushes a single-platform image with the engine auto finds (Buildah: no Docker here) and reads its platform from the image", async () => {
    const dir = scratchProject(["api"]);
    const run = await runBuildPush(dir, {
      services: "api=.#api",
      registry: registry.host,
      tags: "single",
      engine: "auto",
    });
    expect(run.code).toBe(0);
    const metadata = parseJson<Metadata>(run.outputs["metadata"]);
    expect(metadata.engine).toBe("buildah");
    expect(metadata.services["api"]!.platforms.map((p) => p.platform)).toEqual(["linux/amd64"]);
    expect(await skopeoDigest(`${registry.host}/api:single`)).toBe(
      parseJson<Record<string, string>>(run.outputs["digests"])["api"],
    );
  });

  it("leaves Buildah's storage without its manifest list, and with the image as the next build's cache", async () => {
    const dir = scratchProject(["api"]);
    const storage = tempDir("greenlight-buildah-kept-");
    try {
      const run = await runBuildPush(
        dir,
        { services: "api=.#api", registry: registry.host, tags: "kept-1,kept-2" },
        {},
        storage,
      );
      expect(run.code).toBe(0);
      expect(parseJson<Record<string, string[]>>(run.outputs["tags"])["api"]).toHaveLength(2);
      const { stdout } = await execFileAsync("buildah", [
        ...["--storage-driver", "vfs", "--root", join(storage, "storage", "storage")],
        ...["--runroot", join(storage, "storage", "run"), "images", "--all", "--json"],
      ]);
      const images = JSON.parse(stdout) as { names?: string[] | null }[];
      const names = images.flatMap((image) => image.names ?? []);
      expect(names.filter((name) => name.includes("greenlight-build-push"))).toEqual([]);
      expect(images.length).toBeGreaterThan(0);
    } finally {
      removeDir(storage);
    }
  });

  it("takes services from the config file when the services input is not given", async () => {
    const dir = scratchProject(["api", "worker"]);
    writeFileSync(
      join(dir, "greenlight.yml"),
      [
        "services:",
        "  api:",
        "    image: shop/api",
        "    target: api",
        "  worker:",
        "    image: shop/worker",
        "    target: worker",
        "    environments: [production]",
        "environments:",
        "  production: {}",
        "  staging: {}",
      ].join("\n"),
    );
    const run = await runBuildPush(dir, {
      "config-file": "greenlight.yml",
      registry: registry.host,
      environment: "staging",
      tags: "{{environment}}",
    });
    expect(run.stderr).not.toContain("error:");
    expect(run.code).toBe(0);
    const images = parseJson<Record<string, string>>(run.outputs["images"]);
    expect(Object.keys(images)).toEqual(["api"]);
    expect(images["api"]).toMatch(new RegExp(`^${registry.host}/shop/api@sha256:`));
    expect(await skopeoDigest(`${registry.host}/shop/api:staging`)).toBe(
      images["api"]!.split("@")[1],
    );
  });

  describe("size budget", () => {
    it("fails an image over max-size with its measured size, and passes one under it", async () => {
      const dir = scratchProject(["api"]);
      writeRandomFile(join(dir, "api.txt"), 300_000);
      const over = await runBuildPush(dir, {
        services: "api=.#api",
        registry: registry.host,
        tags: "big",
        "max-size": "100kB",
      });
      expect(over.code).toBe(1);
      expect(over.stderr).toMatch(
        /error: Service "api" for linux\/amd64 is 3\d\d(\.\d)? kB compressed \(3\d{5} bytes\), over the max-size budget of 100 kB\./,
      );
      // The image was pushed and is reported all the same, so it can be inspected.
      expect(parseJson<Record<string, string>>(over.outputs["images"])["api"]).toMatch(/@sha256:/);

      const under = await runBuildPush(dir, {
        services: "api=.#api",
        registry: registry.host,
        tags: "big",
        "max-size": "1MB",
      });
      expect(under.code).toBe(0);
    });
  });
});
