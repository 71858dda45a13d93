/**
 * Sample invocations of backup and restore for the manifest test. backup runs against a
 * throwaway PostgreSQL (verified by a real scratch restore) into a directory; restore
 * restores a files backup made by the backup action into an empty directory.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { toRunnable } from "../../src/core/action.js";
import { backupAction } from "../../src/backup/definition.js";
import { startPostgres } from "./postgres.js";
import { testContext } from "./run-context.js";

type SampleResult = { inputs: Record<string, string>; cleanup?: () => Promise<void> };

export async function backupSample(dir: string): Promise<SampleResult> {
  const pg = await startPostgres();
  pg.sql("CREATE DATABASE shop;");
  pg.sql(
    "CREATE TABLE items (id int PRIMARY KEY, name text); INSERT INTO items VALUES (1, 'one'), (2, 'two');",
    "shop",
  );
  return {
    inputs: { "database-url": pg.url("shop"), destination: join(dir, "backups"), "keep-last": "3" },
    cleanup: () => pg.stop(),
  };
}

export async function restoreSample(dir: string): Promise<SampleResult> {
  mkdirSync(join(dir, "site"));
  writeFileSync(join(dir, "site", "index.html"), "<h1>hello</h1>\n");
  const destination = join(dir, "backups");
  const { context } = testContext(dir);
  await toRunnable(backupAction).execute({ paths: "site", name: "site", destination }, context);
  return { inputs: { name: "site", destination, "target-path": "restored" } };
}
