/**
 * What build-push's layer cache saves on a CI runner, measured in the same run.
 *
 * A multi-stage service (a dependencies stage and a build stage with slow RUN steps, then
 * a last stage that copies their output and the app's own source) is built with Buildah
 * through the build-push action into a real registry (Debian docker-registry on loopback),
 * from a base image in that registry, as CI pulls one. Each round, on both sides:
 *
 * - cold: the first build of new sources;
 * - warm: after a change to a file only the last stage copies.
 *
 * Every build starts from empty local storage, as a fresh runner does, so nothing local
 * can stand in for the registry cache. One side has the cache on (the default: read and
 * write `<image>-cache`), the other has it off; each round uses new sources and new
 * repositories, and the sides alternate which goes first. warm_ratio is the median over
 * the rounds of warm-with-cache / warm-without; the target is ≤ 0.3.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { buildPushAction } from "../src/build-push/definition.js";
import { toRunnable } from "../src/core/action.js";
import {
  buildahInputs,
  pushShellBaseImage,
  removeDir,
  requireCommand,
  startRegistry,
  writeRandomFile,
} from "../test/helpers/registry.js";
import { tempDir, testContext } from "../test/helpers/run-context.js";

const ROUNDS = 3;
const SHA = "4f9c1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b";
/** Loop iterations standing in for installing dependencies and compiling (seconds each). */
const DEPS_WORK = 6_000_000;
const BUILD_WORK = 3_000_000;

type Side = "cache" | "no-cache";
interface Timing {
  cold: number;
  warm: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const busyLoop = (iterations: number, output: string) =>
  `RUN i=0; while [ $i -lt ${iterations} ]; do i=$((i+1)); done; echo "$i" > ${output}`;

function writeProject(dir: string, base: string, nonce: string): void {
  writeFileSync(
    join(dir, "Dockerfile"),
    [
      `FROM ${base} AS deps`,
      "COPY deps.lock vendor.bin /src/",
      busyLoop(DEPS_WORK, "/out/deps"),
      `FROM ${base} AS build`,
      "COPY --from=deps /out/deps /out/deps",
      "COPY lib.txt /src/lib.txt",
      busyLoop(BUILD_WORK, "/out/app"),
      "FROM scratch",
      "COPY --from=build /out/app /app",
      "COPY main.txt /main.txt",
      "",
    ].join("\n"),
  );
  writeFileSync(join(dir, "deps.lock"), `deps ${nonce}\n`);
  writeRandomFile(join(dir, "vendor.bin"), 4 * 1024 * 1024);
  writeFileSync(join(dir, "lib.txt"), `lib ${nonce}\n`);
  writeFileSync(join(dir, "main.txt"), `main ${nonce}\n`);
}

/** One build through the action, in new empty Buildah storage. */
async function build(dir: string, registry: string, service: string, side: Side): Promise<number> {
  const storage = tempDir("greenlight-bench-build-cache-storage-");
  const action = toRunnable(buildPushAction);
  const { context } = testContext(dir, {
    PATH: process.env["PATH"] ?? "",
    HOME: process.env["HOME"] ?? "",
    GITHUB_SHA: SHA,
    GITHUB_REF: "refs/heads/main",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_REPOSITORY: "acme/shop",
  });
  const started = performance.now();
  const result = await action.execute(
    {
      services: `${service}=.`,
      registry: `${registry}/bench`,
      cache: side === "cache" ? "true" : "false",
      ...buildahInputs(join(storage, "buildah")),
    },
    context,
  );
  const elapsed = performance.now() - started;
  removeDir(storage);
  if (result.failure) throw new Error(result.failure);
  return elapsed;
}

async function round(
  root: string,
  base: string,
  registry: string,
  index: number,
  side: Side,
): Promise<Timing> {
  const dir = join(root, `${side}-${index}`);
  mkdirSync(dir, { recursive: true });
  writeProject(dir, base, `${side}-${index}-${Math.random()}`);
  const service = `app-${side}-${index}`;
  const cold = await build(dir, registry, service, side);
  writeFileSync(join(dir, "main.txt"), `main changed ${Math.random()}\n`);
  const warm = await build(dir, registry, service, side);
  return { cold, warm };
}

async function main(): Promise<void> {
  for (const command of ["buildah", "docker-registry"]) {
    await requireCommand(command).catch((error: unknown) => {
      console.error((error as Error).message);
      process.exit(1);
    });
  }
  const root = tempDir("greenlight-bench-build-cache-");
  const registry = await startRegistry(join(root, "registry"));
  const rows: { round: number; cache: Timing; off: Timing }[] = [];
  try {
    const base = await pushShellBaseImage(registry.host, join(root, "base"));
    for (let index = 0; index < ROUNDS; index++) {
      // Alternate which side goes first, so drift in the machine's load hits both alike.
      const order: Side[] = index % 2 === 0 ? ["cache", "no-cache"] : ["no-cache", "cache"];
      const results: Partial<Record<Side, Timing>> = {};
      for (const side of order) results[side] = await round(root, base, registry.host, index, side);
      rows.push({ round: index, cache: results.cache!, off: results["no-cache"]! });
    }
  } finally {
    await registry.stop();
    removeDir(root);
  }

  console.log(
    "build-cache: multi-stage service (deps + build RUN stages, last stage copies), Buildah (vfs, empty storage per build) → docker-registry on loopback\n",
  );
  console.log(
    "round   cold cache (ms)   warm cache (ms)   cold off (ms)   warm off (ms)   warm cache/off",
  );
  const cell = (ms: number, width: number) => ms.toFixed(0).padStart(width);
  for (const row of rows) {
    console.log(
      `${String(row.round).padStart(5)}   ${cell(row.cache.cold, 15)}   ${cell(row.cache.warm, 15)}   ${cell(row.off.cold, 13)}   ${cell(row.off.warm, 13)}   ${(row.cache.warm / row.off.warm).toFixed(3).padStart(14)}`,
    );
  }
  const ratio = median(rows.map((r) => r.cache.warm / r.off.warm));
  const warmCache = median(rows.map((r) => r.cache.warm));
  const warmOff = median(rows.map((r) => r.off.warm));
  const coldRatio = median(rows.map((r) => r.cache.cold / r.off.cold));
  console.log(
    `\nmedian warm: with cache ${warmCache.toFixed(0)} ms, without ${warmOff.toFixed(0)} ms (target with/without ≤ 0.3); cold with/without ${coldRatio.toFixed(3)} (the cost of writing the cache)`,
  );
  console.log(
    `RESULT build-cache warm_ratio=${ratio.toFixed(3)} cold_ratio=${coldRatio.toFixed(3)} warm_cache_ms=${warmCache.toFixed(0)} warm_off_ms=${warmOff.toFixed(0)}`,
  );
}

await main();
