/**
 * Backing up a real PostgreSQL to a real S3-compatible server (s3rver) through the AWS SDK:
 * a verified backup with its manifest written last, and the three faults — the dump dies
 * halfway, the upload fails halfway, verification fails — each leaving no manifest,
 * nothing listed and nothing deleted, with exit code 1 and a reason.
 */
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupAction } from "../../../src/backup/definition.js";
import { listBackups, parseManifest } from "../../../src/backup-engine/manifest.js";
import { S3Store } from "../../../src/backup-engine/s3-store.js";
import { runActionCommand } from "../../../src/cli/main.js";
import { toRunnable } from "../../../src/core/action.js";
import { loadManifest } from "../../../src/core/action-manifest.js";
import { restoreAction } from "../../../src/restore/definition.js";
import { describeFailure } from "../../../src/core/failure.js";
import type { PostgresServer } from "../../helpers/postgres.js";
import { postgresBinDir, startPostgres } from "../../helpers/postgres.js";
import type { S3Server } from "../../helpers/s3.js";
import { startCuttingProxy, startS3 } from "../../helpers/s3.js";
import { captureIo, tempDir, testContext } from "../../helpers/run-context.js";

const PASSWORD = "p@ss/w0rd:with&chars";
let pg: PostgresServer;
let s3: S3Server;

beforeAll(async () => {
  [pg, s3] = await Promise.all([startPostgres({ password: PASSWORD }), startS3()]);
  pg.sql("CREATE DATABASE orders;");
  pg.sql(
    `CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL);
     CREATE TABLE orders (id bigserial PRIMARY KEY, customer int REFERENCES customers(id), note text, amount numeric(10,2));
     INSERT INTO customers (name) SELECT 'customer ' || g FROM generate_series(1, 50) g;
     INSERT INTO orders (customer, note, amount) SELECT 1 + g % 50, E'line\\nbreak ''quoted'' ' || md5(g::text), g * 1.5 FROM generate_series(1, 20000) g;
     CREATE SCHEMA audit; CREATE TABLE audit.events (at timestamptz DEFAULT now(), what text);
     INSERT INTO audit.events (what) VALUES ('created');`,
    "orders",
  );
});

afterAll(async () => {
  await Promise.all([pg?.stop(), s3?.stop()]);
});

