/**
 * An environment that asks for a backup before every rollback: a real PostgreSQL backed up
 * (and verified) before traffic moves back to blue; the data itself is never restored.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalStore } from "../../../src/backup-engine/local-store.js";
import { listBackups } from "../../../src/backup-engine/manifest.js";
import { describeFailure } from "../../../src/core/failure.js";
import type { PostgresServer } from "../../helpers/postgres.js";
import { startPostgres } from "../../helpers/postgres.js";
import { tempDir } from "../../helpers/run-context.js";
import { releaseFile, startInfraWorld } from "../promote/infra-world.js";

const PASSWORD = "roll back'pass";
let pg: PostgresServer;

beforeAll(async () => {
  pg = await startPostgres({ password: PASSWORD });
  pg.sql("CREATE DATABASE orders;");
  pg.sql("CREATE TABLE orders (id int PRIMARY KEY); INSERT INTO orders VALUES (1), (2);", "orders");
}, 120_000);

afterAll(async () => {
  await pg?.stop();
});

describe("backup before rollback", () => {
  it("takes a verified backup, then rolls the traffic back, and leaves the data alone", async () => {
    const backups = tempDir("greenlight-rollback-backups-");
    const world = await startInfraWorld({
      merge: "direct",
      file: releaseFile({ api_blue_weight: 50, api_green_weight: 50 }),
      environment: { "backup-before-rollback": { destination: backups } },
    });
    try {
      const outcome = await world.rollback({
        reason: "5xx spike",
        "database-url": pg.url("orders"),
      });
      expect(outcome.error).toBeUndefined();
      expect(outcome.result!.failure).toBeUndefined();
      expect(world.values()).toMatchObject({ api_blue_weight: 100, api_green_weight: 0 });
      const { backups: taken } = await listBackups(new LocalStore(backups), "orders");
      expect(taken).toHaveLength(1);
      expect(taken[0]!.manifest.verification.verified).toBe(true);
      expect(outcome.result!.outputs.backup).toBe(join(backups, taken[0]!.key));
      expect(pg.sql("SELECT count(*) FROM orders;", "orders").trim()).toBe("2");
      const text = JSON.stringify([outcome.logger.records, outcome.result]);
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(encodeURIComponent(PASSWORD));
    } finally {
      await world.close();
    }
  }, 120_000);

  it("refuses to start without the database the environment asks to back up, changing nothing", async () => {
    const world = await startInfraWorld({
      merge: "direct",
      file: releaseFile({ api_blue_weight: 50, api_green_weight: 50 }),
      environment: { "backup-before-rollback": { destination: tempDir() } },
    });
    try {
      const outcome = await world.rollback({ reason: "5xx spike" });
      expect(describeFailure(outcome.error)).toEqual({
        exitCode: 2,
        message: `Environment "production" takes a backup before every rollback, so input "database-url" is required; pass the database from a secret, e.g. \${{ secrets.DATABASE_URL }}.`,
      });
      expect(world.values()).toMatchObject({ api_green_weight: 50 });
    } finally {
      await world.close();
    }
  });
});
