/**
 * promote against a real Prometheus holding a demo service's request counters, whose error
 * rate the test controls, with the local GitHub sandbox as the infra repository. Time is
 * simulated: promote, the sandbox's commit dates and the samples Prometheus holds share one
 * clock, and ticks run one simulated second apart (as a schedule would run them minutes
 * apart), so bake times and rate windows pass without waiting for them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../../src/core/clock.js";
import { systemClock } from "../../../src/core/clock.js";
import type { PrometheusServer, SimulatedDemoService } from "../../helpers/prometheus.js";
import { simulateDemoService, startPrometheus } from "../../helpers/prometheus.js";
import type { InfraWorld, RunOutcome } from "./infra-world.js";
import { CANDIDATE, startInfraWorld } from "./infra-world.js";

const WINDOW = "10s";
const ERROR_RATIO = `sum(rate(demo_requests_total{code="500"}[${WINDOW}])) / sum(rate(demo_requests_total[${WINDOW}]))`;
const TRAFFIC = `sum(rate(demo_requests_total[${WINDOW}]))`;
const INTERVAL_S = 1;
const FAILURE_LIMIT = 1;
const TICK_MS = 1_000;

/**
 * The one clock of the test: `advance` is time passing between ticks, with the demo
 * service's counters written up to the new now. A pause promote takes sleeps for real and
 * leaves the simulated time alone, so a deadline raced against real work cannot fire early.
 */
class SimulatedTime implements Clock {
  constructor(private current: number) {}

  now(): Date {
    return new Date(this.current);
  }

  sleep(ms: number): Promise<void> {
    return systemClock.sleep(ms);
  }

  async advance(ms: number): Promise<void> {
    this.current += ms;
    await demo.runUntil(this.current);
  }
}

let time: SimulatedTime;
let demo: SimulatedDemoService;
let prometheus: PrometheusServer;

beforeAll(async () => {
  prometheus = await startPrometheus({ remoteWrite: true });
  const start = Math.floor(Date.now() / 1_000) * 1_000;
  time = new SimulatedTime(start);
  demo = simulateDemoService(prometheus, { start, perSecond: 20, errorRate: 0.01 });
  // Enough history for a rate over the whole window.
  await time.advance(15_000);
});

afterAll(async () => {
  await prometheus?.stop();
});

/** An infra world whose sandbox dates everything on the simulated clock. */
function simulatedWorld(options: Parameters<typeof startInfraWorld>[0]): Promise<InfraWorld> {
  return startInfraWorld({ ...options, sandbox: { now: () => time.now() } });
}

function plan(bakeTime: string) {
  return {
    steps: [10, 50, 100],
    "bake-time": bakeTime,
    "minimum-traffic": { query: TRAFFIC, "at-least": 1 },
    analyses: [
      {
        name: "error rate",
        prometheus: { url: prometheus.url, query: ERROR_RATIO },
        "failure-condition": "result > 0.1",
        "failure-limit": FAILURE_LIMIT,
        interval: `${INTERVAL_S}s`,
      },
    ],
  };
}

interface Tick {
  at: number;
  decision: string;
  weight: number | undefined;
  outcome: RunOutcome;
}

async function tickUntil(
  world: InfraWorld,
  stop: (tick: Tick, all: Tick[]) => boolean,
  options: { limitMs: number; onTick?: (tick: Tick) => void },
): Promise<Tick[]> {
  const ticks: Tick[] = [];
  const deadline = time.now().getTime() + options.limitMs;
  while (time.now().getTime() < deadline) {
    const outcome = await world.promote({}, time);
    if (outcome.error) throw outcome.error;
    const weights = JSON.parse(outcome.result!.outputs.weights!) as Record<string, number>;
    const tick = {
      at: time.now().getTime(),
      decision: outcome.result!.outputs.decision!,
      weight: weights["api"],
      outcome,
    };
    ticks.push(tick);
    options.onTick?.(tick);
    if (stop(tick, ticks)) return ticks;
    await time.advance(TICK_MS);
  }
  throw new Error(
    `Gave up after ${options.limitMs} simulated ms: ${ticks.map((t) => t.decision).join(", ")}`,
  );
}

const acting = (ticks: Tick[]) =>
  ticks
    .filter((t) => t.decision !== "wait")
    .map((t) => (t.decision === "advance" ? `advance ${t.weight}` : t.decision));

