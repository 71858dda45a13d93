import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { send } from "../../../src/core/http/http-client.js";
import { ManualClock } from "../../../src/core/clock.js";
import { MemoryLogger } from "../../../src/core/logger.js";
import { SecretRegistry } from "../../../src/core/secrets.js";
import { compileAnalyses } from "../../../src/promote/analyses/index.js";
import type { PromoteResult } from "../../../src/promote/main.js";
import { promote } from "../../../src/promote/main.js";
import { promoteOutputs } from "../../../src/promote/summary.js";
import type { LandRequest } from "../../../src/release/land-change.js";
import { rollback } from "../../../src/rollback/main.js";
import type { AnalysisConfig, PromotionPlan } from "../../../src/promote/plan.js";
import { FILE, FakeInfra, fakePrometheus, releaseText } from "../../helpers/fake-infra.js";
import { listenOnLoopback } from "../../helpers/ports.js";

const STABLE = "registry.example.com/api:1.0.0";
const CANDIDATE = "registry.example.com/api:1.1.0";
const PROM = "http://prometheus.test:9090";
const HOLD = `${FILE}.greenlight-hold`;

function errorRateAnalysis(overrides: Partial<AnalysisConfig> = {}): AnalysisConfig {
  return {
    name: "error rate",
    prometheus: { url: PROM, query: "error_ratio" },
    "failure-condition": "result > 0.05",
    "failure-limit": 1,
    interval: 10_000,
    ...overrides,
  } as AnalysisConfig;
}

interface World {
  clock: ManualClock;
  infra: FakeInfra;
  /** The error ratio Prometheus reports from now on (NaN: no requests). */
  setErrorRate(value: number | undefined): void;
  setTraffic(value: number): void;
  tick(options?: { dryRun?: boolean }): Promise<PromoteResult>;
  failProvider(on: boolean): void;
  /** How long each answer from Prometheus takes, on the tick's clock. */
  slowProvider(ms: number): void;
}

function world(
  planOverrides: Partial<PromotionPlan> = {},
  analyses = [errorRateAnalysis()],
): World {
  const clock = new ManualClock(Date.UTC(2026, 0, 1, 12));
  const infra = new FakeInfra(
    clock,
    releaseText({
      api_blue_image: STABLE,
      api_green_image: STABLE,
      api_blue_weight: 100,
      api_green_weight: 0,
      api_blue_desired_count: 3,
      api_green_desired_count: 0,
    }),
  );
  const rates: { from: number; value: number | undefined }[] = [{ from: 0, value: 0.01 }];
  let traffic = 10;
  let providerDown = false;
  let providerDelayMs = 0;
  const prometheus = fakePrometheus((query, at) => {
    if (query === "request_rate") return traffic;
    return [...rates].reverse().find((r) => r.from <= at)?.value;
  });
  const plan: PromotionPlan = {
    steps: [10, 50, 100],
    bakeMs: 60_000,
    bakeFrom: "merge",
    analyses,
    onFailure: "rollback",
    merge: "direct",
    ...planOverrides,
  };
  const secrets = new SecretRegistry();
  const compiled = compileAnalyses(plan.analyses, {}, (v) => secrets.add(v));
  return {
    clock,
    infra,
    setErrorRate: (value) => rates.push({ from: clock.now().getTime(), value }),
    setTraffic: (value) => void (traffic = value),
    failProvider: (on) => void (providerDown = on),
    slowProvider: (ms) => void (providerDelayMs = ms),
    tick: (options = {}) =>
      promote(
        {
          environment: "production",
          base: "main",
          file: FILE,
          plan,
          analyses: compiled,
          minimumTrafficUrl: PROM,
          dryRun: options.dryRun ?? false,
        },
        {
          source: infra,
          lander: infra,
          deployments: infra,
          verifications: infra,
          clock,
          logger: new MemoryLogger(),
          secrets,
          fetch: async (input, init) => {
            if (providerDown) throw new Error("connect ECONNREFUSED");
            const answer = await prometheus(input, init);
            await clock.advance(providerDelayMs);
            return answer;
          },
          send,
          env: {},
        },
      ),
  };
}

function deploy(w: World): void {
  const data = w.infra.data();
  w.infra.push(
    releaseText({
      ...(data as Record<string, string | number>),
      api_green_image: CANDIDATE,
      api_green_desired_count: 3,
    }),
    "Deploy api 1.1.0",
  );
}

