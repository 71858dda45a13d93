/**
 * Backing up a real PostgreSQL to a real S3-compatible server (s3rver) through the AWS SDK:
 * stream, manifest, verification by restoring into a scratch database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toRunnable } from "../../../src/core/action.js";
import { backupAction } from "../../../src/backup/definition.js";
import { listBackups, parseManifest } from "../../../src/backup/manifest.js";
import { S3Store } from "../../../src/backup/s3-store.js";
import type { PostgresServer } from "../../helpers/postgres.js";
import { startPostgres } from "../../helpers/postgres.js";
import type { S3Server } from "../../helpers/s3.js";
import { startS3 } from "../../helpers/s3.js";
import { tempDir, testContext } from "../../helpers/run-context.js";

let pg: PostgresServer;
let s3: S3Server;

beforeAll(async () => {
  [pg, s3] = await Promise.all([startPostgres({ password: "p@ss/w0rd:with&chars" }), startS3()]);
  pg.sql("CREATE DATABASE orders;");
  pg.sql(
    `CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL);
     CREATE TABLE orders (id bigserial PRIMARY KEY, customer int REFERENCES customers(id), note text, amount numeric(10,2));
     INSERT INTO customers (name) SELECT 'customer ' || g FROM generate_series(1, 50) g;
     INSERT INTO orders (customer, note, amount) SELECT 1 + g % 50, E'line\\nbreak ''quoted'' ' || g, g * 1.5 FROM generate_series(1, 5000) g;
     CREATE SCHEMA audit; CREATE TABLE audit.events (at timestamptz DEFAULT now(), what text);
     INSERT INTO audit.events (what) VALUES ('created');`,
    "orders",
  );
});

afterAll(async () => {
  await Promise.all([pg?.stop(), s3?.stop()]);
});

function store() {
  return new S3Store({
    bucket: s3.bucket,
    prefix: "prod",
    region: "us-east-1",
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
}

describe("backup of PostgreSQL to S3", () => {
  it("streams a verified backup and writes its manifest last", async () => {
    const action = toRunnable(backupAction);
    const { context, logger } = testContext(tempDir(), s3.env);
    const result = await action.execute(
      {
        "database-url": pg.url("orders"),
        destination: `s3://${s3.bucket}/prod`,
        "s3-endpoint": s3.endpoint,
      },
      context,
    );
    expect(result.failure).toBeUndefined();
    expect(result.outputs.verified).toBe("true");
    expect(result.outputs.location).toMatch(/^s3:\/\/backups\/prod\/orders\/\d{8}T\d{6}Z-[0-9a-f]{6}\.dump\.gz$/);
    expect(result.outputs.sha256).toMatch(/^[0-9a-f]{64}$/);
    const { backups } = await listBackups(store(), "orders");
    expect(backups).toHaveLength(1);
    const manifest = backups[0]!.manifest;
    expect(manifest["row-counts"]).toEqual({ "audit.events": 1, "public.customers": 50, "public.orders": 5000 });
    expect(manifest.source["server-version"]).toMatch(/^PostgreSQL \d+/);
    expect(manifest.verification).toMatchObject({ verified: true, method: "restore" });
    expect(String(manifest.size)).toBe(result.outputs.size);
    // The scratch database is gone.
    expect(pg.sql("SELECT count(*) FROM pg_database WHERE datname LIKE 'greenlight_verify_%';")).toBe("0");
    const text = logger.text() + JSON.stringify(result);
    expect(text).not.toContain(pg.password);
    expect(text).not.toContain(encodeURIComponent(pg.password));
    expect(parseManifest(await store().readSmall(`orders/${manifest.name}.manifest.json`))).toEqual(manifest);
  });
});
