/**
 * The layer cache with Buildah and a real registry. Every build starts from empty local
 * storage, as a CI runner does, so whatever is reused came from the registry cache. A RUN
 * step stamps its layer with a fresh UUID: the stamp in the pushed image tells a step that
 * was reused from one that ran again.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestRegistry } from "../../helpers/registry.js";
import {
  pushShellBaseImage,
  removeDir,
  requireCommand,
  skopeoRaw,
  startRegistry,
} from "../../helpers/registry.js";
import { tempDir } from "../../helpers/run-context.js";
import { parseJson, runBuildPush } from "./harness.js";

let registry: TestRegistry;
let root: string;
let base: string;

beforeAll(async () => {
  await requireCommand("buildah");
  await requireCommand("skopeo");
  root = tempDir("greenlight-registry-");
  registry = await startRegistry(join(root, "registry"));
  base = await pushShellBaseImage(registry.host, join(root, "base"));
}, 120_000);

afterAll(async () => {
  await registry?.stop();
  if (root) removeDir(root);
});

/** Two stages: a RUN step that stamps its output, and a last stage that copies it and the app. */
function multiStageProject(): string {
  const dir = tempDir("greenlight-build-cache-project-");
  writeFileSync(
    join(dir, "Dockerfile"),
    [
      `FROM ${base} AS deps`,
      "COPY deps.txt /src/deps.txt",
      'RUN read -r id < /proc/sys/kernel/random/uuid; echo "$id" > /out/stamp',
      "FROM scratch",
      "COPY --from=deps /out/stamp /stamp",
      "COPY app.txt /app.txt",
      "",
    ].join("\n"),
  );
  writeFileSync(join(dir, "deps.txt"), "deps 1\n");
  writeFileSync(join(dir, "app.txt"), "app 1\n");
  return dir;
}

/** The layer digests of the pushed image's only platform. */
async function layersOf(reference: string): Promise<string[]> {
  const list = await skopeoRaw(reference);
  const manifests = list.json["manifests"] as { digest: string }[];
  const repository = reference.split("@")[0]!;
  const image = await skopeoRaw(`${repository}@${manifests[0]!.digest}`);
  return (image.json["layers"] as { digest: string }[]).map((layer) => layer.digest);
}

async function cacheTags(repository: string): Promise<string[]> {
  const response = await fetch(`http://${registry.host}/v2/${repository}/tags/list`);
  if (response.status === 404) return [];
  return ((await response.json()) as { tags?: string[] | null }).tags ?? [];
}

async function build(dir: string, inputs: Record<string, string> = {}): Promise<string> {
  const run = await runBuildPush(dir, { services: "app=.", registry: registry.host, ...inputs });
  expect(run.stderr).not.toContain("error:");
  expect(run.code).toBe(0);
  const images = Object.values(parseJson<Record<string, string>>(run.outputs["images"]));
  expect(images).toHaveLength(1);
  return images[0]!;
}

