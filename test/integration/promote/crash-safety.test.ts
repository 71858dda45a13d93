/**
 * Crash safety: a tick runs as its own process (the CLI), talking to the sandbox through a
 * proxy that SIGKILLs it when its next API call arrives — after its first call, then after
 * its second, and so on through every call of an uninterrupted tick. After each kill,
 * further ticks must reach the same end state as an uninterrupted run, with no duplicate
 * and no lost pull request or commit.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import type { IncomingMessage, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Flavour, InfraWorld } from "./infra-world.js";
import { CANDIDATE, DEFAULT_RELEASE, FLAVOURS, TOKEN, startInfraWorld } from "./infra-world.js";
import { listenOnLoopback } from "../../helpers/ports.js";

const REPO_ROOT = join(import.meta.dirname, "..", "..", "..");
const PLAN = { steps: [10, 50, 100], "bake-time": "0s" };

interface KillingProxy {
  url: string;
  /** API calls the child made (the one that triggered a kill is not counted). */
  calls(): number;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Forwards to the sandbox; when call number `killAfter + 1` arrives, kills the child instead. */
async function startKillingProxy(
  target: string,
  killAfter: number,
  kill: () => void,
): Promise<KillingProxy> {
  let calls = 0;
  const server: Server = createServer((req, res) => {
    if (calls >= killAfter) {
      kill();
      req.socket.destroy();
      return;
    }
    calls++;
    void (async () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === "string" && !["host", "connection", "content-length"].includes(name))
          headers[name] = value;
      }
      const payload = await body(req);
      const answer = await fetch(`${target}${req.url}`, {
        method: req.method!,
        headers,
        ...(payload.length > 0 ? { body: payload } : {}),
      });
      const out: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (
          !["content-encoding", "content-length", "transfer-encoding", "connection"].includes(name)
        )
          out[name] = value;
      });
      res.writeHead(answer.status, out);
      res.end(Buffer.from(await answer.arrayBuffer()));
    })().catch(() => req.socket.destroy());
  });
  await listenOnLoopback(server);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls: () => calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One tick in its own process, through the proxy; resolves with how it ended. */
async function childTick(
  world: InfraWorld,
  killAfter: number,
): Promise<{ killed: boolean; calls: number }> {
  // The proxy starts before the child, so it reaches the child through this holder.
  const running: { child?: ChildProcess } = {};
  let killed = false;
  const proxy = await startKillingProxy(world.sandbox.url, killAfter, () => {
    if (!killed) running.child?.kill("SIGKILL");
    killed = true;
  });
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(GITHUB_|INPUT_|RUNNER_)/.test(name)),
  );
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      join(REPO_ROOT, "src", "cli", "run.ts"),
      "promote",
      "--environment",
      "production",
      "--config-file",
      join(world.workspace, ".github", "greenlight.yml"),
      "--token",
      TOKEN,
      "--github-api-url",
      proxy.url,
    ],
    { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  running.child = child;
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
  child.stdout!.resume();
  const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
  await proxy.close();
  // Exit code 1 with this message is the verdict of a tick that rolled back, not a failure.
  const rolledBack = code === 1 && stderr.includes("The release was rolled back");
  if (!killed && code !== 0 && !rolledBack)
    throw new Error(`The tick exited with ${code}: ${stderr}`);
  return { killed, calls: proxy.calls() };
}

interface EndState {
  values: Record<string, unknown>;
  pulls: { state: string; merged: boolean; title: string }[];
  mainCommits: number;
}

async function converge(world: InfraWorld): Promise<EndState> {
  for (let i = 0; i < 10; i++) {
    const tick = await world.promote();
    if (tick.error) throw tick.error;
    if (tick.result!.outputs.decision === "idle") break;
  }
  const { data } = await world.octokit.request("GET /repos/{owner}/{repo}/pulls", {
    owner: "acme",
    repo: "infra",
    state: "all",
    per_page: 100,
  });
  return {
    values: world.values(),
    pulls: data
      .map((p) => ({ state: p.state, merged: Boolean(p.merged_at), title: p.title }))
      .sort((a, b) => a.title.localeCompare(b.title)),
    mainCommits: Number(world.git("rev-list", "--count", "main")),
  };
}

