/**
 * open-pr's cost against the size of the infra repository. For repositories of 1,000,
 * 10,000 and 50,000 files, a one-file change is landed as a new pull request through the
 * local GitHub sandbox, and compared with the clone-based baseline on the same bare
 * repository: `git clone --depth 1` over file:// + commit + `git push` (which favours the
 * baseline: no network, no TLS, no server). Both are timed in the same run.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { startHarness, TFVARS, releaseFile } from "../test/helpers/open-pr-harness.js";
import { tempDir } from "../test/helpers/run-context.js";

const SIZES = [1_000, 10_000, 50_000];
const REPEATS = 3;

/** Extra files for the repository, in directories of 500 like a real monorepo. */
function fastImportStream(files: number): string {
  const lines: string[] = ["commit refs/heads/main", "committer Bench <bench@greenlight.invalid> 1700000000 +0000", "data 4", "init"];
  const content = (i: number) => `resource "null_resource" "r${i}" {}\n`;
  for (let i = 0; i < files; i++) {
    const data = content(i);
    lines.push(`M 100644 inline modules/m${Math.floor(i / 500)}/r${i}.tf`, `data ${Buffer.byteLength(data)}`, data.replace(/\n$/, ""));
  }
  const tfvars = releaseFile(3);
  lines.push(`M 100644 inline ${TFVARS}`, `data ${Buffer.byteLength(tfvars)}`, tfvars.replace(/\n$/, ""));
  return lines.join("\n") + "\n";
}

function makeBareRepo(files: number): string {
  const bare = join(tempDir("greenlight-bench-"), "infra.git");
  execFileSync("git", ["init", "-q", "--bare", "-b", "main", bare]);
  execFileSync("git", ["--git-dir", bare, "fast-import", "--quiet"], { input: fastImportStream(files), maxBuffer: 1 << 30 });
  execFileSync("git", ["--git-dir", bare, "gc", "-q"]);
  return bare;
}

function cloneCommitPush(bare: string, n: number): number {
  const work = join(tempDir("greenlight-bench-clone-"), "w");
  const started = performance.now();
  execFileSync("git", ["clone", "-q", "--depth", "1", `file://${bare}`, work]);
  const file = join(work, TFVARS);
  mkdirSync(join(file, ".."), { recursive: true });
  const data = JSON.parse(execFileSync("cat", [file], { encoding: "utf8" })) as Record<string, unknown>;
  data["svc0_green_image"] = `registry.example.com/svc0:clone-${n}`;
  writeFileSync(file, JSON.stringify(data, null, 2) + "\n");
  execFileSync("git", ["-C", work, "checkout", "-q", "-b", `clone-${n}`]);
  execFileSync("git", ["-C", work, "-c", "user.name=b", "-c", "user.email=b@x", "commit", "-q", "-am", "deploy"]);
  const push = spawnSync("git", ["-C", work, "push", "-q", "origin", `clone-${n}`]);
  if (push.status !== 0) throw new Error(push.stderr.toString());
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const rows: { files: number; oursMs: number; cloneMs: number; calls: number }[] = [];
for (const files of SIZES) {
  const bare = makeBareRepo(files);
  const harness = await startHarness({ sandbox: { repos: {} }, services: 3 });
  harness.sandbox.addRepo("acme/big", bare);
  const ours: number[] = [];
  const clone: number[] = [];
  let calls = 0;
  for (let n = 0; n < REPEATS; n++) {
    const before = harness.sandbox.requests.length;
    const started = performance.now();
    const outcome = await harness.run({ repository: "acme/big", images: `svc0=registry.example.com/svc0:bench-${n}`, branch: `bench-${n}` });
    ours.push(performance.now() - started);
    if (outcome.error) throw outcome.error;
    if (outcome.result!.outputs["operation"] !== "created") throw new Error(`expected a new PR, got ${outcome.result!.outputs["operation"]}`);
    calls = harness.sandbox.requests.length - before;
    clone.push(cloneCommitPush(bare, n));
  }
  await harness.close();
  rows.push({ files, oursMs: median(ours), cloneMs: median(clone), calls });
}

console.log("files    open-pr (ms)  clone+commit+push (ms)  ratio   API calls");
for (const r of rows) {
  console.log(`${String(r.files).padEnd(8)} ${r.oursMs.toFixed(1).padStart(12)}  ${r.cloneMs.toFixed(1).padStart(22)}  ${(r.oursMs / r.cloneMs).toFixed(3).padStart(5)}   ${r.calls}`);
}
const first = rows[0]!;
const last = rows[rows.length - 1]!;
console.log(
  `RESULT open-pr api_calls=${last.calls} ratio_vs_clone_50k=${(last.oursMs / last.cloneMs).toFixed(3)} growth_1k_to_50k=${(last.oursMs / first.oursMs).toFixed(3)}`,
);
