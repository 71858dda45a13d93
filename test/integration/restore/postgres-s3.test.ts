/**
 * Restoring real PostgreSQL backups from s3rver into fresh databases and comparing the
 * contents table by table; choosing backups by time and name; refusing a non-empty target
 * and a corrupted backup before anything is touched; encrypted backups.
 */
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupAction } from "../../../src/backup/definition.js";
import { restoreAction } from "../../../src/restore/definition.js";
import { ManualClock } from "../../../src/core/clock.js";
import { toRunnable } from "../../../src/core/action.js";
import { describeFailure } from "../../../src/core/failure.js";
import type { PostgresServer } from "../../helpers/postgres.js";
import { startPostgres, tableDigests } from "../../helpers/postgres.js";
import type { S3Server } from "../../helpers/s3.js";
import { startS3 } from "../../helpers/s3.js";
import { tempDir, testContext } from "../../helpers/run-context.js";

const KEY = "correct horse battery staple";
let pg: PostgresServer;
let s3: S3Server;
const clock = new ManualClock(Date.UTC(2026, 10, 20, 2, 0, 0));

beforeAll(async () => {
  [pg, s3] = await Promise.all([startPostgres(), startS3()]);
  pg.sql("CREATE DATABASE app;");
  pg.sql(
    `CREATE TABLE users (id serial PRIMARY KEY, email text UNIQUE, profile jsonb, avatar bytea);
     CREATE TABLE posts (id serial PRIMARY KEY, author int REFERENCES users(id), body text, at timestamptz);
     INSERT INTO users (email, profile, avatar) SELECT 'u' || g || '@example.com', jsonb_build_object('n', g, 'tags', ARRAY['a', 'b']), decode(md5(g::text), 'hex') FROM generate_series(1, 300) g;
     INSERT INTO posts (author, body, at) SELECT 1 + g % 300, repeat(E'ünïcode\\t', g % 7), timestamptz '2026-01-01' + g * interval '1 minute' FROM generate_series(1, 3000) g;`,
    "app",
  );
});

afterAll(async () => {
  await Promise.all([pg?.stop(), s3?.stop()]);
});

const common = () => ({ destination: `s3://${s3.bucket}/team`, "s3-endpoint": s3.endpoint });

async function run(action: "backup" | "restore", inputs: Record<string, string>) {
  const definition = action === "backup" ? toRunnable(backupAction) : toRunnable(restoreAction);
  const { context, logger } = testContext(tempDir(), s3.env);
  context.clock = clock;
  try {
    return {
      result: await definition.execute({ ...common(), ...inputs }, context),
      logs: logger.text(),
    };
  } catch (error) {
    return { error: describeFailure(error), logs: logger.text() };
  }
}

describe("restore of PostgreSQL from S3", () => {
  const locations: string[] = [];

  beforeAll(async () => {
    // Three backups a day apart; the data changes between them.
    for (const day of [0, 1, 2]) {
      pg.sql(`INSERT INTO posts (author, body) VALUES (1, 'day ${day}');`, "app");
      const { result, error } = await run("backup", {
        "database-url": pg.url("app"),
        "encryption-key": KEY,
      });
      expect(error).toBeUndefined();
      locations.push(result!.outputs.location!);
      await clock.advance(86_400_000);
    }
  });

  it("restores the latest backup into a fresh database with identical contents", async () => {
    const { result, logs } = await run("restore", {
      name: "app",
      "target-url": pg.url("app_restored"),
      "encryption-key": KEY,
    });
    expect(result!.failure).toBeUndefined();
    expect(result!.outputs.location).toBe(locations[2]);
    expect(result!.outputs.verified).toBe("true");
    expect(tableDigests(pg, "app_restored")).toEqual(tableDigests(pg, "app"));
    expect(logs).not.toContain(pg.password);
  });

  it("restores the backup taken at or before a time, and one by name", async () => {
    const at = await run("restore", {
      name: "app",
      at: "2026-11-21T12:00:00Z",
      "target-url": pg.url("app_at"),
      "encryption-key": KEY,
    });
    expect(at.result!.outputs.location).toBe(locations[1]);
    expect(pg.sql("SELECT body FROM posts WHERE body LIKE 'day %' ORDER BY id;", "app_at")).toBe(
      "day 0\nday 1",
    );

    const name = locations[0]!.split("/").pop()!;
    const named = await run("restore", {
      name: "app",
      backup: name,
      "target-url": pg.url("app_named"),
      "encryption-key": KEY,
    });
    expect(named.result!.outputs.location).toBe(locations[0]);
    expect(pg.sql("SELECT body FROM posts WHERE body LIKE 'day %' ORDER BY id;", "app_named")).toBe(
      "day 0",
    );
  });

  it("refuses a non-empty target unless told to overwrite", async () => {
    const refused = await run("restore", {
      name: "app",
      "target-url": pg.url("app"),
      "encryption-key": KEY,
    });
    expect(refused.error?.exitCode).toBe(2);
    expect(refused.error?.message).toMatch(
      /^Refusing to restore into database app: it is not empty; set overwrite: true/,
    );

    pg.sql("CREATE DATABASE app_over;");
    pg.sql("CREATE TABLE posts (junk int); INSERT INTO posts VALUES (1);", "app_over");
    const over = await run("restore", {
      name: "app",
      "target-url": pg.url("app_over"),
      "encryption-key": KEY,
      overwrite: "true",
    });
    expect(over.error).toBeUndefined();
    expect(tableDigests(pg, "app_over")).toEqual(tableDigests(pg, "app_restored"));
  });

  it("needs the encryption key of an encrypted backup", async () => {
    const { error } = await run("restore", { name: "app", "target-url": pg.url("app_nokey") });
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toContain('Input "encryption-key" is required');
    const wrong = await run("restore", {
      name: "app",
      "target-url": pg.url("app_wrongkey"),
      "encryption-key": "not the right key at all",
    });
    expect(wrong.error?.exitCode).toBe(1);
    expect(wrong.error?.message).toMatch(
      /^Refusing to restore .*wrong encryption key.*Nothing was changed\.$/,
    );
    expect(pg.sql("SELECT count(*) FROM pg_database WHERE datname = 'app_wrongkey';")).toBe("0");
  });

  it("refuses a backup whose stored bytes do not match its SHA-256, touching nothing", async () => {
    const plain = await run("backup", { "database-url": pg.url("app"), name: "tampered" });
    const location = plain.result!.outputs.location!;
    const key = location.replace(`s3://${s3.bucket}/`, "");
    const client = new S3Client({
      region: "us-east-1",
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    });
    await client.send(
      new PutObjectCommand({
        Bucket: s3.bucket,
        Key: key,
        Body: Buffer.alloc(Number(plain.result!.outputs.size), 1),
      }),
    );
    client.destroy();
    const { error } = await run("restore", {
      name: "tampered",
      "target-url": pg.url("app_tampered"),
    });
    expect(error?.exitCode).toBe(1);
    expect(error?.message).toMatch(
      /^Refusing to restore .* has SHA-256 [0-9a-f]{64}, but its manifest says [0-9a-f]{64}\. Nothing was changed\.$/,
    );
    expect(pg.sql("SELECT count(*) FROM pg_database WHERE datname = 'app_tampered';")).toBe("0");
  });
});