describe("promote with Prometheus", () => {
  it("takes a healthy release 10 → 50 → 100 → finalized through pull requests that auto-merge", async () => {
    demo.setTraffic(20);
    demo.setErrorRate(0.01);
    const world = await simulatedWorld({ promotion: plan("3s"), merge: "auto-merge" });
    try {
      const ticks = await tickUntil(world, (t) => t.decision === "idle", { limitMs: 60_000 });
      expect(acting(ticks)).toEqual([
        "advance 10",
        "advance 50",
        "advance 100",
        "finalize",
        "idle",
      ]);
      expect(world.values()).toMatchObject({
        api_blue_image: CANDIDATE,
        api_blue_weight: 100,
        api_green_weight: 0,
        api_green_desired_count: 0,
      });
      // The evidence is in every pull request body and in the deployment statuses.
      const { data: pulls } = await world.octokit.request("GET /repos/{owner}/{repo}/pulls", {
        owner: "acme",
        repo: "infra",
        state: "closed",
      });
      expect(pulls.length).toBe(4);
      const gated = pulls.filter((p) => !/to 10%/.test(p.title));
      for (const pull of gated) {
        expect(pull.body).toContain("### Evidence");
        expect(pull.body).toMatch(/\| error rate \| `sum\(rate/);
        expect(pull.body).toContain("failure: result > 0.1");
        expect(pull.body).toContain("✅ passed");
      }
      const { data: deployments } = await world.octokit.request(
        "GET /repos/{owner}/{repo}/deployments",
        {
          owner: "acme",
          repo: "infra",
          environment: "production",
        },
      );
      expect(deployments.length).toBe(4);
      const { data: statuses } = await world.octokit.request(
        "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses",
        { owner: "acme", repo: "infra", deployment_id: Number(deployments[0]!.id) },
      );
      expect(statuses[0]!.state).toBe("success");
      const finalize = ticks.find((t) => t.decision === "finalize")!;
      const evidence = JSON.parse(finalize.outcome.result!.outputs.evidence!) as {
        analyses: { name: string; verdict: string; query: string }[];
      };
      expect(evidence.analyses.map((a) => [a.name, a.verdict])).toEqual([
        ["minimum traffic", "passed"],
        ["error rate", "passed"],
      ]);
    } finally {
      await world.close();
    }
  });

  it("rolls back a release whose error rate jumps at 50% within interval × failure limit plus one tick", async () => {
    demo.setTraffic(20);
    demo.setErrorRate(0.01);
    const world = await simulatedWorld({ promotion: plan("10s"), merge: "direct" });
    try {
      const ticks = await tickUntil(world, (t) => t.decision === "rollback", {
        limitMs: 120_000,
        onTick: (t) => {
          if (t.decision === "advance" && t.weight === 50) {
            demo.setErrorRate(0.5);
          }
        },
      });
      expect(acting(ticks)).toEqual(["advance 10", "advance 50", "rollback"]);
      // "Within interval × failure limit plus one tick", counted in measurements rather than
      // wall time: the tick before the rollback had not yet seen more failures than the
      // limit allows, and the rollback came with at most one tick's worth of extra ones.
      const failing = (tick: Tick) => {
        const evidence = JSON.parse(tick.outcome.result!.outputs.evidence!) as {
          analyses: { name: string; measured: string }[];
        };
        const measured = evidence.analyses.find((a) => a.name === "error rate")!.measured;
        return Number(/(\d+) of \d+ measurements failing/.exec(measured)![1]);
      };
      expect(failing(ticks.at(-2)!)).toBeLessThanOrEqual(FAILURE_LIMIT);
      expect(failing(ticks.at(-1)!)).toBeGreaterThan(FAILURE_LIMIT);
      const [previous, final] = [ticks.at(-2)!, ticks.at(-1)!];
      const newMeasurements = Math.ceil((final.at - previous.at) / (INTERVAL_S * 1_000)) + 1;
      expect(failing(final)).toBeLessThanOrEqual(FAILURE_LIMIT + newMeasurements);
      expect(world.values()).toMatchObject({
        api_blue_weight: 100,
        api_green_weight: 0,
        api_green_desired_count: 0,
        api_green_image: CANDIDATE,
      });
      const last = ticks.at(-1)!.outcome;
      expect(last.result!.failure).toMatch(/rolled back/);
      expect(world.git("log", "-1", "--format=%B", "main")).toMatch(/error rate: failed; measured/);
      // Rolled back stays rolled back.
      const after = await world.promote({}, time);
      expect(after.result!.outputs.decision).toBe("idle");
    } finally {
      demo.setErrorRate(0.01);
      await world.close();
    }
  });

  it("holds a release with no traffic: not advanced and not rolled back", async () => {
    demo.setTraffic(0);
    // Past the rate window, so no request is left in it.
    await time.advance(12_000);
    const world = await simulatedWorld({ promotion: plan("2s"), merge: "direct" });
    try {
      const ticks = await tickUntil(world, (_t, all) => all.length >= 8, { limitMs: 60_000 });
      expect(ticks[0]!.decision).toBe("advance");
      expect(new Set(ticks.slice(1).map((t) => t.decision))).toEqual(new Set(["hold"]));
      expect(ticks.at(-1)!.outcome.result!.summary).toBeDefined();
      expect(world.values()).toMatchObject({ api_green_weight: 10, api_blue_weight: 90 });
      // One deployment status for the advance, one for the hold however often it repeats.
      const { data: deployments } = await world.octokit.request(
        "GET /repos/{owner}/{repo}/deployments",
        { owner: "acme", repo: "infra", environment: "production" },
      );
      expect(deployments).toHaveLength(2);
    } finally {
      demo.setTraffic(20);
      await world.close();
    }
  });
});
