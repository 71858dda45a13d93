/**
 * A throwaway Prometheus (Debian `prometheus`) for tests and benchmarks: a temp config and a
 * temp storage directory, listening on 127.0.0.1 at a free port, scraping the given targets
 * every second. And the small demo service it scrapes: real HTTP requests, sent at a rate the
 * test sets, answered 500 with the probability the test sets, counted in
 * `demo_requests_total{code}`. Or, for tests that run on simulated time, the same counters
 * written straight into Prometheus with explicit timestamps (`simulateDemoService`).
 */
import { spawn, spawnSync } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { freePort, listenOnLoopback } from "./ports.js";
import type { Series } from "./prometheus-remote-write.js";
import { remoteWrite } from "./prometheus-remote-write.js";
import { tempDir } from "./run-context.js";

const INSTALL = "apt-get install -y prometheus";

export interface PrometheusServer {
  url: string;
  /** Resolves once Prometheus holds at least one sample of `query`. */
  waitForData(query: string, timeoutMs?: number): Promise<void>;
  /** Stores samples at their own timestamps (needs `remoteWrite` at start). */
  write(series: Series[]): Promise<void>;
  stop(): Promise<void>;
}

function prometheusBinary(): string {
  const found = spawnSync("prometheus", ["--version"], { encoding: "utf8" });
  if (found.error || found.status !== 0) {
    throw new Error(`Prometheus is not installed; run: ${INSTALL}`);
  }
  return "prometheus";
}

async function waitUntil(
  what: string,
  timeoutMs: number,
  check: () => Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startPrometheus(options: {
  targets?: string[];
  scrapeIntervalS?: number;
  /** Accept samples through the remote-write receiver (`write`). */
  remoteWrite?: boolean;
}): Promise<PrometheusServer> {
  const targets = options.targets ?? [];
  const binary = prometheusBinary();
  const dir = tempDir("greenlight-prometheus-");
  const interval = `${options.scrapeIntervalS ?? 1}s`;
  const config = join(dir, "prometheus.yml");
  writeFileSync(
    config,
    [
      "global:",
      `  scrape_interval: ${interval}`,
      `  evaluation_interval: ${interval}`,
      ...(targets.length > 0
        ? [
            "scrape_configs:",
            "  - job_name: demo",
            "    static_configs:",
            `      - targets: [${targets.map((t) => JSON.stringify(t)).join(", ")}]`,
          ]
        : []),
      "",
    ].join("\n"),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    binary,
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
      "--log.level=warn",
      ...(options.remoteWrite ? ["--web.enable-remote-write-receiver"] : []),
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await waitUntil("Prometheus to be ready", 30_000, async () => {
      if (child.exitCode !== null) throw new Error(`Prometheus exited: ${stderr}`);
      return (await fetch(`${url}/-/ready`)).ok;
    });
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${stderr}`, {
      cause: error,
    });
  }
  return {
    url,
    waitForData: (query, timeoutMs = 30_000) =>
      waitUntil(`Prometheus data for ${query}`, timeoutMs, async () => {
        const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(query)}`);
        const body = (await response.json()) as { data?: { result?: unknown[] } };
        return (body.data?.result?.length ?? 0) > 0;
      }),
    write: (series) => remoteWrite(url, series),
    async stop() {
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface DemoService {
  /** host:port, for Prometheus's targets. */
  target: string;
  /** The share of requests answered 500, from 0 to 1. */
  setErrorRate(rate: number): void;
  /** Requests per second the built-in load sends (0: no traffic). */
  setTraffic(perSecond: number): void;
  stop(): Promise<void>;
}

export async function startDemoService(
  options: { errorRate?: number; perSecond?: number } = {},
): Promise<DemoService> {
  let errorRate = options.errorRate ?? 0;
  let perSecond = options.perSecond ?? 20;
  // Both series exist from the start, so a ratio of them is 0, not "no data", before any error.
  const counts: Record<string, number> = { "200": 0, "500": 0 };
  let served = 0;
  const server = createServer((req, res) => {
    if (req.url === "/metrics") {
      res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
      res.end(
        [
          "# TYPE demo_requests_total counter",
          ...Object.entries(counts).map(([code, n]) => `demo_requests_total{code="${code}"} ${n}`),
          "",
        ].join("\n"),
      );
      return;
    }
    served++;
    // Deterministic spread: every request's share of errors, not a coin flip per request.
    const fail = Math.floor(served * errorRate) > Math.floor((served - 1) * errorRate);
    const code = fail ? "500" : "200";
    counts[code] = (counts[code] ?? 0) + 1;
    res.writeHead(Number(code));
    res.end(code);
  });
  await listenOnLoopback(server);
  const { port } = server.address() as AddressInfo;
  const TICK_MS = 50;
  let owed = 0;
  const load = setInterval(() => {
    owed += (perSecond * TICK_MS) / 1000;
    for (; owed >= 1; owed--) {
      fetch(`http://127.0.0.1:${port}/`)
        .then((r) => r.arrayBuffer())
        .catch(() => undefined);
    }
  }, TICK_MS);
  return {
    target: `127.0.0.1:${port}`,
    setErrorRate: (rate) => void (errorRate = rate),
    setTraffic: (value) => void (perSecond = value),
    async stop() {
      clearInterval(load);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface SimulatedDemoService {
  /** The share of requests answered 500, from 0 to 1. */
  setErrorRate(rate: number): void;
  /** Requests per second from now on (0: no traffic). */
  setTraffic(perSecond: number): void;
  /**
   * Writes the counters as a scrape every second would have seen them, up to and including
   * `at` (milliseconds since the epoch), at the traffic and error rate set meanwhile.
   */
  runUntil(at: number): Promise<void>;
}

/**
 * The demo service's `demo_requests_total{code}` on simulated time: no requests are sent
 * and nothing is scraped; each second's counters go into Prometheus with that second's
 * timestamp, the errors spread over the requests as the real service spreads them.
 */
export function simulateDemoService(
  prometheus: PrometheusServer,
  options: { start: number; errorRate?: number; perSecond?: number },
): SimulatedDemoService {
  let errorRate = options.errorRate ?? 0;
  let perSecond = options.perSecond ?? 20;
  const counts = { "200": 0, "500": 0 };
  let served = 0;
  let written = options.start - 1_000;
  return {
    setErrorRate: (rate) => void (errorRate = rate),
    setTraffic: (value) => void (perSecond = value),
    async runUntil(at) {
      const samples: Record<keyof typeof counts, [number, number][]> = { "200": [], "500": [] };
      for (let t = written + 1_000; t <= at; t += 1_000) {
        for (let i = 0; i < perSecond; i++) {
          served++;
          const fail = Math.floor(served * errorRate) > Math.floor((served - 1) * errorRate);
          counts[fail ? "500" : "200"]++;
        }
        samples["200"].push([t, counts["200"]]);
        samples["500"].push([t, counts["500"]]);
        written = t;
      }
      if (samples["200"].length === 0) return;
      await prometheus.write(
        (["200", "500"] as const).map((code) => ({
          labels: { __name__: "demo_requests_total", job: "demo", code },
          samples: samples[code],
        })),
      );
    },
  };
}