function store(prefix: string) {
  return new S3Store({
    bucket: s3.bucket,
    prefix,
    region: "us-east-1",
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
}

async function runBackup(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const { context, logger } = testContext(tempDir(), { ...s3.env, ...env });
  try {
    const result = await toRunnable(backupAction).execute(
      { "s3-endpoint": s3.endpoint, ...inputs },
      context,
    );
    return { result, logs: logger.text() };
  } catch (error) {
    return { error: describeFailure(error), logs: logger.text() };
  }
}

function expectNoPassword(text: string) {
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain(encodeURIComponent(PASSWORD));
}

/** A fake pg_dump first on PATH: records its argv, lets the real one write `bytes`, then dies. */
function dyingPgDump(bytes: number): { env: Record<string, string>; argvFile: string } {
  const dir = mkdtempSync(join(tmpdir(), "greenlight-fake-pg-dump-"));
  const argvFile = join(dir, "argv");
  writeFileSync(
    join(dir, "pg_dump"),
    `#!/bin/sh
echo "$@" > "${argvFile}"
"${postgresBinDir()}/pg_dump" "$@" | head -c ${bytes}
echo "pg_dump: error: server closed the connection unexpectedly (password $PGPASSWORD)" >&2
exit 1
`,
  );
  chmodSync(join(dir, "pg_dump"), 0o755);
  return { env: { PATH: `${dir}:${process.env.PATH}` }, argvFile };
}

/** Makes one good backup in `prefix` and returns a function listing the set afterwards. */
async function withExistingBackup(prefix: string) {
  const first = await runBackup({
    "database-url": pg.url("orders"),
    destination: `s3://${s3.bucket}/${prefix}`,
  });
  expect(first.error).toBeUndefined();
  return {
    location: first.result!.outputs.location!,
    listed: async () =>
      (await listBackups(store(prefix), "orders")).backups.map((b) =>
        store(prefix).location(b.key),
      ),
    objects: async () => (await store(prefix).list("")).map((o) => o.key).sort(),
  };
}

describe("backup of PostgreSQL to S3", () => {
  it("streams a verified backup and writes its manifest last", async () => {
    const { result, logs } = await runBackup({
      "database-url": pg.url("orders"),
      destination: `s3://${s3.bucket}/prod`,
    });
    expect(result!.failure).toBeUndefined();
    expect(result!.outputs.verified).toBe("true");
    expect(result!.outputs.location).toMatch(
      /^s3:\/\/backups\/prod\/orders\/\d{8}T\d{6}Z-[0-9a-f]{6}\.dump\.gz$/,
    );
    expect(result!.outputs.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result!.outputs.deleted).toBe("[]");
    const { backups } = await listBackups(store("prod"), "orders");
    expect(backups).toHaveLength(1);
    const manifest = backups[0]!.manifest;
    expect(manifest["row-counts"]).toEqual({
      "audit.events": 1,
      "public.customers": 50,
      "public.orders": 20000,
    });
    expect(manifest.source).toMatchObject({
      kind: "postgres",
      format: "custom",
      database: "orders",
    });
    expect(manifest.source["server-version"]).toMatch(/^PostgreSQL \d+/);
    expect(manifest.verification).toMatchObject({ verified: true, method: "restore" });
    expect(String(manifest.size)).toBe(result!.outputs.size);
    expect(manifest.sha256).toBe(result!.outputs.sha256);
    expect(
      pg.sql("SELECT count(*) FROM pg_database WHERE datname LIKE 'greenlight_verify_%';"),
    ).toBe("0");
    expectNoPassword(logs + JSON.stringify(result));
    const stored = await store("prod").readSmall(`orders/${manifest.name}.manifest.json`);
    expect(parseManifest(stored)).toEqual(manifest);
  });

  it("fails with exit 1 when pg_dump dies halfway: no manifest, nothing listed, nothing deleted", async () => {
    const existing = await withExistingBackup("dump-dies");
    const before = await existing.objects();
    const fake = dyingPgDump(60_000);
    const { error, logs } = await runBackup(
      {
        "database-url": pg.url("orders"),
        destination: `s3://${s3.bucket}/dump-dies`,
        "keep-last": "1",
      },
      fake.env,
    );
    expect(error?.exitCode).toBe(1);
    expect(error?.message).toMatch(/pg_dump exited with code 1: .*server closed the connection/);
    expect(error?.message).toContain("No manifest was written");
    expectNoPassword(error!.message + logs);
    // The password reached pg_dump through its environment, never its command line.
    const argv = readFileSync(fake.argvFile, "utf8");
    expect(argv).toContain("--format=custom");
    expectNoPassword(argv);
    expect(await existing.objects()).toEqual(before);
    expect(await existing.listed()).toEqual([existing.location]);
    expect(
      pg.sql("SELECT count(*) FROM pg_database WHERE datname LIKE 'greenlight_verify_%';"),
    ).toBe("0");
  });

  it("fails with exit 1 when the upload fails halfway: no manifest, nothing listed, nothing deleted", async () => {
    const existing = await withExistingBackup("upload-fails");
    const before = await existing.objects();
    const proxy = await startCuttingProxy(s3.endpoint, 12 * 1024 * 1024);
    try {
      const { error } = await runBackup({
        source: "command",
        name: "orders",
        // 24 MiB that gzip cannot shrink: several multipart parts, cut after 12 MiB.
        command: "head -c 25165824 /dev/urandom",
        destination: `s3://${s3.bucket}/upload-fails`,
        "s3-endpoint": proxy.endpoint,
        "keep-last": "1",
      });
      expect(error?.exitCode).toBe(1);
      expect(error?.message).toMatch(/^The backup failed: .+No manifest was written/);
      expect(error?.message).not.toMatch(/method is not allowed/);
      expect(proxy.forwarded()).toBeGreaterThanOrEqual(12 * 1024 * 1024);
    } finally {
      await proxy.stop();
    }
    expect(await existing.objects()).toEqual(before);
    expect(await existing.listed()).toEqual([existing.location]);
  });

  it("verifies a dump that leaves table data out against what the dump holds", async () => {
    const { result, error } = await runBackup({
      "database-url": pg.url("orders"),
      destination: `s3://${s3.bucket}/partial`,
      "dump-args": "--exclude-table-data=public.orders",
    });
    expect(error).toBeUndefined();
    expect(result!.outputs.verified).toBe("true");
    const { backups } = await listBackups(store("partial"), "orders");
    expect(backups[0]!.manifest["row-counts"]).toEqual({
      "audit.events": 1,
      "public.customers": 50,
    });
  });

  it("fails with exit 1 when the restored copy's row counts differ: no manifest, object removed, nothing deleted", async () => {
    const existing = await withExistingBackup("verify-fails");
    const before = await existing.objects();
    // A plain-format dump has no table of contents to say that orders' rows were left out,
    // so the restored copy cannot match the snapshot's counts.
    const { error, logs } = await runBackup({
      "database-url": pg.url("orders"),
      destination: `s3://${s3.bucket}/verify-fails`,
      "postgres-format": "plain",
      "dump-args": "--exclude-table-data=public.orders",
      "keep-last": "1",
    });
    expect(error?.exitCode).toBe(1);
    expect(error?.message).toBe(
      "Verification failed: the restored copy differs: table public.orders has 0 rows, expected 20000. No manifest was written, so no backup was recorded and retention did not run.",
    );
    expectNoPassword(error!.message + logs);
    expect(await existing.objects()).toEqual(before);
    expect(await existing.listed()).toEqual([existing.location]);
    expect(
      pg.sql("SELECT count(*) FROM pg_database WHERE datname LIKE 'greenlight_verify_%';"),
    ).toBe("0");
  });

  it("fails with exit 1 when the scratch database cannot be created, touching nothing", async () => {
    const existing = await withExistingBackup("verify-denied");
    const before = await existing.objects();
    pg.sql("CREATE ROLE limited LOGIN PASSWORD 'limited-pw' NOCREATEDB;");
    const { error } = await runBackup({
      "database-url": pg.url("orders"),
      destination: `s3://${s3.bucket}/verify-denied`,
      "verify-url": `postgresql://limited:limited-pw@127.0.0.1:${pg.port}/postgres`,
      "keep-last": "1",
    });
    expect(error?.exitCode).toBe(1);
    expect(error?.message).toMatch(
      /^Verification failed: restoring into a scratch database failed: psql \(create database\) exited with code 3: ERROR: +permission denied to create database\. No manifest was written/,
    );
    expect(await existing.objects()).toEqual(before);
    expect(await existing.listed()).toEqual([existing.location]);
  });

  it("round-trips a multipart upload byte for byte through a command source and restore command", async () => {
    const dir = tempDir();
    const { result, error } = await runBackup({
      command: `head -c 20000000 /dev/urandom | tee ${join(dir, "original")}`,
      name: "blob",
      destination: `s3://${s3.bucket}/multipart`,
    });
    expect(error).toBeUndefined();
    expect(result!.outputs.verified).toBe("true");
    expect(Number(result!.outputs.size)).toBeGreaterThan(20_000_000);
    const { context } = testContext(dir, s3.env);
    const restored = await toRunnable(restoreAction).execute(
      {
        name: "blob",
        destination: `s3://${s3.bucket}/multipart`,
        "s3-endpoint": s3.endpoint,
        "restore-command": `cat > ${join(dir, "restored")}`,
      },
      context,
    );
    expect(restored.outputs.location).toBe(result!.outputs.location);
    expect(readFileSync(join(dir, "restored")).equals(readFileSync(join(dir, "original")))).toBe(
      true,
    );
  });

  it("prints nothing secret through the CLI when pg_dump fails and prints the password", async () => {
    const fake = dyingPgDump(10_000);
    const dir = tempDir();
    const cap = captureIo(dir, { ...process.env, ...s3.env, ...fake.env });
    const code = await runActionCommand(
      toRunnable(backupAction),
      loadManifest("backup"),
      [
        "--database-url",
        pg.url("orders"),
        "--destination",
        `s3://${s3.bucket}/cli`,
        "--s3-endpoint",
        s3.endpoint,
        "--debug",
      ],
      cap.io,
    );
    expect(code).toBe(1);
    expect(cap.stderr()).toMatch(
      /error: The backup failed: pg_dump exited with code 1: .*\(password \*\*\*\)/,
    );
    expectNoPassword(cap.stdout() + cap.stderr());
  });

  it("keeps the password out of errors when pg_dump itself prints it", async () => {
    // A database named like the password: pg_dump's own error repeats the name.
    const { error, logs } = await runBackup({
      "database-url": pg.url(encodeURIComponent(PASSWORD)),
      name: "missing",
      destination: `s3://${s3.bucket}/missing`,
    });
    expect(error?.exitCode).toBe(1);
    expect(error?.message).toMatch(/does not exist|failed/);
    expect(error?.message).toContain("***");
    expectNoPassword(error!.message + logs);
  });
});