describe("build-push layer cache with Buildah", () => {
  it("rebuilds only the stage a change touched, taking the rest from <image>-cache on a runner with nothing local", async () => {
    const dir = multiStageProject();
    const [stamp, app] = await layersOf(await build(dir));
    expect(await cacheTags("app-cache")).not.toEqual([]);

    writeFileSync(join(dir, "app.txt"), "app 2\n");
    const [cachedStamp, changedApp] = await layersOf(await build(dir));
    expect(cachedStamp).toBe(stamp);
    expect(changedApp).not.toBe(app);

    // The same change with the cache off runs the RUN step again: a new stamp.
    writeFileSync(join(dir, "app.txt"), "app 3\n");
    const [rebuiltStamp] = await layersOf(await build(dir, { cache: "false" }));
    expect(rebuiltStamp).not.toBe(stamp);
  }, 300_000);

  it("reads and writes the cache named in cache-from and cache-to, and only reads with cache-to: none", async () => {
    const dir = multiStageProject();
    const cache = { "cache-from": "{{image}}-team-cache", "cache-to": "{{image}}-team-cache" };
    const [stamp] = await layersOf(await build(dir, { services: "named=.", ...cache }));
    const written = await cacheTags("named-team-cache");
    expect(written).not.toEqual([]);
    expect(await cacheTags("named-cache")).toEqual([]);

    writeFileSync(join(dir, "app.txt"), "app 2\n");
    const readOnly = { ...cache, "cache-to": "none" };
    const [cachedStamp] = await layersOf(await build(dir, { services: "named=.", ...readOnly }));
    expect(cachedStamp).toBe(stamp);
    expect((await cacheTags("named-team-cache")).sort()).toEqual([...written].sort());
  }, 300_000);

  it("builds and pushes the image with a warning when the cache repository refuses the cache", async () => {
    const readOnly = await startRegistry(join(root, "read-only-registry"), { readOnly: true });
    try {
      const dir = multiStageProject();
      const cache = `${readOnly.host}/refused-cache`;
      const run = await runBuildPush(dir, {
        services: "refused=.",
        registry: registry.host,
        "cache-from": cache,
        "cache-to": cache,
      });
      expect(run.code).toBe(0);
      expect(run.stdout + run.stderr).toMatch(
        new RegExp(
          `warning: The layer cache of service "refused" could not be pushed to ${cache.replace(/[.]/g, "\\.")} \\(.+\\), so it was built again without writing the cache; create that repository`,
        ),
      );
      // The stage build met the refusal first; the image's build after it wrote no cache.
      expect((run.stdout + run.stderr).match(/warning: The layer cache/g)).toHaveLength(1);
      const [image] = Object.values(parseJson<Record<string, string>>(run.outputs["images"]));
      expect(image).toMatch(new RegExp(`^${registry.host}/refused@sha256:`));
      expect(await layersOf(image!)).toHaveLength(2);
    } finally {
      await readOnly.stop();
    }
  }, 300_000);

  it("keeps an unchanged stage as one image and starts from it, and rebuilds it when what it copies or is built with changes", async () => {
    const dir = multiStageProject();
    const dockerfile = join(dir, "Dockerfile");
    writeFileSync(
      dockerfile,
      readFileSync(dockerfile, "utf8").replace("COPY deps.txt", "ARG FLAVOUR=none\nCOPY deps.txt"),
    );
    const [stamp] = await layersOf(await build(dir, { services: "staged=." }));
    const stageTags = async () =>
      (await cacheTags("staged-cache")).filter((tag) => tag.startsWith("stage-"));
    const [first, ...others] = await stageTags();
    expect(others).toEqual([]);
    expect(first).toMatch(/^stage-[0-9a-f]{64}$/);

    // Only the last stage changed: the deps stage comes from its stage image.
    writeFileSync(join(dir, "app.txt"), "app 2\n");
    const warm = await runBuildPush(dir, { services: "staged=.", registry: registry.host });
    expect(warm.code).toBe(0);
    expect(warm.stderr).toContain("stage cache: deps taken from the cache");
    const images = Object.values(parseJson<Record<string, string>>(warm.outputs["images"]));
    expect((await layersOf(images[0]!))[0]).toBe(stamp);
    expect(await stageTags()).toEqual([first]);

    // A file the deps stage copies changed: its RUN step runs again, and the new stage is kept.
    writeFileSync(join(dir, "deps.txt"), "deps 2\n");
    const [depsChanged] = await layersOf(await build(dir, { services: "staged=." }));
    expect(depsChanged).not.toBe(stamp);
    expect((await stageTags()).length).toBe(2);

    // A build argument is part of every stage's key: the stage the argument changes is built again.
    const withArg = await runBuildPush(dir, {
      services: "staged=.",
      registry: registry.host,
      "build-args": "FLAVOUR=plain",
    });
    expect(withArg.code).toBe(0);
    expect(withArg.stderr).not.toContain("stage cache: deps taken");
    const argImages = Object.values(parseJson<Record<string, string>>(withArg.outputs["images"]));
    const [argChanged] = await layersOf(argImages[0]!);
    expect([stamp, depsChanged]).not.toContain(argChanged);
  }, 300_000);

  it("leaves a stage it cannot key (here: ADD) to the per-step cache, which still reuses it", async () => {
    const dir = multiStageProject();
    const dockerfile = join(dir, "Dockerfile");
    writeFileSync(
      dockerfile,
      readFileSync(dockerfile, "utf8").replace("COPY deps.txt", "ADD deps.txt"),
    );
    const [stamp] = await layersOf(await build(dir, { services: "unkeyed=." }));
    expect((await cacheTags("unkeyed-cache")).filter((t) => t.startsWith("stage-"))).toEqual([]);

    writeFileSync(join(dir, "app.txt"), "app 2\n");
    const warm = await runBuildPush(dir, { services: "unkeyed=.", registry: registry.host });
    expect(warm.code).toBe(0);
    expect(warm.stderr).not.toContain("stage cache: deps taken");
    const images = Object.values(parseJson<Record<string, string>>(warm.outputs["images"]));
    expect((await layersOf(images[0]!))[0]).toBe(stamp);
  }, 300_000);

  it("caches whole stages of a multi-platform build as lists, without the per-step cache", async () => {
    const dir = tempDir("greenlight-build-cache-platforms-");
    writeFileSync(
      join(dir, "Dockerfile"),
      [
        "FROM scratch AS assets",
        "COPY assets.txt /assets.txt",
        "FROM scratch",
        "COPY --from=assets /assets.txt /assets.txt",
        "COPY app.txt /app.txt",
        "",
      ].join("\n"),
    );
    writeFileSync(join(dir, "assets.txt"), "assets 1\n");
    writeFileSync(join(dir, "app.txt"), "app 1\n");
    const inputs = { services: "multi=.", platforms: "linux/amd64,linux/arm64" };
    const cold = await runBuildPush(dir, { ...inputs, registry: registry.host });
    expect(cold.code).toBe(0);
    expect(cold.stderr).toContain("no per-step layer cache");
    const tags = await cacheTags("multi-cache");
    // Only the stage image: no per-step cache images for a multi-platform build.
    expect(tags).toHaveLength(1);
    expect(tags[0]).toMatch(/^stage-[0-9a-f]{64}$/);
    const stage = await skopeoRaw(`${registry.host}/multi-cache:${tags[0]}`);
    const platforms = (stage.json["manifests"] as { platform: { architecture: string } }[]).map(
      (m) => m.platform.architecture,
    );
    expect(platforms.sort()).toEqual(["amd64", "arm64"]);

    writeFileSync(join(dir, "app.txt"), "app 2\n");
    const warm = await runBuildPush(dir, { ...inputs, registry: registry.host });
    expect(warm.code).toBe(0);
    expect(warm.stderr).toContain("stage cache: assets taken from the cache");
    const image = Object.values(parseJson<Record<string, string>>(warm.outputs["images"]))[0]!;
    const list = await skopeoRaw(image);
    expect((list.json["manifests"] as unknown[]).length).toBe(2);
    expect(await cacheTags("multi-cache")).toEqual(tags);
  }, 300_000);
});