/** A release file without desired counts, with CANDIDATE deployed on green at 0%. */
function deployWithoutCounts(w: World): void {
  const file = { api_blue_image: STABLE, api_blue_weight: 100, api_green_weight: 0 };
  w.infra.push(releaseText({ ...file, api_green_image: STABLE }), "Release file without counts");
  w.infra.push(releaseText({ ...file, api_green_image: CANDIDATE }), "Deploy api 1.1.0");
}

describe("promote tick", () => {
  it("takes a healthy release 10 → 50 → 100 → finalized, one step per baked tick", async () => {
    const w = world();
    expect((await w.tick()).decision).toBe("idle");
    deploy(w);
    await w.clock.advance(5_000);

    const decisions: string[] = [];
    for (let i = 0; i < 40; i++) {
      const result = await w.tick();
      decisions.push(
        result.decision === "advance" ? `advance ${result.weights["api"]}` : result.decision,
      );
      if (result.decision === "idle") break;
      await w.clock.advance(15_000);
    }
    const acts = decisions.filter((d) => d !== "wait");
    expect(acts).toEqual(["advance 10", "advance 50", "advance 100", "finalize", "idle"]);
    const data = w.infra.data();
    expect(data).toMatchObject({
      api_blue_image: CANDIDATE,
      api_blue_weight: 100,
      api_green_weight: 0,
      api_green_desired_count: 0,
      api_blue_desired_count: 3,
    });
    // Every acting decision left a deployment status with its evidence.
    expect(w.infra.deployments.map((d) => d.state)).toEqual([
      "in_progress",
      "in_progress",
      "in_progress",
      "success",
    ]);
  });

  it("counts bake time from when the weight reached the base branch", async () => {
    const w = world();
    deploy(w);
    expect((await w.tick()).weights).toEqual({ api: 10 });
    await w.clock.advance(59_000);
    const waiting = await w.tick();
    expect(waiting.decision).toBe("wait");
    expect(waiting.reason).toMatch(/10% is baking; 1s to go/);
    await w.clock.advance(1_000);
    expect((await w.tick()).decision).toBe("advance");
  });

  it("judges the bake at the end of what was measured, not when slow queries came back", async () => {
    const w = world();
    deploy(w);
    await w.tick(); // → 10
    await w.clock.advance(59_000);
    w.slowProvider(5_000);
    const waiting = await w.tick();
    expect(waiting.decision).toBe("wait");
    expect(waiting.reason).toMatch(/10% is baking; 1s to go/);
  });

  it.each([
    ["missing", undefined],
    ["NaN (0/0: no requests)", NaN],
  ])(
    "does not count the time before a series' first number toward the bake, when the first measurements are %s",
    async (_, before) => {
      const w = world({}, [errorRateAnalysis({ "failure-limit": 2 })]);
      deploy(w);
      w.setErrorRate(before); // green takes no traffic until the step is applied
      await w.tick(); // → 10
      await w.clock.advance(50_000);
      w.setErrorRate(0.5);
      await w.clock.advance(10_000);
      // The bake's 60 s have passed, with two measurements, both failing: within the limit
      // of two, but not a bake's worth of evidence.
      const waiting = await w.tick();
      expect(waiting.decision).toBe("wait");
      expect(waiting.reason).toMatch(
        /^10% is baking; error rate had no number for 50s of it, which the bake does not count; 50s to go$/,
      );
      expect(w.infra.data()).toMatchObject({ api_green_weight: 10 });
      await w.clock.advance(10_000);
      const third = await w.tick();
      expect(third.decision).toBe("rollback");
      expect(third.reason).toMatch(/3 failing measurements, more than the failure limit of 2/);
    },
  );

  it("advances once a late series has measured for the whole bake", async () => {
    const w = world();
    deploy(w);
    w.setErrorRate(undefined);
    await w.tick(); // → 10
    await w.clock.advance(30_000);
    w.setErrorRate(0.01);
    await w.clock.advance(30_000);
    expect((await w.tick()).decision).toBe("wait");
    await w.clock.advance(30_000);
    expect((await w.tick()).weights).toEqual({ api: 50 });
  });

  it("bakes longer by the time a series has no number in the middle of the step", async () => {
    const w = world();
    deploy(w);
    await w.tick(); // → 10
    await w.clock.advance(15_000);
    w.setErrorRate(NaN); // no requests reach green for 30 s
    await w.clock.advance(30_000);
    w.setErrorRate(0.01);
    await w.clock.advance(15_000);
    const waiting = await w.tick();
    expect(waiting.decision).toBe("wait");
    expect(waiting.reason).toMatch(/error rate had no number for 30s of it.*; 30s to go$/);
    await w.clock.advance(30_000);
    expect((await w.tick()).weights).toEqual({ api: 50 });
  });

  it("is idempotent: a second tick in a row changes nothing", async () => {
    const w = world();
    deploy(w);
    await w.tick();
    const commits = w.infra.commits.length;
    const again = await w.tick();
    expect(again.decision).toBe("wait");
    expect(w.infra.commits.length).toBe(commits);
    expect(w.infra.deployments).toHaveLength(1);
  });

  it("rolls back a release whose error rate jumps at 50%, within interval × failure limit plus one tick", async () => {
    const w = world();
    deploy(w);
    await w.tick(); // → 10
    await w.clock.advance(60_000);
    expect((await w.tick()).weights).toEqual({ api: 50 });
    await w.clock.advance(1_000);
    w.setErrorRate(0.4);
    const jumpedAt = w.clock.now().getTime();
    let result: PromoteResult;
    for (;;) {
      await w.clock.advance(5_000);
      result = await w.tick();
      if (result.decision !== "wait") break;
    }
    expect(result.decision).toBe("rollback");
    expect(w.clock.now().getTime() - jumpedAt).toBeLessThanOrEqual(10_000 * 2 + 5_000);
    expect(w.infra.data()).toMatchObject({
      api_green_weight: 0,
      api_blue_weight: 100,
      api_green_desired_count: 0,
      api_green_image: CANDIDATE,
    });
    const evidence = result.evidence.analyses[0]!;
    expect(evidence).toMatchObject({
      name: "error rate",
      query: "error_ratio",
      verdict: "failed",
      threshold: "failure: result > 0.05",
    });
    expect(evidence.measured).toMatch(/^0\.4 \(latest\); 2 of \d+ measurements failing$/);
    expect(w.infra.deployments.at(-1)).toMatchObject({ state: "failure" });
    expect(w.infra.landed.at(-1)!.body).toContain("| error rate | `error_ratio` | 0.4 (latest)");
    // A rolled-back release stays rolled back.
    await w.clock.advance(600_000);
    expect((await w.tick()).decision).toBe("idle");
  });

  it("never promotes a release rolled back by hand at 0% in a file without desired counts", async () => {
    const w = world();
    deployWithoutCounts(w);
    const rolledBack = await rollback(
      {
        environment: "production",
        base: "main",
        file: FILE,
        services: [],
        reason: "bad build",
        historyDepth: 20,
      },
      {
        source: w.infra,
        lander: w.infra,
        deployments: w.infra,
        clock: w.clock,
        logger: new MemoryLogger(),
      },
    );
    expect(rolledBack.operation).toBe("rolled-back");
    expect(rolledBack.evidence.images).toEqual({ api: { from: CANDIDATE, to: STABLE } });
    expect(w.infra.data()).toMatchObject({ api_green_image: STABLE, api_green_weight: 0 });
    expect(w.infra.landed.at(-1)!.commitBody).toBe(
      `Reason: bad build\nRolled back api: ${CANDIDATE} (stable: ${STABLE})`,
    );
    for (let i = 0; i < 3; i++) {
      await w.clock.advance(300_000);
      const tick = await w.tick();
      expect(tick.decision).toBe("idle");
      expect(tick.weights).toEqual({ api: 0 });
    }
    expect(w.infra.data()).toMatchObject({ api_green_image: STABLE, api_green_weight: 0 });
  });

  it("rolls back a release at 0% whose verify fails, in a file without desired counts, for good", async () => {
    const server = createServer((_req, res) => void res.writeHead(503).end());
    await listenOnLoopback(server);
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
      const verifyAnalysis = {
        name: "answers",
        verify: [{ url, attempts: 1 }],
      } as unknown as AnalysisConfig;
      const w = world({}, [verifyAnalysis]);
      deployWithoutCounts(w);
      const result = await w.tick();
      expect(result.decision).toBe("rollback");
      expect(result.evidence.images).toEqual({ api: { from: CANDIDATE, to: STABLE } });
      expect(w.infra.data()).toMatchObject({ api_green_image: STABLE, api_green_weight: 0 });
      expect(w.infra.landed.at(-1)!.commitBody).toContain(
        `Rolled back api: ${CANDIDATE} (stable: ${STABLE})`,
      );
      expect(w.infra.landed.at(-1)!.body).toContain(`| api | \`${CANDIDATE}\` | \`${STABLE}\` |`);
      await w.clock.advance(300_000);
      expect((await w.tick()).decision).toBe("idle");
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("holds a first release at 0% whose verify fails, without desired counts, recording the hold beside the file", async () => {
    const server = createServer((_req, res) => void res.writeHead(503).end());
    await listenOnLoopback(server);
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
      const verifyAnalysis = {
        name: "answers",
        verify: [{ url, attempts: 1 }],
      } as unknown as AnalysisConfig;
      const w = world({}, [verifyAnalysis]);
      const file = { api_blue_image: "", api_blue_weight: 100, api_green_weight: 0 };
      w.infra.push(releaseText({ ...file, api_green_image: "" }), "Release file for a new service");
      w.infra.push(releaseText({ ...file, api_green_image: CANDIDATE }), "Deploy api 1.1.0");
      const text = w.infra.head.text;
      const first = await w.tick();
      expect(first.decision).toBe("hold");
      expect(first.reason).toMatch(
        /^analysis failed: answers \(.*\); holding instead of rolling back, for a person to decide: Service "api" cannot be rolled back: it has no stable release .* withdraw the first release by emptying its green image at \$\.api_green_image/,
      );
      expect(first.landed).toMatchObject({ outcome: "committed" });
      expect(w.infra.head.text).toBe(text);
      expect(JSON.parse(w.infra.fileAtHead(HOLD)!)).toMatchObject({
        environment: "production",
        images: { api: CANDIDATE },
        reason: expect.stringMatching(/^analysis failed: answers/) as string,
      });
      const commits = w.infra.commits.length;
      for (let i = 0; i < 2; i++) {
        await w.clock.advance(300_000);
        const result = await w.tick();
        expect(result.decision).toBe("hold");
        expect(result.reason).toBe(
          `the release api ${CANDIDATE} is held since 2026-01-01T12:00:00.000Z: it failed a gate (${JSON.parse(w.infra.fileAtHead(HOLD)!).reason}) and has no stable release to roll back to, so promote will not advance it; withdraw the first release (empty its green image and set its green weight to 0), deploy a new version, or delete ${HOLD} from main for promote to judge it again`,
        );
      }
      expect(w.infra.commits).toHaveLength(commits);
      expect(w.infra.data()).toMatchObject({ api_green_image: CANDIDATE, api_green_weight: 0 });
      expect(w.infra.deployments.at(-1)).toMatchObject({ state: "pending" });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  describe("a first release held because its gate failed", () => {
    /** A first release (blue empty, no desired counts) at 10%, whose error rate then fails. */
    async function heldAtTen(): Promise<World> {
      const w = world();
      const file = { api_blue_image: "", api_blue_weight: 100, api_green_weight: 0 };
      w.infra.push(releaseText({ ...file, api_green_image: "" }), "Release file for a new service");
      w.infra.push(releaseText({ ...file, api_green_image: CANDIDATE }), "Deploy api 1.1.0");
      expect((await w.tick()).decision).toBe("advance");
      expect(w.infra.data()).toMatchObject({ api_green_weight: 10 });
      w.setErrorRate(0.4);
      await w.clock.advance(30_000);
      const held = await w.tick();
      expect(held.decision).toBe("hold");
      expect(held.reason).toMatch(/holding instead of rolling back/);
      expect(w.infra.landed.at(-1)).toMatchObject({ kind: "hold" });
      expect(w.infra.fileAtHead(HOLD)).toBeDefined();
      return w;
    }

    it("is not advanced or finalized by later ticks whose gates pass", async () => {
      const w = await heldAtTen();
      w.setErrorRate(0.01);
      const commits = w.infra.commits.length;
      for (let i = 0; i < 4; i++) {
        await w.clock.advance(120_000);
        const tick = await w.tick();
        expect(tick.decision).toBe("hold");
        expect(tick.reason).toMatch(
          /^the release api registry\.example\.com\/api:1\.1\.0 is held since .*: it failed a gate \(analysis failed: error rate .*\) .* so promote will not advance it; withdraw the first release .*, deploy a new version, or delete envs\/production\/release\.auto\.tfvars\.json\.greenlight-hold from main for promote to judge it again$/,
        );
        expect(tick.weights).toEqual({ api: 10 });
      }
      expect(w.infra.commits).toHaveLength(commits);
      expect(w.infra.data()).toMatchObject({ api_green_weight: 10, api_blue_image: "" });
    });

    it("does not hold a new version deployed after it", async () => {
      const w = await heldAtTen();
      w.setErrorRate(0.01);
      const NEWER = "registry.example.com/api:1.2.0";
      w.infra.push(
        releaseText({
          api_blue_image: "",
          api_green_image: NEWER,
          api_blue_weight: 100,
          api_green_weight: 0,
        }),
        "Deploy api 1.2.0",
      );
      await w.clock.advance(1_000);
      const tick = await w.tick();
      expect(tick.decision).toBe("advance");
      expect(tick.release?.images).toEqual({ api: NEWER });
      expect(w.infra.data()).toMatchObject({ api_green_image: NEWER, api_green_weight: 10 });
    });

    it("is judged afresh once a person deletes the record", async () => {
      const w = await heldAtTen();
      w.infra.push(w.infra.head.text, "Release the hold of api 1.1.0", { [HOLD]: undefined });
      await w.clock.advance(120_000);
      const tick = await w.tick();
      // The step's failing measurements still count: the gate fails again and holds again.
      expect(tick.decision).toBe("hold");
      expect(tick.reason).toMatch(/^analysis failed: error rate .*holding instead of rolling back/);
      expect(w.infra.fileAtHead(HOLD)).toBeDefined();
    });

    it("records nothing in a dry run", async () => {
      const w = world();
      const file = { api_blue_image: "", api_blue_weight: 100, api_green_weight: 10 };
      w.infra.push(releaseText({ ...file, api_green_image: CANDIDATE }), "Deploy api 1.1.0");
      w.setErrorRate(0.4);
      await w.clock.advance(30_000);
      expect((await w.tick({ dryRun: true })).decision).toBe("hold");
      expect(w.infra.fileAtHead(HOLD)).toBeUndefined();
    });

    it("holds every release when the record cannot be read, naming it", async () => {
      const w = world();
      const file = { api_blue_image: "", api_blue_weight: 100, api_green_weight: 10 };
      w.infra.push(releaseText({ ...file, api_green_image: CANDIDATE }), "Deploy api 1.1.0", {
        [HOLD]: "not json",
      });
      await expect(w.tick()).rejects.toThrow(
        `The hold record ${HOLD} in the infra repository cannot be read (it needs an "images" map of service to image); promote advances nothing while it is there, so fix it or delete it.`,
      );
    });
  });

  it("re-applies a rollback on a moved base without giving a newer release the stable image", async () => {
    const w = world();
    deployWithoutCounts(w);
    await w.tick(); // → 10
    expect(w.infra.data()).toMatchObject({ api_green_weight: 10 });
    await w.clock.advance(1_000);
    w.setErrorRate(0.4);
    const NEWER = "registry.example.com/api:1.2.0";
    const land = w.infra.land.bind(w.infra);
    const rollbacks: LandRequest[] = [];
    w.infra.land = async (request) => {
      if (request.kind === "rollback") {
        rollbacks.push(request);
        // A newer release reaches green between the tick's read and its commit.
        w.infra.push(
          releaseText({
            api_blue_image: STABLE,
            api_green_image: NEWER,
            api_blue_weight: 100,
            api_green_weight: 0,
          }),
          "Deploy api 1.2.0",
        );
      }
      return land(request);
    };
    let result: PromoteResult;
    for (;;) {
      await w.clock.advance(5_000);
      result = await w.tick();
      if (result.decision !== "wait" || w.infra.data()["api_green_image"] !== CANDIDATE) break;
    }
    expect(w.infra.data()).toMatchObject({ api_green_image: NEWER, api_green_weight: 0 });
    expect(rollbacks.map((r) => r.release.rolledBack)).toEqual([{ api: CANDIDATE }]);
  });

  it("holds a release with no traffic: never advanced, never rolled back", async () => {
    const w = world({ minimumTraffic: { query: "request_rate", atLeast: 1 } });
    deploy(w);
    await w.tick(); // → 10 (a deployed release needs no traffic to start)
    w.setErrorRate(Number.NaN);
    w.setTraffic(0);
    const decisions = new Set<string>();
    for (let i = 0; i < 20; i++) {
      await w.clock.advance(30_000);
      decisions.add((await w.tick()).decision);
    }
    expect([...decisions]).toEqual(["hold"]);
    expect(w.infra.data()).toMatchObject({ api_green_weight: 10 });
  });

  it("holds on NaN measurements after the bake time, without a minimum-traffic rule", async () => {
    const w = world({ minimumTraffic: undefined });
    deploy(w);
    await w.tick();
    w.setErrorRate(Number.NaN);
    await w.clock.advance(30_000);
    expect((await w.tick()).decision).toBe("wait");
    await w.clock.advance(60_000);
    const held = await w.tick();
    expect(held.decision).toBe("hold");
    expect(held.reason).toMatch(/missing, NaN or meet neither condition/);
  });

  it("counts long-missing data as failure when the plan says so", async () => {
    const w = world({}, [
      errorRateAnalysis({ "on-missing-data": "fail", "consecutive-error-limit": 2 }),
    ]);
    deploy(w);
    await w.tick();
    await w.clock.advance(20_000);
    w.setErrorRate(undefined);
    await w.clock.advance(15_000);
    expect((await w.tick()).decision).toBe("wait");
    await w.clock.advance(10_000);
    expect((await w.tick()).decision).toBe("rollback");
  });

  it("holds on a provider error by default, and rolls back when it counts as failure", async () => {
    const held = world({}, [errorRateAnalysis({ "consecutive-error-limit": 0 })]);
    deploy(held);
    await held.tick();
    held.failProvider(true);
    await held.clock.advance(120_000);
    const result = await held.tick();
    expect(result.decision).toBe("hold");
    expect(result.evidence.analyses.find((a) => a.name === "error rate")!.reason).toMatch(
      /ECONNREFUSED/,
    );

    const failing = world({}, [
      errorRateAnalysis({ "on-missing-data": "fail", "consecutive-error-limit": 0 }),
    ]);
    deploy(failing);
    await failing.tick();
    failing.failProvider(true);
    await failing.clock.advance(1_000);
    expect((await failing.tick()).decision).toBe("rollback");
  });

  it("names the release in its outputs whenever one is in progress, as it was before the tick acted", async () => {
    const release = {
      version: "1.1.0",
      services: "api",
      images: JSON.stringify({ api: CANDIDATE }),
    };
    const w = world();
    expect(promoteOutputs(await w.tick())).toMatchObject({
      version: "",
      services: "",
      images: "{}",
    });
    deploy(w);
    const advanced = await w.tick();
    expect(advanced.decision).toBe("advance");
    expect(promoteOutputs(advanced)).toMatchObject({ decision: "advance", ...release });
    const waiting = await w.tick();
    expect(promoteOutputs(waiting)).toMatchObject({ decision: "wait", ...release });
    await w.clock.advance(60_000);
    await w.tick(); // → 50
    await w.clock.advance(60_000);
    await w.tick(); // → 100
    await w.clock.advance(60_000);
    const finalized = await w.tick();
    // The base now holds the release on blue: it is still the one the message names.
    expect(promoteOutputs(finalized)).toMatchObject({ decision: "finalize", ...release });
    expect(promoteOutputs(await w.tick())).toMatchObject({ decision: "idle", version: "" });
  });

  it("names the release it rolled back or held", async () => {
    const rolled = world();
    deploy(rolled);
    await rolled.tick();
    rolled.setErrorRate(0.5);
    let result: PromoteResult;
    do {
      await rolled.clock.advance(10_000);
      result = await rolled.tick();
    } while (result.decision === "wait");
    expect(promoteOutputs(result)).toMatchObject({
      decision: "rollback",
      version: "1.1.0",
      images: JSON.stringify({ api: CANDIDATE }),
    });
    const held = world({ onFailure: "hold" });
    deploy(held);
    await held.tick();
    held.setErrorRate(0.5);
    await held.clock.advance(30_000);
    expect(promoteOutputs(await held.tick())).toMatchObject({
      decision: "hold",
      version: "1.1.0",
      services: "api",
    });
  });

  it("holds instead of rolling back when on-failure is hold", async () => {
    const w = world({ onFailure: "hold" });
    deploy(w);
    await w.tick();
    w.setErrorRate(0.5);
    await w.clock.advance(30_000);
    const result = await w.tick();
    expect(result.decision).toBe("hold");
    expect(w.infra.data()).toMatchObject({ api_green_weight: 10 });
    expect(w.infra.deployments.at(-1)).toMatchObject({ state: "pending" });
    // The hold repeats every tick; its deployment status is recorded once.
    const recorded = w.infra.deployments.length;
    await w.clock.advance(30_000);
    expect((await w.tick()).decision).toBe("hold");
    expect(w.infra.deployments).toHaveLength(recorded);
  });

  it("records a hold for a person in Git, so a later tick whose gates pass does not advance it", async () => {
    const w = world({ onFailure: "hold" });
    deploy(w);
    await w.tick();
    w.setErrorRate(0.5);
    await w.clock.advance(30_000);
    const held = await w.tick();
    expect(held.decision).toBe("hold");
    expect(held.reason).toMatch(/^analysis failed: .*; the plan holds for a person to decide$/);
    expect(w.infra.landed.at(-1)).toMatchObject({ kind: "hold" });
    expect(JSON.parse(w.infra.fileAtHead(HOLD)!)).toMatchObject({
      environment: "production",
      images: { api: CANDIDATE },
      cause: "plan",
    });
    w.setErrorRate(0.01);
    const commits = w.infra.commits.length;
    for (let i = 0; i < 4; i++) {
      await w.clock.advance(120_000);
      const tick = await w.tick();
      expect(tick.decision).toBe("hold");
      expect(tick.reason).toMatch(
        /: it failed a gate \(analysis failed: .*\) and the promotion plan holds a failed release for a person to decide \(on-failure: hold\), so promote will not advance it; roll it back with the rollback workflow, deploy a new version, or delete envs\/production\/release\.auto\.tfvars\.json\.greenlight-hold from main for promote to judge it again$/,
      );
    }
    expect(w.infra.commits).toHaveLength(commits);
    expect(w.infra.data()).toMatchObject({ api_green_weight: 10 });
  });

  it("records no hold for what only waits: missing data, a provider error, too little traffic", async () => {
    const w = world({ onFailure: "hold", minimumTraffic: { query: "request_rate", atLeast: 5 } });
    deploy(w);
    await w.tick();
    w.setTraffic(1);
    await w.clock.advance(120_000);
    expect((await w.tick()).decision).toBe("hold");
    expect(w.infra.fileAtHead(HOLD)).toBeUndefined();
  });

  it("holds below the minimum traffic", async () => {
    const w = world({ minimumTraffic: { query: "request_rate", atLeast: 5 } });
    deploy(w);
    await w.tick();
    w.setTraffic(1);
    await w.clock.advance(120_000);
    const result = await w.tick();
    expect(result.decision).toBe("hold");
    expect(result.reason).toMatch(/too little traffic/);
    w.setTraffic(50);
    expect((await w.tick()).decision).toBe("advance");
  });

  it("lets only one of two simultaneous ticks act", async () => {
    const w = world();
    deploy(w);
    const [a, b] = await Promise.all([w.tick(), w.tick()]);
    expect([a.decision, b.decision].sort()).toEqual(["advance", "wait"]);
    expect(w.infra.landed).toHaveLength(1);
    expect(w.infra.commits).toHaveLength(3);
  });

  it("waits while the promotion pull request is open", async () => {
    const w = world({ merge: "pull-request" });
    deploy(w);
    w.infra.openPullRequests = [
      {
        branch: "greenlight/production/promote",
        number: 7,
        url: "https://github.test/acme/infra/pull/7",
      },
    ];
    const result = await w.tick();
    expect(result.decision).toBe("wait");
    expect(result.reason).toMatch(/#7 is waiting to be merged/);
    expect(w.infra.landed).toHaveLength(0);
  });

  it("closes a promotion pull request opened before a new release was deployed, and goes on from the new release", async () => {
    const w = world({ merge: "pull-request" });
    deploy(w);
    await w.clock.advance(1_000);
    const openedAt = w.clock.now();
    w.infra.openPullRequests = [
      {
        branch: "greenlight/production/promote",
        number: 7,
        url: "https://github.test/acme/infra/pull/7",
        openedAt,
      },
    ];
    // Opened after the release it promotes reached the base: still waited on.
    expect((await w.tick()).decision).toBe("wait");
    expect(w.infra.withdrawn).toEqual([]);

    await w.clock.advance(60_000);
    w.infra.push(
      releaseText({
        ...(w.infra.data() as Record<string, string | number>),
        api_green_image: "registry.example.com/api:1.2.0",
      }),
      "Deploy api 1.2.0",
    );
    const dry = await w.tick({ dryRun: true });
    expect(dry.decision).toBe("advance");
    expect(w.infra.withdrawn).toEqual([]);

    const result = await w.tick();
    expect(w.infra.withdrawn).toEqual([7]);
    expect(result.decision).toBe("advance");
    expect(w.infra.data()).toMatchObject({
      api_green_image: "registry.example.com/api:1.2.0",
      api_green_weight: 10,
    });
  });

  it("finalizes and rolls back services without weights along with the release", async () => {
    const w = world({ steps: [100] });
    const data = w.infra.data() as Record<string, string | number>;
    w.infra.push(
      releaseText({
        ...data,
        api_green_image: CANDIDATE,
        api_green_desired_count: 3,
        worker_blue_image: "registry.example.com/worker:1.0.0",
        worker_green_image: "registry.example.com/worker:1.1.0",
        worker_blue_desired_count: 1,
        worker_green_desired_count: 1,
      }),
      "Deploy api and worker 1.1.0",
    );
    expect((await w.tick()).weights).toEqual({ api: 100 });
    await w.clock.advance(60_000);
    const finalized = await w.tick();
    expect(finalized.decision).toBe("finalize");
    // Services without weights are part of the release its outputs name.
    expect(promoteOutputs(finalized)).toMatchObject({
      version: "1.1.0",
      services: "api, worker",
      images: JSON.stringify({ api: CANDIDATE, worker: "registry.example.com/worker:1.1.0" }),
    });
    expect(w.infra.data()).toMatchObject({
      worker_blue_image: "registry.example.com/worker:1.1.0",
      worker_green_desired_count: 0,
      api_blue_image: CANDIDATE,
    });
  });

  it("bakes from when verify first confirmed the new version answers, when the plan says so", async () => {
    let answering = false;
    const server = createServer((_req, res) => {
      res.writeHead(answering ? 200 : 503).end();
    });
    await listenOnLoopback(server);
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
      const verifyAnalysis = {
        name: "answers",
        verify: [{ url, attempts: 1 }],
      } as unknown as AnalysisConfig;
      const w = world({ bakeFrom: "verified", onFailure: "hold" }, [
        errorRateAnalysis(),
        verifyAnalysis,
      ]);
      deploy(w);
      answering = true;
      expect((await w.tick()).weights).toEqual({ api: 10 });
      answering = false;
      await w.clock.advance(120_000);
      const held = await w.tick();
      expect(held.decision).toBe("hold");
      expect(w.infra.confirmations).toHaveLength(0);
      answering = true;
      // The failed check holds the release for a person, who lets promote judge it again.
      expect((await w.tick()).decision).toBe("hold");
      w.infra.push(w.infra.head.text, "Release the hold of api 1.1.0", { [HOLD]: undefined });
      const confirmed = await w.tick();
      expect(confirmed.decision).toBe("wait");
      expect(confirmed.reason).toMatch(/10% is baking; 1m to go/);
      expect(w.infra.confirmations).toHaveLength(1);
      await w.clock.advance(60_000);
      expect((await w.tick()).decision).toBe("advance");
      expect(w.infra.confirmations).toHaveLength(1);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("closes a waiting promotion pull request when it rolls the release back", async () => {
    const w = world({ merge: "pull-request" });
    deploy(w);
    await w.tick(); // → 10, committed directly by the fake
    w.infra.openPullRequests = [
      {
        branch: "greenlight/production/promote",
        number: 9,
        url: "https://github.test/acme/infra/pull/9",
      },
    ];
    w.setErrorRate(0.5);
    await w.clock.advance(30_000);
    expect((await w.tick()).decision).toBe("rollback");
    expect(w.infra.withdrawn).toEqual([9]);
  });

  it("closes a promotion pull request left open when no release is in progress", async () => {
    const w = world({ merge: "pull-request" });
    w.infra.openPullRequests = [
      {
        branch: "greenlight/production/promote",
        number: 3,
        url: "https://github.test/acme/infra/pull/3",
      },
    ];
    expect((await w.tick()).decision).toBe("idle");
    expect(w.infra.withdrawn).toEqual([3]);
    expect((await w.tick()).decision).toBe("idle");
    expect(w.infra.withdrawn).toEqual([3]);
  });

  it("records a step only in the tick that committed it, not in one that lost the race", async () => {
    const w = world({ merge: "pull-request" });
    deploy(w);
    w.infra.raceLostTo = {
      branch: "greenlight/production/promote",
      number: 4,
      url: "https://github.test/acme/infra/pull/4",
    };
    const lost = await w.tick();
    expect(lost.decision).toBe("wait");
    expect(lost.reason).toContain("another tick made this change first (pull request #4)");
    expect(lost.landed).toMatchObject({ committed: false, pullRequest: { number: 4 } });
    expect(w.infra.deployments).toHaveLength(0);

    w.infra.raceLostTo = undefined;
    const won = await w.tick();
    expect(won.decision).toBe("advance");
    expect(won.landed?.committed).toBe(true);
    expect(w.infra.deployments.map((d) => d.state)).toEqual(["in_progress"]);
  });

  it("changes nothing in a dry run", async () => {
    const w = world();
    deploy(w);
    const result = await w.tick({ dryRun: true });
    expect(result.decision).toBe("advance");
    expect(w.infra.commits).toHaveLength(2);
    expect(w.infra.deployments).toHaveLength(0);
  });
});
