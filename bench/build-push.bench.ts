/**
 * build-push's overhead over the raw engine commands it runs, measured in the same run.
 *
 * The same work is done two ways, in alternating rounds: two services (two targets of one
 * Dockerfile, FROM scratch + COPY, for linux/amd64 and linux/arm64), each pushed under two
 * tags to a real registry (Debian docker-registry on loopback) with Buildah.
 *
 * - ours: the build-push action (inputs parsed, files checked, engine detected, registry
 *   pinged, build and push, then every digest, tag and platform read back and checked).
 * - raw: the equivalent buildah commands alone, `buildah build --manifest`, one
 *   `buildah manifest push --all` per tag and `buildah manifest rm`, the two services at
 *   the same time as the action builds them.
 *
 * Every round writes new file contents, so neither side reuses the other's layers or blobs.
 * overhead_ratio is the median over the rounds of ours/raw; the target is ≤ 1.10.
 */
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { buildPushAction } from "../src/build-push/definition.js";
import { toRunnable } from "../src/core/action.js";
import {
  buildahInputs,
  removeDir,
  requireCommand,
  startRegistry,
} from "../test/helpers/registry.js";
import { tempDir, testContext } from "../test/helpers/run-context.js";

const run = promisify(execFile);
const ROUNDS = 7;
const SERVICES = ["api", "worker"] as const;
const PLATFORMS = "linux/amd64,linux/arm64";
const SHA = "4f9c1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A project whose files are new this round (64 kB per service, so there is data to push). */
function writeProject(dir: string, nonce: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "Dockerfile"),
    SERVICES.map((s) => `FROM scratch AS ${s}\nCOPY ${s}.txt /${s}.txt\n`).join("\n"),
  );
  for (const service of SERVICES)
    writeFileSync(join(dir, `${service}.txt`), `${service} ${nonce}\n`.repeat(4096));
}

async function ours(
  dir: string,
  storage: string,
  registry: string,
  repoPrefix: string,
): Promise<number> {
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
      services: SERVICES.map((s) => `${s}=.#${s}`).join("\n"),
      registry: `${registry}/${repoPrefix}`,
      platforms: PLATFORMS,
      tags: "{{sha}},latest",
      "max-parallel": "4",
      // The raw commands keep no layer cache; the cache's own gain is the build-cache bench.
      cache: "false",
      ...buildahInputs(storage),
    },
    context,
  );
  const elapsed = performance.now() - started;
  if (result.failure) throw new Error(result.failure);
  return elapsed;
}

async function buildah(storage: string, args: string[], cwd: string): Promise<void> {
  const global = [
    "--storage-driver",
    "vfs",
    "--root",
    join(storage, "storage"),
    "--runroot",
    join(storage, "run"),
  ];
  await run("buildah", [...global, ...args], { cwd });
}

async function raw(
  dir: string,
  storage: string,
  registry: string,
  repoPrefix: string,
  round: number,
): Promise<number> {
  const started = performance.now();
  await Promise.all(
    SERVICES.map(async (service) => {
      const list = `localhost/bench/${service}:raw-${round}`;
      await buildah(
        storage,
        [
          "build",
          "--platform",
          PLATFORMS,
          "--manifest",
          list,
          "--file",
          "Dockerfile",
          "--target",
          service,
          "--isolation",
          "chroot",
          ".",
        ],
        dir,
      );
      for (const tag of [SHA, "latest"]) {
        await buildah(
          storage,
          [
            "manifest",
            "push",
            "--all",
            "--quiet",
            "--tls-verify=false",
            list,
            `docker://${registry}/${repoPrefix}/${service}:${tag}`,
          ],
          dir,
        );
      }
      await buildah(storage, ["manifest", "rm", list], dir);
    }),
  );
  return performance.now() - started;
}

async function main(): Promise<void> {
  for (const command of ["buildah", "docker-registry"]) {
    await requireCommand(command).catch((error: unknown) => {
      console.error((error as Error).message);
      process.exit(1);
    });
  }
  const root = tempDir("greenlight-bench-build-push-");
  const registry = await startRegistry(join(root, "registry"));
  const storage = join(root, "buildah");
  const rows: { round: number; ours: number; raw: number }[] = [];
  try {
    // One warm-up of each, so both sides find Buildah's storage initialised.
    writeProject(join(root, "warm"), "warm");
    await raw(join(root, "warm"), storage, registry.host, "warm-raw", -1);
    await ours(join(root, "warm"), storage, registry.host, "warm-ours");
    for (let round = 0; round < ROUNDS; round++) {
      const oursDir = join(root, `ours-${round}`);
      const rawDir = join(root, `raw-${round}`);
      writeProject(oursDir, `ours-${round}-${Math.random()}`);
      writeProject(rawDir, `raw-${round}-${Math.random()}`);
      // Alternate which side goes first, so drift in the machine's load hits both alike.
      let oursMs: number;
      let rawMs: number;
      if (round % 2 === 0) {
        oursMs = await ours(oursDir, storage, registry.host, `ours-${round}`);
        rawMs = await raw(rawDir, storage, registry.host, `raw-${round}`, round);
      } else {
        rawMs = await raw(rawDir, storage, registry.host, `raw-${round}`, round);
        oursMs = await ours(oursDir, storage, registry.host, `ours-${round}`);
      }
      rows.push({ round, ours: oursMs, raw: rawMs });
    }
  } finally {
    await registry.stop();
    removeDir(root);
  }

  console.log(
    "build-push: 2 services × 2 platforms × 2 tags, Buildah (vfs) → docker-registry on loopback\n",
  );
  console.log("round   ours (ms)   raw buildah (ms)   ours/raw");
  for (const row of rows) {
    console.log(
      `${String(row.round).padStart(5)}   ${row.ours.toFixed(0).padStart(9)}   ${row.raw.toFixed(0).padStart(16)}   ${(row.ours / row.raw).toFixed(3).padStart(8)}`,
    );
  }
  const ratio = median(rows.map((r) => r.ours / r.raw));
  console.log(
    `\nmedian: ours ${median(rows.map((r) => r.ours)).toFixed(0)} ms, raw ${median(rows.map((r) => r.raw)).toFixed(0)} ms (target ours/raw ≤ 1.10)`,
  );
  console.log(
    `RESULT build-push overhead_ratio=${ratio.toFixed(3)} ours_ms=${median(rows.map((r) => r.ours)).toFixed(0)} raw_ms=${median(rows.map((r) => r.raw)).toFixed(0)}`,
  );
}

await main();
