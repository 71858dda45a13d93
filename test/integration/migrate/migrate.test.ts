/**
 * migrate against real PostgreSQL and MariaDB servers started by the test: the plain-SQL
 * runner, skipping when nothing is pending, the lock between two concurrent runs, and a
 * failing migration that keeps its backup, prints the restore command, and whose backup
 * restore --before-release finds. The password shows nowhere, in any form.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalStore } from "../../../src/backup-engine/local-store.js";
import { listBackups } from "../../../src/backup-engine/manifest.js";
import type { RunContext } from "../../../src/core/action.js";
import { toRunnable } from "../../../src/core/action.js";
import { systemClock } from "../../../src/core/clock.js";
import { describeFailure } from "../../../src/core/failure.js";
import { MemoryLogger } from "../../../src/core/logger.js";
import { SecretRegistry } from "../../../src/core/secrets.js";
import { migrateAction } from "../../../src/migrate/definition.js";
import { restoreAction } from "../../../src/restore/definition.js";
import { startMariaDb } from "../../helpers/mariadb.js";
import { startPostgres } from "../../helpers/postgres.js";
import { tempDir } from "../../helpers/run-context.js";

const PASSWORD = "mig'rate pass@word";

interface Engine {
  name: string;
  start(): Promise<{
    url(database?: string): string;
    sql(query: string, database?: string): string;
    stop(): Promise<void>;
  }>;
  createDatabase: string;
  autoId: string;
  /** The holder sentence's words: PostgreSQL names the application, MariaDB the connection. */
  holder: RegExp;
}

