/**
 * update-tfvars on an HCL release file against the same change to the same values in
 * JSON, each a whole run of the bundle as the runner starts it (`node
 * dist/update-tfvars/index.js`). The HCL path also loads HashiCorp's HCL parser to check
 * the edit; this measures what that costs. Medians of several runs, in round-robin.
 *
 * Measures the committed dist/: run `npm run build` first when the sources changed.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const root = new URL("..", import.meta.url).pathname;
const REPEATS = 10;
const SERVICES = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function releaseValues(): [string, string | number][] {
  const values: [string, string | number][] = [];
  for (let i = 0; i < SERVICES; i++) {
    values.push(
      [`svc${i}_blue_image`, `registry.example.com/svc${i}:1.0.0`],
      [`svc${i}_green_image`, `registry.example.com/svc${i}:1.0.0`],
      [`svc${i}_blue_weight`, 100],
      [`svc${i}_green_weight`, 0],
    );
  }
  return values;
}

const FILES = {
  json: {
    name: "release.auto.tfvars.json",
    text: JSON.stringify(Object.fromEntries(releaseValues()), null, 2) + "\n",
  },
  hcl: {
    name: "release.auto.tfvars",
    text: releaseValues()
      .map(([key, value]) => `${key} = ${JSON.stringify(value)}\n`)
      .join(""),
  },
};

const work = mkdtempSync(join(tmpdir(), "greenlight-bench-tfvars-"));
try {
  // Writes each run's own peak memory when it exits (see peak-probe.cjs).
  const probe = join(root, "bench/peak-probe.cjs");
  const peakFile = join(work, "peak");
  const samples = {
    json: { ms: [] as number[], kib: [] as number[] },
    hcl: { ms: [] as number[], kib: [] as number[] },
  };
  const run = (format: keyof typeof FILES) => {
    const file = FILES[format];
    writeFileSync(join(work, file.name), file.text);
    const output = join(work, "output");
    writeFileSync(output, "");
    writeFileSync(join(work, "summary"), "");
    const started = performance.now();
    const child = spawnSync(
      process.execPath,
      ["--require", probe, join(root, "dist/update-tfvars/index.js")],
      {
        env: {
          PATH: process.env["PATH"] ?? "/usr/bin:/bin",
          GITHUB_ACTIONS: "true",
          GITHUB_WORKSPACE: work,
          GITHUB_OUTPUT: output,
          GITHUB_STEP_SUMMARY: join(work, "summary"),
          RUNNER_TEMP: work,
          BENCH_PEAK_FILE: peakFile,
          INPUT_FILE: file.name,
          INPUT_IMAGES: "svc0=registry.example.com/svc0:2.0.0",
        },
        encoding: "utf8",
      },
    );
    const ms = performance.now() - started;
    if (child.status !== 0 || !readFileSync(join(work, file.name), "utf8").includes("svc0:2.0.0")) {
      throw new Error(`update-tfvars on ${format} failed: ${child.stdout}${child.stderr}`);
    }
    return { ms, kib: Number(readFileSync(peakFile, "utf8")) };
  };
  run("json");
  run("hcl");
  for (let n = 0; n < REPEATS; n++) {
    for (const format of ["json", "hcl"] as const) {
      const { ms, kib } = run(format);
      samples[format].ms.push(ms);
      samples[format].kib.push(kib);
    }
  }
  const json = { ms: median(samples.json.ms), mib: median(samples.json.kib) / 1024 };
  const hcl = { ms: median(samples.hcl.ms), mib: median(samples.hcl.kib) / 1024 };
  console.log("format  run (ms)  peak (MiB)");
  console.log(`json  ${json.ms.toFixed(1).padStart(10)}  ${json.mib.toFixed(1).padStart(10)}`);
  console.log(`hcl   ${hcl.ms.toFixed(1).padStart(10)}  ${hcl.mib.toFixed(1).padStart(10)}`);
  console.log(
    `RESULT tfvars-formats hcl_vs_json=${(hcl.ms / json.ms).toFixed(3)} hcl_peak_mib=${hcl.mib.toFixed(1)} json_peak_mib=${json.mib.toFixed(1)}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