interface Scenario {
  flavour: Flavour;
  merge: "auto-merge" | "direct";
  promotion: Record<string, unknown>;
  release?: Record<string, string | number>;
  /** What the uninterrupted run must end with. */
  check(expected: EndState): void;
}

async function killAtEveryCall(scenario: Scenario): Promise<number> {
  const start = () =>
    startInfraWorld({
      promotion: scenario.promotion,
      merge: scenario.merge,
      flavour: scenario.flavour,
      ...(scenario.release ? { release: scenario.release } : {}),
    });
  const reference = await start();
  let expected: EndState;
  let calls: number;
  try {
    const run = await childTick(reference, Number.MAX_SAFE_INTEGER);
    calls = run.calls;
    expected = await converge(reference);
  } finally {
    await reference.close();
  }
  scenario.check(expected);

  for (let killAfter = 0; killAfter < calls; killAfter++) {
    const world = await start();
    try {
      const run = await childTick(world, killAfter);
      expect(run.killed, `kill after call ${killAfter}`).toBe(true);
      const end = await converge(world);
      expect(end, `end state after a kill after call ${killAfter}`).toEqual(expected);
    } finally {
      await world.close();
    }
  }
  return calls;
}

/** The uninterrupted promotion: four steps (10, 50, 100, finalize), each one commit on main. */
function promoted(flavour: Flavour, merge: "auto-merge" | "direct"): Scenario {
  return {
    flavour,
    merge,
    promotion: PLAN,
    check(expected) {
      expect(expected.values).toMatchObject({
        api_green_weight: 0,
        api_blue_weight: 100,
        api_green_desired_count: 0,
      });
      expect(expected.mainCommits).toBe(5);
      expect(expected.pulls).toHaveLength(merge === "direct" ? 0 : 4);
      expect(expected.pulls.every((p) => p.merged)).toBe(true);
    },
  };
}

describe.each(FLAVOURS)("promote crash safety (%s release file)", (flavour) => {
  it(
    "pull requests: converges to the uninterrupted end state after a SIGKILL between any two API calls",
    { timeout: 900_000 },
    async () => {
      expect(await killAtEveryCall(promoted(flavour, "auto-merge"))).toBeGreaterThan(5);
    },
  );

  it(
    "direct commits: converges to the uninterrupted end state after a SIGKILL between any two API calls",
    { timeout: 900_000 },
    async () => {
      expect(await killAtEveryCall(promoted(flavour, "direct"))).toBeGreaterThan(3);
    },
  );

  it(
    "a rollback through an auto-merged pull request: converges after a SIGKILL between any two API calls",
    { timeout: 900_000 },
    async () => {
      // A metric that fails: the tick rolls the release at 10% back.
      const metrics = createServer((_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ errors: 0.4 }));
      });
      await listenOnLoopback(metrics);
      const url = `http://127.0.0.1:${(metrics.address() as AddressInfo).port}/metrics`;
      try {
        const calls = await killAtEveryCall({
          flavour,
          merge: "auto-merge",
          release: { ...DEFAULT_RELEASE, api_blue_weight: 90, api_green_weight: 10 },
          promotion: {
            ...PLAN,
            analyses: [
              {
                name: "errors",
                "http-json": { url, path: "$.errors" },
                "failure-condition": "result > 0.1",
              },
            ],
          },
          check(expected) {
            expect(expected.values).toMatchObject({
              api_green_weight: 0,
              api_blue_weight: 100,
              api_green_desired_count: 0,
              api_green_image: CANDIDATE,
            });
            expect(expected.mainCommits).toBe(2);
            expect(expected.pulls).toEqual([
              expect.objectContaining({
                merged: true,
                title: expect.stringMatching(/^Roll back api in production/),
              }),
            ]);
          },
        });
        expect(calls).toBeGreaterThan(5);
      } finally {
        await new Promise<void>((resolve) => metrics.close(() => resolve()));
      }
    },
  );
});
