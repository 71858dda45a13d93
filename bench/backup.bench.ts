/**
 * backup's cost against the tools alone, measured in the same run.
 *
 * A PostgreSQL database of about 1 GB (then grown to about 3 GB) is backed up by the backup
 * pipeline — pg_dump (custom format) → gzip → SHA-256 → multipart upload to an
 * S3-compatible server (s3rver, in its own process) — and, as the baseline, by
 * `pg_dump --format=custom --compress=0 | gzip -6 > /dev/null`: the same dump and the same
 * compression level, with nothing stored. wall_ratio is ours/baseline at 1 GB (median of
 * the rounds). The backup runs in a child process; rss_mb_* is that process's peak resident
 * memory, which must not grow with the database. Verification is off here: it is a restore,
 * a separate cost the baseline does not have. GNU gzip's deflate is somewhat slower than
 * zlib's (which Node uses) at the same level, so a ratio a little under 1 is expected; the
 * machine is shared, so single rounds vary.
 *
 * BENCH_BACKUP_GB=0.2,0.6 runs smaller sizes (for a quick look); BENCH_BACKUP_ROUNDS=n.
 */
import { build } from "esbuild";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { postgresEnv, parseDatabaseUrl } from "../src/backup-engine/connection.js";
import { startPostgres } from "../test/helpers/postgres.js";

const sizesGb = (process.env.BENCH_BACKUP_GB ?? "1,3").split(",").map(Number);
const rounds = Number(process.env.BENCH_BACKUP_ROUNDS ?? "2");
const root = new URL("..", import.meta.url).pathname;

async function startS3Process(): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "bench/backup-s3.ts")], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once("exit", () => reject(new Error("the S3 server did not start")));
  });
  return {
    endpoint,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.once("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} exited with ${code}`)),
    );
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The backup child bundled into one file (esbuild, which tsx already brings), as the
 * action's dist is: memory is measured on what GitHub runs, not on a TypeScript loader.
 */
async function bundleChild(): Promise<string> {
  const outfile = join(mkdtempSync(join(tmpdir(), "greenlight-bench-child-")), "index.mjs");
  await build({
    entryPoints: [join(root, "bench/backup-child.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile,
    logLevel: "error",
    // The AWS SDK's CommonJS modules need `require` inside an ES module bundle.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  return outfile;
}

const childBundle = await bundleChild();
const pg = await startPostgres();
const s3 = await startS3Process();
pg.sql("CREATE DATABASE bench;");
pg.sql(
  "CREATE TABLE events (id bigint PRIMARY KEY, kind text, payload text, at timestamptz); ALTER TABLE events SET (autovacuum_enabled = false);",
  "bench",
);
const url = pg.url("bench");
const env = postgresEnv(parseDatabaseUrl(url, "database-url"));
let rows = 0;

/** Adds rows until the database is about `gb` GB: text that compresses like real data. */
function growTo(gb: number): number {
  const target = gb * 1024 ** 3;
  for (;;) {
    const size = Number(pg.sql("SELECT pg_database_size('bench');"));
    if (size >= target) return size;
    const batch = Math.max(10_000, Math.min(1_000_000, Math.ceil((target - size) / 300)));
    pg.sql(
      `INSERT INTO events SELECT g, (ARRAY['click','view','buy','refund'])[1 + g % 4],
         md5(g::text) || ' ' || repeat(md5((g % 9973)::text), 4) || ' user-' || (g % 100000),
         timestamptz '2026-01-01' + g * interval '1 second'
       FROM generate_series(${rows + 1}, ${rows + batch}) g;`,
      "bench",
    );
    rows += batch;
  }
}

interface Measure {
  gb: number;
  dbBytes: number;
  baselineMs: number[];
  oursMs: number[];
  rssMb: number[];
  stored: number;
  dumped: number;
}
const results: Measure[] = [];

for (const gb of sizesGb) {
  const dbBytes = growTo(gb);
  pg.sql("VACUUM ANALYZE events; CHECKPOINT;", "bench");
  const m: Measure = { gb, dbBytes, baselineMs: [], oursMs: [], rssMb: [], stored: 0, dumped: 0 };
  for (let round = 0; round < rounds; round++) {
    const t = performance.now();
    await run(
      "bash",
      [
        "-o",
        "pipefail",
        "-c",
        "pg_dump --format=custom --compress=0 --no-password | gzip -6 > /dev/null",
      ],
      env,
    );
    m.baselineMs.push(performance.now() - t);
    const out = await run(process.execPath, [
      childBundle,
      url,
      s3.endpoint,
      "bench",
      `r${gb}-${round}`,
    ]);
    const child = JSON.parse(out.trim().split("\n").pop()!) as {
      wallMs: number;
      maxRssMb: number;
      size: number;
      dumpSize: number;
    };
    m.oursMs.push(child.wallMs);
    m.rssMb.push(child.maxRssMb);
    m.stored = child.size;
    m.dumped = child.dumpSize;
    console.error(
      `  ${gb} GB round ${round + 1}: baseline ${(m.baselineMs.at(-1)! / 1000).toFixed(1)} s, ours ${(child.wallMs / 1000).toFixed(1)} s, peak RSS ${child.maxRssMb.toFixed(0)} MB`,
    );
  }
  results.push(m);
}

await s3.stop();
await pg.stop();
rmSync(dirname(childBundle), { recursive: true, force: true });

const mb = (bytes: number) => (bytes / 1024 ** 2).toFixed(0);
console.log("size  database   dump       stored     baseline   ours       ratio  peak RSS");
for (const m of results) {
  const base = median(m.baselineMs);
  const ours = median(m.oursMs);
  console.log(
    `${String(m.gb).padEnd(5)} ${(mb(m.dbBytes) + " MB").padEnd(10)} ${(mb(m.dumped) + " MB").padEnd(10)} ${(mb(m.stored) + " MB").padEnd(10)} ${((base / 1000).toFixed(1) + " s").padEnd(10)} ${((ours / 1000).toFixed(1) + " s").padEnd(10)} ${(ours / base).toFixed(2).padEnd(6)} ${Math.max(...m.rssMb).toFixed(0)} MB`,
  );
}
const first = results[0]!;
const last = results[results.length - 1]!;
const ratio = median(first.oursMs) / median(first.baselineMs);
console.log(
  `RESULT backup wall_ratio=${ratio.toFixed(2)} rss_mb_1g=${Math.max(...first.rssMb).toFixed(0)} rss_mb_3g=${Math.max(...last.rssMb).toFixed(0)}`,
);
