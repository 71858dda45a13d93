/** backup's inputs: each user mistake is one sentence naming the input, never the secret. */
import { describe, expect, it } from "vitest";
import { backupAction } from "../../../src/backup/definition.js";
import { parseDatabaseUrl, postgresEnv, mysqlArgs } from "../../../src/backup-engine/connection.js";
import { toRunnable } from "../../../src/core/action.js";
import { ConfigurationError } from "../../../src/core/errors.js";
import { tempDir, testContext } from "../../helpers/run-context.js";

async function mistake(inputs: Record<string, string>): Promise<string> {
  const { context } = testContext(tempDir());
  try {
    await toRunnable(backupAction).execute({ destination: "backups", ...inputs }, context);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigurationError");
}

describe("backup inputs", () => {
  it("names what is missing or wrong in one sentence", async () => {
    expect(await mistake({})).toMatch(/^Nothing to back up: give database-url/);
    expect(await mistake({ "database-url": "redis://h/0" })).toMatch(
      /^Input "database-url" does not say which database/,
    );
    expect(await mistake({ source: "postgres" })).toMatch(
      /^Input "database-url" is required to back up postgres/,
    );
    expect(await mistake({ "database-url": "postgresql://u:secretpw@h:5432/" })).toMatch(
      /names no database/,
    );
    expect(
      await mistake({ "database-url": "mysql://u:secretpw@h/db", source: "postgres" }),
    ).toMatch(/is a mysql URL, but source is postgres/);
    expect(await mistake({ command: "pg_dumpall" })).toMatch(
      /^Input "name" is required for command backups/,
    );
    expect(await mistake({ paths: "data", name: "x", verify: "false", "keep-last": "3" })).toMatch(
      /^Retention counts only verified backups/,
    );
    expect(await mistake({ paths: "data", name: "bad/name" })).toMatch(
      /^Input "name" must be letters/,
    );
    expect(await mistake({ paths: "data", name: "x", "keep-daily": "0" })).toMatch(
      /^Input "keep-daily" .*at least 1/,
    );
    expect(await mistake({ paths: "data", name: "x", destination: "ftp://host/x" })).toMatch(
      /^Input "destination" must be s3:\/\/bucket\/prefix or a local directory/,
    );
    expect(await mistake({ paths: "data", name: "x", "encryption-key": "short" })).toMatch(
      /^Input "encryption-key" .*at least 16 characters/,
    );
  });

  it("never repeats a URL's password in a mistake", async () => {
    const message = await mistake({ "database-url": "postgresql://u:hunter2hunter2@[bad/db" });
    expect(message).not.toContain("hunter2hunter2");
  });
});

describe("connection URLs", () => {
  it("takes a URL apart for the tools' environment, decoding the password", () => {
    const c = parseDatabaseUrl(
      "postgresql://app%40x:p%40ss%2Fw@db.internal:6543/orders?sslmode=require",
      "database-url",
    );
    expect(postgresEnv(c)).toMatchObject({
      PGHOST: "db.internal",
      PGPORT: "6543",
      PGUSER: "app@x",
      PGPASSWORD: "p@ss/w",
      PGDATABASE: "orders",
      PGSSLMODE: "require",
    });
    const m = mysqlArgs(parseDatabaseUrl("mariadb://root:pw@127.0.0.1:3307/shop", "database-url"));
    expect(m.args).toEqual(["-h", "127.0.0.1", "--protocol=TCP", "-P", "3307", "-u", "root"]);
    expect(m.env).toEqual({ MYSQL_PWD: "pw" });
  });
});

describe("pg_restore --list parsing", () => {
  it("finds the tables whose data the dump holds, and gives up on ambiguous names", async () => {
    const { parseTableData } = await import("../../../src/backup-engine/postgres.js");
    const listing = [
      ";",
      "; Archive created at 2026-11-23 12:00:00 UTC",
      "215; 1259 16386 TABLE public customers greenlight",
      "3378; 0 16386 TABLE DATA public customers greenlight",
      "3379; 0 16400 TABLE DATA audit events greenlight",
      "3200; 2606 16391 CONSTRAINT public customers customers_pkey greenlight",
    ].join("\n");
    expect(parseTableData(listing)).toEqual(new Set(["public.customers", "audit.events"]));
    expect(parseTableData("3378; 0 16386 TABLE DATA public my table greenlight")).toBeUndefined();
  });
});