const engines: Engine[] = [
  {
    name: "PostgreSQL",
    start: () => startPostgres({ password: PASSWORD }),
    createDatabase: "CREATE DATABASE",
    autoId: "SERIAL PRIMARY KEY",
    holder: /"greenlight-migrate production 1\.0\.0" \(PostgreSQL pid \d+/,
  },
  {
    name: "MariaDB",
    start: () => startMariaDb({ password: PASSWORD }),
    createDatabase: "CREATE DATABASE",
    autoId: "INT AUTO_INCREMENT PRIMARY KEY",
    holder: /connection \d+ \(user \S+ from /,
  },
];

interface Outcome {
  outputs: Partial<Record<string, string>>;
  failure?: string | undefined;
  error?: { exitCode: number; message: string };
  logs: string;
  logger: MemoryLogger;
}

describe.each(engines)("migrate with $name", (engine) => {
  let db: Awaited<ReturnType<Engine["start"]>>;
  let count = 0;

  beforeAll(async () => {
    db = await engine.start();
  }, 120_000);

  afterAll(async () => {
    await db?.stop();
  });

  function freshDatabase(): string {
    const name = `app_${++count}`;
    db.sql(`${engine.createDatabase} ${name};`);
    return name;
  }

  async function run(workspace: string, inputs: Record<string, string>): Promise<Outcome> {
    const logger = new MemoryLogger();
    const context: RunContext = {
      logger,
      clock: systemClock,
      secrets: new SecretRegistry(),
      env: {},
      cwd: workspace,
      saveState: () => undefined,
    };
    const logs = () => logger.records.map((r) => [...r.group, r.message].join(" > ")).join("\n");
    try {
      const result = await toRunnable(migrateAction).execute(
        { destination: "backups", environment: "production", release: "1.0.0", ...inputs },
        context,
      );
      return { outputs: result.outputs, failure: result.failure, logs: logs(), logger };
    } catch (error) {
      return { outputs: {}, error: describeFailure(error), logs: logs(), logger };
    }
  }

  function expectNoPassword(outcome: Outcome) {
    const text = outcome.logs + JSON.stringify(outcome);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(encodeURIComponent(PASSWORD));
  }

  async function backupsIn(workspace: string, set: string) {
    return (await listBackups(new LocalStore(join(workspace, "backups")), set)).backups;
  }

  it("applies each .sql file once, in order, across reruns; nothing pending skips the backup", async () => {
    const database = freshDatabase();
    const workspace = tempDir("greenlight-migrate-");
    const dir = join(workspace, "db");
    mkdirSync(dir);
    writeFileSync(
      join(dir, "1_create.sql"),
      `CREATE TABLE steps (id ${engine.autoId}, step VARCHAR(20));\n`,
    );
    writeFileSync(join(dir, "2_two.sql"), "INSERT INTO steps (step) VALUES ('two');");
    // Numbers compare as numbers: 10 comes after 2, not before.
    writeFileSync(join(dir, "10_ten.sql"), "INSERT INTO steps (step) VALUES ('ten')");
    const url = db.url(database);

    const first = await run(workspace, { "database-url": url, "sql-dir": "db" });
    expect(first.error).toBeUndefined();
    expect(first.failure).toBeUndefined();
    expect(first.outputs.status).toBe("migrated");
    expect(JSON.parse(first.outputs.applied!)).toEqual(["1_create.sql", "2_two.sql", "10_ten.sql"]);
    expect(db.sql("SELECT step FROM steps ORDER BY id;", database).trim().split("\n")).toEqual([
      "two",
      "ten",
    ]);
    let backups = await backupsIn(workspace, database);
    expect(backups).toHaveLength(1);
    expect(backups[0]!.manifest.release).toEqual({ version: "1.0.0", environment: "production" });
    expect(backups[0]!.manifest.verification.verified).toBe(true);
    expectNoPassword(first);

    const again = await run(workspace, { "database-url": url, "sql-dir": "db", release: "1.0.1" });
    expect(again.outputs.status).toBe("up-to-date");
    expect(again.outputs.backup).toBe("");
    expect(again.logs).toContain(
      "Nothing to migrate: all 3 .sql files are applied; no backup taken.",
    );
    expect(await backupsIn(workspace, database)).toHaveLength(1);

    writeFileSync(join(dir, "11_eleven.sql"), "INSERT INTO steps (step) VALUES ('eleven');");
    const third = await run(workspace, { "database-url": url, "sql-dir": "db", release: "1.1.0" });
    expect(third.outputs.status).toBe("migrated");
    expect(JSON.parse(third.outputs.applied!)).toEqual(["11_eleven.sql"]);
    expect(db.sql("SELECT step FROM steps ORDER BY id;", database).trim().split("\n")).toEqual([
      "two",
      "ten",
      "eleven",
    ]);
    backups = await backupsIn(workspace, database);
    expect(backups.map((b) => b.manifest.release?.version)).toEqual(["1.0.0", "1.1.0"]);
    const recorded = db.sql(
      "SELECT name, release_version FROM greenlight_migrations ORDER BY applied_at, name;",
      database,
    );
    expect(recorded).toMatch(/11_eleven\.sql[\t|]1\.1\.0/);
  }, 120_000);

  it("a failing migration keeps its backup, prints the restore command, and restore --before-release finds it", async () => {
    const database = freshDatabase();
    db.sql("CREATE TABLE orders (id INT PRIMARY KEY, total INT);", database);
    db.sql("INSERT INTO orders VALUES (1, 10), (2, 20);", database);
    const workspace = tempDir("greenlight-migrate-");
    const url = db.url(database);
    // The tool echoes the URL, as tools do in their errors: it must come out masked.
    const command = `echo "connecting to $DATABASE_URL"; echo "password ${encodeURIComponent(PASSWORD)}" >&2; exit 3`;

    const failed = await run(workspace, { "database-url": url, command, release: "2.0.0" });
    expect(failed.error).toBeUndefined();
    expect(failed.outputs.status).toBe("failed");
    expect(failed.failure).toMatch(
      /^The migration failed: the migration command exited with code 3\./,
    );
    expect(failed.failure).toContain(
      `The backup taken before it is kept: ${failed.outputs.backup}.`,
    );
    expect(failed.outputs["restore-command"]).toMatch(
      /^greenlight restore --name app_\d+ --backup \S+ --destination backups --target-url "\$DATABASE_URL" --overwrite true$/,
    );
    expect(failed.failure).toContain(failed.outputs["restore-command"]);
    // The tool's own output is in its collapsed group, masked.
    const grouped = failed.logger.records.filter((r) => r.group[0]?.startsWith("Migration output"));
    expect(grouped.map((r) => r.message).join("\n")).toContain("connecting to ***");
    expectNoPassword(failed);
    expect(await backupsIn(workspace, database)).toHaveLength(1);

    // Someone breaks the data after all; the backup from before release 2.0.0 brings it back.
    db.sql("DELETE FROM orders;", database);
    const logger = new MemoryLogger();
    const restored = await toRunnable(restoreAction).execute(
      {
        name: database,
        "before-release": "2.0.0",
        destination: "backups",
        "target-url": url,
        overwrite: "true",
      },
      {
        logger,
        clock: systemClock,
        secrets: new SecretRegistry(),
        env: {},
        cwd: workspace,
        saveState: () => undefined,
      },
    );
    expect(restored.failure).toBeUndefined();
    expect(restored.outputs.location).toBe(failed.outputs.backup);
    expect(db.sql("SELECT id, total FROM orders ORDER BY id;", database).trim()).toMatch(
      /^1[\t|]10\n2[\t|]20$/,
    );
  }, 120_000);

  it("two concurrent runs: one waits for the lock, both end correctly, never interleaved", async () => {
    const database = freshDatabase();
    const workspace = tempDir("greenlight-migrate-");
    const url = db.url(database);
    const command = "echo start >> order.log; sleep 2; echo end >> order.log";
    const inputs = { "database-url": url, command, backup: "false", "lock-timeout": "60s" };

    const [a, b] = await Promise.all([run(workspace, inputs), run(workspace, inputs)]);
    for (const outcome of [a, b]) {
      expect(outcome.error).toBeUndefined();
      expect(outcome.outputs.status).toBe("migrated");
    }
    expect(readFileSync(join(workspace, "order.log"), "utf8")).toBe("start\nend\nstart\nend\n");
    const waited = [a, b].filter((o) => o.logs.includes("Waiting for the migration lock, held by"));
    expect(waited).toHaveLength(1);
    expect(waited[0]!.logs).toMatch(engine.holder);
  }, 120_000);

  it("a second run that cannot get the lock in time fails naming the holder, and runs nothing", async () => {
    const database = freshDatabase();
    const workspace = tempDir("greenlight-migrate-");
    const url = db.url(database);
    const holding = run(workspace, {
      "database-url": url,
      command: "touch first-started; sleep 4",
      backup: "false",
    });
    // Start the second once the first holds the lock (its command is running).
    for (let i = 0; i < 100 && !existsIn(workspace, "first-started"); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const second = await run(workspace, {
      "database-url": url,
      command: "touch second-ran",
      "lock-timeout": "1s",
    });
    expect(second.error?.exitCode).toBe(1);
    expect(second.error?.message).toMatch(
      new RegExp(`^Another migration of database "${database}" holds the migration lock: `),
    );
    expect(second.error?.message).toMatch(engine.holder);
    expect(second.error?.message).toContain("it was not freed within 1 s");
    expect(existsIn(workspace, "second-ran")).toBe(false);
    expect(await backupsIn(workspace, database)).toHaveLength(0);
    expectNoPassword(second);
    expect((await holding).outputs.status).toBe("migrated");
  }, 120_000);
});

function existsIn(dir: string, name: string): boolean {
  try {
    readFileSync(join(dir, name));
    return true;
  } catch {
    return false;
  }
}
