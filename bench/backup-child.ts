/**
 * One backup run in its own process, so the benchmark can read this process's peak memory
 * (its own high-water mark, peak-probe.cjs) without the database, the S3 server or the
 * benchmark itself in it. Arguments:
 * database URL, S3 endpoint, bucket. Prints one JSON line.
 */
import { performance } from "node:perf_hooks";
import { ownPeakKib } from "./peak-probe.cjs";
import { backup } from "../src/backup/main.js";
import { parseDatabaseUrl } from "../src/backup-engine/connection.js";
import { S3Store } from "../src/backup-engine/s3-store.js";
import { systemClock } from "../src/core/clock.js";
import { silentLogger } from "../src/core/logger.js";
import { SecretRegistry } from "../src/core/secrets.js";

const [url, endpoint, bucket, set] = process.argv.slice(2) as [string, string, string, string];
const secrets = new SecretRegistry();
const store = new S3Store({
  bucket,
  prefix: "bench",
  region: "us-east-1",
  endpoint,
  forcePathStyle: true,
  credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
});
const start = performance.now();
// BENCH_MEMORY_LOG=1 prints where the memory is, every second, to stderr.
const memoryLog = process.env.BENCH_MEMORY_LOG
  ? setInterval(() => {
      const m = process.memoryUsage();
      const mb = (n: number) => (n / 1024 ** 2).toFixed(0);
      process.stderr.write(
        `rss ${mb(m.rss)} heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} external ${mb(m.external)} buffers ${mb(m.arrayBuffers)}\n`,
      );
    }, 1000)
  : undefined;
const result = await backup(
  {
    source: {
      kind: "postgres",
      connection: parseDatabaseUrl(url, "database-url"),
      postgresFormat: "custom",
      dumpArgs: [],
    },
    set,
    compression: "gzip",
    compressionLevel: 6,
    verify: false,
    retention: {},
    retentionDryRun: false,
  },
  {
    store,
    clock: systemClock,
    logger: silentLogger,
    secrets,
    tools: { baseEnv: process.env, secrets },
  },
);
store.destroy();
if (memoryLog) clearInterval(memoryLog);
process.stdout.write(
  JSON.stringify({
    wallMs: performance.now() - start,
    maxRssMb: ownPeakKib() / 1024,
    size: result.manifest.size,
    dumpSize: result.manifest["dump-size"],
  }) + "\n",
);
