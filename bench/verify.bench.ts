/**
 * verify's two costs, each against a baseline measured in the same run.
 *
 * (a) Concurrency: twenty endpoints that each take 500 ms, verified in one run, against one
 *     such endpoint alone. Checks run concurrently, so the ratio all/one should be near 1.
 * (b) Measurement: the latency probe and wrk (Debian `wrk`, a C load generator) measure the
 *     same local endpoint, 2,000 requests at concurrency 10, in alternating rounds. The
 *     endpoint runs in its own process and answers after a service time drawn from a fixed
 *     long-tailed distribution (5 ms plus an exponential tail), like a real service: the
 *     probe must measure the server, not its own overhead. wrk runs one thread with ten
 *     connections (the probe is one event loop with ten keep-alive connections); a Lua
 *     script stops wrk's thread after 2,000 responses and prints every latency wrk recorded
 *     (microseconds, with counts), and both p95s are computed by the same nearest-rank rule
 *     over every recorded latency. p95_vs_wrk is the median of the rounds' ratios.
 *
 *     wrk adds synthetic samples for coordinated omission: every latency of at least twice
 *     (run time × connections / requests) gets extra entries. To compare what was measured,
 *     wrk's run time (-d; its main thread always sleeps that long) is set so that interval
 *     is above half the endpoint's longest service time; the table shows wrk's sample count,
 *     which is 2,000 when no sample was added.
 */
import { spawn, spawnSync } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { systemClock } from "../src/core/clock.js";
import { silentLogger } from "../src/core/logger.js";
import { SecretRegistry } from "../src/core/secrets.js";
import { parseChecksText } from "../src/verify/check-sources.js";
import { BUILT_IN_DEFAULTS } from "../src/verify/check-spec.js";
import { send } from "../src/core/http/http-client.js";
import { runLatencyProbe } from "../src/verify/latency-probe.js";
import { verify } from "../src/verify/main.js";
import { percentile } from "../src/verify/percentiles.js";
import { tempDir } from "../test/helpers/run-context.js";

const ENDPOINTS = 20;
const ENDPOINT_MS = 500;
const PARALLEL_REPEATS = 3;
const PROBE_REQUESTS = 2_000;
const PROBE_CONCURRENCY = 10;
const PROBE_ROUNDS = 3;
const MAX_SERVICE_MS = 80;
// Long enough that wrk's correction interval (seconds × connections / requests) exceeds
// half the longest latency, with a quarter to spare for client overhead.
const WRK_SECONDS = Math.ceil(
  (1.25 * MAX_SERVICE_MS * PROBE_REQUESTS) / (2 * PROBE_CONCURRENCY) / 1000,
);

const vars = { env: {}, onSecret: () => undefined };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function requireWrk(): void {
  const found = spawnSync("wrk", ["--version"], { encoding: "utf8" });
  if (found.error) {
    console.error("wrk is not installed; install it with: apt-get install -y wrk");
    process.exit(1);
  }
}

// ---------------------------------------------------------------------------------------
// (a) twenty slow endpoints against one

