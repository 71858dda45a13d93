/**
 * Sample invocation of migrate for the manifest test: a directory of .sql files applied to a
 * throwaway PostgreSQL, after a verified backup into a directory.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startPostgres } from "./postgres.js";

export async function migrateSample(dir: string) {
  const pg = await startPostgres();
  pg.sql("CREATE DATABASE shop;");
  mkdirSync(join(dir, "db"));
  writeFileSync(join(dir, "db", "001_items.sql"), "CREATE TABLE items (id int PRIMARY KEY);\n");
  return {
    inputs: {
      "database-url": pg.url("shop"),
      "sql-dir": "db",
      release: "1.0.0",
      destination: join(dir, "backups"),
    },
    cleanup: () => pg.stop(),
  };
}
