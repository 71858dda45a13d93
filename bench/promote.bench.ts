/**
 * promote's cost per tick against the local GitHub sandbox: API calls and wall time of a
 * no-op tick (a step still baking) and of an advancing tick (a baked 10% step moved to 50%),
 * landed directly and through an auto-merged pull request. The baseline is one
 * plain API call (GET /repos/{owner}/{repo}) timed in the same run, so the ratios survive a
 * noisy machine.
 */
import { performance } from "node:perf_hooks";
import type { InfraWorld } from "../test/integration/promote/infra-world.js";
import { releaseFile, startInfraWorld } from "../test/integration/promote/infra-world.js";

const REPEATS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface Measured {
  calls: number;
  ms: number;
  decision: string;
}

async function measureTick(world: InfraWorld): Promise<Measured> {
  const before = world.sandbox.requests.length;
  const started = performance.now();
  const outcome = await world.promote();
  const ms = performance.now() - started;
  if (outcome.error) throw outcome.error;
  return {
    calls: world.sandbox.requests.length - before,
    ms,
    decision: outcome.result!.outputs.decision!,
  };
}

async function scenario(
  merge: "direct" | "auto-merge",
  bakeTime: string,
  setup: (world: InfraWorld) => Promise<void>,
  file: string,
): Promise<{ calls: number; ms: number; decision: string; baselineMs: number }> {
  const runs: Measured[] = [];
  const baselines: number[] = [];
  for (let i = 0; i < REPEATS + 1; i++) {
    const world = await startInfraWorld({
      promotion: { steps: [10, 50, 100], "bake-time": bakeTime },
      merge,
      file,
    });
    try {
      await setup(world);
      const t = performance.now();
      await world.octokit.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "infra" });
      const baseline = performance.now() - t;
      const run = await measureTick(world);
      // The first run warms module loading and git; it is not counted.
      if (i > 0) {
        runs.push(run);
        baselines.push(baseline);
      }
    } finally {
      await world.close();
    }
  }
  return {
    calls: Math.max(...runs.map((r) => r.calls)),
    ms: median(runs.map((r) => r.ms)),
    decision: runs[0]!.decision,
    baselineMs: median(baselines),
  };
}

const deployed = releaseFile();
// Move to 10% first; the measured tick then finds that step baking (no-op) or baked (advance
// to 50%, reading the step's history like any later step).
const toFirstStep = async (world: InfraWorld) => {
  const first = await world.promote();
  if (first.result?.outputs.decision !== "advance") throw new Error("setup tick did not advance");
};
const noop = await scenario("direct", "1h", toFirstStep, deployed);
const advance = await scenario("direct", "0s", toFirstStep, deployed);
const advancePr = await scenario("auto-merge", "0s", toFirstStep, deployed);

const rows = [
  ["no-op tick (baking)", noop],
  ["advancing tick 10% → 50%, direct commit", advance],
  ["advancing tick 10% → 50%, auto-merged pull request", advancePr],
] as const;
console.log("| tick | decision | API calls | wall (median) | × one API call |");
console.log("| --- | --- | --- | --- | --- |");
for (const [name, r] of rows) {
  console.log(
    `| ${name} | ${r.decision} | ${r.calls} | ${(r.ms / 1000).toFixed(3)} s | ${(r.ms / r.baselineMs).toFixed(1)} |`,
  );
}
console.log(`targets: no-op ≤ 4 calls, advance ≤ 8 calls`);
console.log(
  `RESULT promote noop_calls=${noop.calls} advance_calls=${advance.calls} advance_wall_s=${(advance.ms / 1000).toFixed(3)} advance_pr_calls=${advancePr.calls} advance_ratio=${(advance.ms / advance.baselineMs).toFixed(1)}`,
);