async function slowServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    setTimeout(() => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"status":"ok"}');
    }, ENDPOINT_MS);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/health`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function timeVerify(urls: string[]): Promise<number> {
  const yaml = urls
    .map(
      (url, i) =>
        `- {name: "e${i}", url: "${url}", attempts: 1, expect: {json: ['$.status == "ok"']}}`,
    )
    .join("\n");
  const checks = parseChecksText(yaml, { label: "bench" }, BUILT_IN_DEFAULTS, vars);
  const started = performance.now();
  const result = await verify(
    { checks, deadlineMs: 60_000 },
    { clock: systemClock, logger: silentLogger, secrets: new SecretRegistry(), send },
  );
  const elapsed = performance.now() - started;
  if (!result.passed) throw new Error(`verify failed: ${JSON.stringify(result.failedChecks)}`);
  return elapsed;
}

async function parallelRatio(): Promise<{ oneMs: number; allMs: number }> {
  const servers = await Promise.all(Array.from({ length: ENDPOINTS }, slowServer));
  const urls = servers.map((s) => s.url);
  try {
    await timeVerify(urls.slice(0, 1)); // warm-up
    const one: number[] = [];
    const all: number[] = [];
    for (let i = 0; i < PARALLEL_REPEATS; i++) {
      one.push(await timeVerify(urls.slice(0, 1)));
      all.push(await timeVerify(urls));
    }
    return { oneMs: median(one), allMs: median(all) };
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
}

// ---------------------------------------------------------------------------------------
// (b) the latency probe against wrk

// The endpoint, in its own process: a fixed pseudo-random sequence of service times.
const ENDPOINT_SCRIPT = `
const http = require("node:http");
let seed = 42;
const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const server = http.createServer((req, res) => {
  const serviceMs = Math.min(${MAX_SERVICE_MS}, 5 - Math.log(1 - next()) * 6);
  setTimeout(() => {
    res.writeHead(200, { "content-type": "application/json", "content-length": "15" });
    res.end('{"status":"ok"}');
  }, serviceMs);
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
`;

async function startEndpoint(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["-e", ENDPOINT_SCRIPT], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<string>((resolve) => lines.once("line", resolve));
  return { url: `http://127.0.0.1:${port.trim()}/health`, child };
}

const WRK_SCRIPT = `
local limit, count = 0, 0
function init(args) limit = tonumber(args[1]) end
function response(status, headers, body)
  count = count + 1
  if count == limit then wrk.thread:stop() end
end
function done(summary, latency, requests)
  io.write("WRK_REQUESTS ", summary.requests, "\\n")
  for i = 1, #latency do
    local value, n = latency(i)
    io.write("WRK_LATENCY ", value, " ", n, "\\n")
  end
end
`;

/** wrk's p95 in milliseconds: every latency it recorded, expanded from (value, count). */
async function wrkP95(
  url: string,
  scriptFile: string,
  requests: number,
): Promise<{ p95: number; count: number }> {
  const child = spawn(
    "wrk",
    [
      "-t1",
      `-c${PROBE_CONCURRENCY}`,
      `-d${WRK_SECONDS}s`,
      "--timeout",
      "10s",
      "-s",
      scriptFile,
      url,
      "--",
      String(requests),
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const values: number[] = [];
  let reported = 0;
  const lines = createInterface({ input: child.stdout! });
  lines.on("line", (line) => {
    const latency = /^WRK_LATENCY (\d+) (\d+)$/.exec(line);
    if (latency)
      for (let i = 0; i < Number(latency[2]); i++) values.push(Number(latency[1]) / 1000);
    const total = /^WRK_REQUESTS (\d+)$/.exec(line);
    if (total) reported = Number(total[1]);
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (values.length === 0)
    throw new Error(`wrk recorded no latencies (exit ${code}, ${reported} requests)`);
  values.sort((a, b) => a - b);
  return { p95: percentile(values, 95), count: values.length };
}

async function probeP95(url: string, requests: number): Promise<{ p95: number; count: number }> {
  const [check] = parseChecksText(
    `- {url: "${url}", latency: {requests: ${requests}, concurrency: ${PROBE_CONCURRENCY}}}`,
    { label: "bench" },
    BUILT_IN_DEFAULTS,
    vars,
  );
  const report = await runLatencyProbe(check!, {
    send,
    clock: systemClock,
    now: () => performance.now(),
  });
  if (report.errors > 0)
    throw new Error(
      `the probe had ${report.errors} errors: ${JSON.stringify(report.errorReasons)}`,
    );
  return { p95: report.latencyMs.p95, count: report.completed };
}

async function probeVsWrk() {
  const endpoint = await startEndpoint();
  const scriptFile = join(tempDir("greenlight-bench-verify-"), "probe.lua");
  writeFileSync(scriptFile, WRK_SCRIPT);
  try {
    await probeP95(endpoint.url, 200); // warm-up: the endpoint's JIT and connections
    const rounds: { wrk: number; ours: number; wrkCount: number; ourCount: number }[] = [];
    for (let i = 0; i < PROBE_ROUNDS; i++) {
      const wrk = await wrkP95(endpoint.url, scriptFile, PROBE_REQUESTS);
      const ours = await probeP95(endpoint.url, PROBE_REQUESTS);
      rounds.push({ wrk: wrk.p95, ours: ours.p95, wrkCount: wrk.count, ourCount: ours.count });
    }
    return rounds;
  } finally {
    endpoint.child.kill();
  }
}

requireWrk();
const parallel = await parallelRatio();
const rounds = await probeVsWrk();
const parallelRatioValue = parallel.allMs / parallel.oneMs;
const p95Ratio = median(rounds.map((r) => r.ours / r.wrk));

console.log(`(a) ${ENDPOINTS} endpoints of ${ENDPOINT_MS} ms, verified concurrently`);
console.log("    one endpoint (ms)   all endpoints (ms)   ratio all/one");
console.log(
  `    ${parallel.oneMs.toFixed(1).padStart(17)}   ${parallel.allMs.toFixed(1).padStart(18)}   ${parallelRatioValue.toFixed(3).padStart(13)}`,
);
console.log(
  `(b) latency probe vs wrk, ${PROBE_REQUESTS} requests at concurrency ${PROBE_CONCURRENCY} (p95, nearest rank)`,
);
console.log("    round   wrk p95 (ms)   probe p95 (ms)   probe/wrk   latencies (wrk / probe)");
rounds.forEach((r, i) => {
  console.log(
    `    ${String(i + 1).padStart(5)}   ${r.wrk.toFixed(3).padStart(12)}   ${r.ours.toFixed(3).padStart(14)}   ${(r.ours / r.wrk).toFixed(3).padStart(9)}   ${r.wrkCount} / ${r.ourCount}`,
  );
});
console.log(
  `RESULT verify parallel_ratio=${parallelRatioValue.toFixed(3)} p95_vs_wrk=${p95Ratio.toFixed(3)}`,
);
