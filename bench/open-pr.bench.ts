/**
 * open-pr's cost against the size of the infra repository. For repositories of 1,000,
 * 10,000 and 50,000 files, a one-file change is landed as a new pull request through the
 * local GitHub sandbox, and compared with the clone-based baseline on the same bare
 * repository: `git clone --depth 1` over file:// + commit + `git push` (which favours the
 * baseline: no network, no TLS, no server). Both are timed in the same run.
 * `one_file_1k_s` is the in-process wall of one such change at 1,000 files, sandbox included.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createLargeBareRepo, startHarness, TFVARS } from "../test/helpers/open-pr-harness.js";
import { tempDir } from "../test/helpers/run-context.js";

const SIZES = [1_000, 10_000, 50_000];
const REPEATS = 5;

function cloneCommitPush(bare: string, n: number): number {
  const work = join(tempDir("greenlight-bench-clone-"), "w");
  const started = performance.now();
  execFileSync("git", ["clone", "-q", "--depth", "1", `file://${bare}`, work]);
  const file = join(work, TFVARS);
  const data = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  data["svc0_green_image"] = `registry.example.com/svc0:clone-${n}`;
  writeFileSync(file, JSON.stringify(data, null, 2) + "\n");
  execFileSync("git", ["-C", work, "checkout", "-q", "-b", `clone-${n}`]);
  execFileSync("git", [
    "-C",
    work,
    "-c",
    "user.name=Bench",
    "-c",
    "user.email=bench@example.com",
    "commit",
    "-q",
    "-am",
    "deploy",
  ]);
  const push = spawnSync("git", ["-C", work, "push", "-q", "origin", `clone-${n}`]);
  if (push.status !== 0) throw new Error(push.stderr.toString());
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * All sizes are served by one sandbox and measured round-robin, so that the machine's
 * load, which drifts over a run, weighs on every size alike.
 */
const repos = SIZES.map((files) => ({ files, bare: createLargeBareRepo(files) }));
const harness = await startHarness({ services: 3 });
const samples = new Map(
  SIZES.map((files) => [files, { ours: [] as number[], clone: [] as number[], calls: 0 }]),
);
try {
  for (const { files, bare } of repos) {
    harness.sandbox.addRepo(`acme/infra-${files}`, bare);
    // One warm-up run per repository so the first git processes are not timed.
    const warm = await harness.run({
      repository: `acme/infra-${files}`,
      images: "svc0=registry.example.com/svc0:warm",
      branch: "warm-up",
    });
    if (warm.error) throw warm.error;
  }
  for (let n = 0; n < REPEATS; n++) {
    for (const { files, bare } of repos) {
      const sample = samples.get(files)!;
      const before = harness.sandbox.requests.length;
      const started = performance.now();
      const outcome = await harness.run({
        repository: `acme/infra-${files}`,
        images: `svc0=registry.example.com/svc0:bench-${n}`,
        branch: `bench-${n}`,
      });
      sample.ours.push(performance.now() - started);
      if (outcome.error) throw outcome.error;
      const operation = outcome.result!.outputs["operation"];
      if (operation !== "created") throw new Error(`expected a new pull request, got ${operation}`);
      sample.calls = harness.sandbox.requests.length - before;
      sample.clone.push(cloneCommitPush(bare, n));
    }
  }
} finally {
  await harness.close();
}
const rows = SIZES.map((files) => {
  const sample = samples.get(files)!;
  return { files, oursMs: median(sample.ours), cloneMs: median(sample.clone), calls: sample.calls };
});

console.log("files    open-pr (ms)  clone+commit+push (ms)  ratio   API calls");
for (const r of rows) {
  console.log(
    `${String(r.files).padEnd(8)} ${r.oursMs.toFixed(1).padStart(12)}  ${r.cloneMs.toFixed(1).padStart(22)}  ${(r.oursMs / r.cloneMs).toFixed(3).padStart(5)}   ${r.calls}`,
  );
}
const first = rows[0]!;
const last = rows[rows.length - 1]!;
console.log(
  `RESULT open-pr api_calls=${last.calls} ratio_vs_clone_50k=${(last.oursMs / last.cloneMs).toFixed(3)} growth_1k_to_50k=${(last.oursMs / first.oursMs).toFixed(3)} one_file_1k_s=${(first.oursMs / 1000).toFixed(3)}`,
);
