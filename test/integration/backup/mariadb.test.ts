/**
 * MariaDB end to end: a real server started by the test, mariadb-dump streamed to a local
 * directory, verified by restoring into a scratch database, restored into a fresh database
 * and compared table by table; the password never on the dump tool's command line or in
 * its error output.
 */
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupAction } from "../../../src/backup/definition.js";
import { listBackups } from "../../../src/backup-engine/manifest.js";
import { LocalStore } from "../../../src/backup-engine/local-store.js";
import { restoreAction } from "../../../src/restore/definition.js";
import { toRunnable } from "../../../src/core/action.js";
import { describeFailure } from "../../../src/core/failure.js";
import type { MariaDbServer } from "../../helpers/mariadb.js";
import { mariaDbTableDigests, startMariaDb } from "../../helpers/mariadb.js";
import { tempDir, testContext } from "../../helpers/run-context.js";

const PASSWORD = "maria'db\\pass word";
let db: MariaDbServer;
let backups: string;

beforeAll(async () => {
  db = await startMariaDb({ password: PASSWORD });
  backups = tempDir("greenlight-backups-");
  db.sql(`CREATE DATABASE shop;`);
  db.sql(
    `CREATE TABLE products (id INT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(200), price DECIMAL(10,2), ` +
      "`data blob`" +
      ` BLOB);
     CREATE TABLE ` +
      "`order lines`" +
      ` (id INT PRIMARY KEY, product INT, note TEXT);
     CREATE TABLE empty_table (id INT);
     INSERT INTO products (name, price, ` +
      "`data blob`" +
      `) SELECT CONCAT('it''s (product) ', seq), seq / 3, UNHEX(MD5(seq)) FROM seq_1_to_2000;
     INSERT INTO ` +
      "`order lines`" +
      ` SELECT seq, 1 + seq % 2000, CONCAT('line;\\n(', seq, ') \\\\ ''q''') FROM seq_1_to_5000;`,
    "shop",
  );
});

afterAll(async () => {
  await db?.stop();
});

async function run(
  action: "backup" | "restore",
  inputs: Record<string, string>,
  env: Record<string, string> = {},
) {
  const definition = action === "backup" ? toRunnable(backupAction) : toRunnable(restoreAction);
  const { context, logger } = testContext(tempDir(), env);
  try {
    return {
      result: await definition.execute({ destination: backups, ...inputs }, context),
      logs: logger.text(),
    };
  } catch (error) {
    return { error: describeFailure(error), logs: logger.text() };
  }
}

function expectNoPassword(text: string) {
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain(encodeURIComponent(PASSWORD));
}

describe("backup and restore of MariaDB", () => {
  it("backs up, verifies in a scratch database, and restores identical tables", async () => {
    const backup = await run("backup", { "database-url": db.url("shop"), "keep-last": "2" });
    expect(backup.error).toBeUndefined();
    expect(backup.result!.outputs.verified).toBe("true");
    expectNoPassword(backup.logs + JSON.stringify(backup.result));
    const { backups: listed } = await listBackups(new LocalStore(backups), "shop");
    expect(listed).toHaveLength(1);
    expect(listed[0]!.manifest["row-counts"]).toEqual({ products: 2000, "order lines": 5000 });
    expect(listed[0]!.manifest.source["server-version"]).toMatch(/MariaDB/);
    expect(listed[0]!.manifest.verification.method).toBe("restore");
    expect(db.sql("SHOW DATABASES LIKE 'greenlight_verify_%';")).toBe("");

    const restored = await run("restore", { name: "shop", "target-url": db.url("shop_copy") });
    expect(restored.error).toBeUndefined();
    expect(restored.result!.outputs.verified).toBe("true");
    expect(mariaDbTableDigests(db, "shop_copy")).toEqual(mariaDbTableDigests(db, "shop"));

    const refused = await run("restore", { name: "shop", "target-url": db.url("shop") });
    expect(refused.error?.exitCode).toBe(2);
    expect(refused.error?.message).toContain("it is not empty");
  });

  it("passes the password through the environment and redacts it from dump errors", async () => {
    const dir = mkdtempSync(join(tmpdir(), "greenlight-fake-dump-"));
    const argvFile = join(dir, "argv");
    writeFileSync(
      join(dir, "mariadb-dump"),
      `#!/bin/sh\necho "$@" > "${argvFile}"\necho "mariadb-dump: Got error: 1045: Access denied (using password: $MYSQL_PWD)" >&2\nexit 2\n`,
    );
    chmodSync(join(dir, "mariadb-dump"), 0o755);
    const { error, logs } = await run(
      "backup",
      { "database-url": db.url("shop"), name: "leak-check" },
      { PATH: `${dir}:${process.env.PATH}` },
    );
    expect(error?.exitCode).toBe(1);
    expect(error?.message).toMatch(
      /^The backup failed: mariadb-dump exited with code 2: .*Access denied \(using password: \*\*\*\)/,
    );
    expectNoPassword(error!.message + logs);
    const argv = readFileSync(argvFile, "utf8");
    expect(argv).toContain("--single-transaction");
    expectNoPassword(argv);
  });
});
