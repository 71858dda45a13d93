/**
 * The bad-input corpus for `greenlight migrate`: every case exits 2 with one sentence naming
 * the input, and nothing runs — no connection (the URLs point at a closed port, so any
 * attempt would end in exit 1), no migration command (it would leave a file behind), no
 * backup (the destination directory stays empty).
 */
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../src/cli/main.js";
import { captureIo, tempDir } from "../../helpers/run-context.js";

const PG = "postgresql://app:s3cret-pass@127.0.0.1:1/orders";
const MARIA = "mariadb://app:s3cret-pass@127.0.0.1:1/orders";
const RAN = "touch migration-ran";

interface Case {
  name: string;
  args: string[];
  /** Words the sentence must contain (case-insensitive). */
  says: string[];
  setup?: (dir: string) => void;
}

const base = ["--destination", "backups", "--release", "1.4.0"];
const url = (value: string) => ["--database-url", value];
const sqlDir = (dir: string, files: Record<string, string>) => (root: string) => {
  mkdirSync(join(root, dir), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, dir, name), text);
};

// One case a line reads as a table; prettier would spread each over several.
// prettier-ignore
const cases: Case[] = [
  { name: "no command and no sql-dir", args: [...url(PG), ...base], says: ["command", "sql-dir"] },
  { name: "both command and sql-dir", args: [...url(PG), ...base, "--command", RAN, "--sql-dir", "db"], setup: sqlDir("db", { "1.sql": "SELECT 1;" }), says: ["command", "sql-dir", "not both"] },
  { name: "empty command", args: [...url(PG), ...base, "--command", " "], says: ["command", "empty"] },
  { name: "no database URL", args: [...base, "--command", RAN], says: ["database-url", "required"] },
  { name: "URL for MongoDB", args: [...url("mongodb://app:s3cret-pass@127.0.0.1:1/orders"), ...base, "--command", RAN], says: ["database-url", "MongoDB", "PostgreSQL"] },
  { name: "URL for an engine migrate does not know", args: [...url("sqlite:///tmp/orders.db"), ...base, "--command", RAN], says: ["database-url", "postgresql://"] },
  { name: "URL that is not a URL", args: [...url("postgresql://app:s3cret-pass@[::1/orders"), ...base, "--command", RAN], says: ["database-url", "not a valid URL"] },
  { name: "URL without a database", args: [...url("postgresql://app:s3cret-pass@127.0.0.1:1/"), ...base, "--command", RAN], says: ["database-url", "no database"] },
  { name: "lock timeout 0", args: [...url(PG), ...base, "--command", RAN, "--lock-timeout", "0"], says: ["lock-timeout", "longer than 0"] },
  { name: "lock timeout 0s", args: [...url(MARIA), ...base, "--command", RAN, "--lock-timeout", "0s"], says: ["lock-timeout", "longer than 0"] },
  { name: "lock timeout not a duration", args: [...url(PG), ...base, "--command", RAN, "--lock-timeout", "soon"], says: ["lock-timeout", "duration"] },
  { name: "lock name with a quote", args: [...url(MARIA), ...base, "--command", RAN, "--lock-name", "x'; DROP TABLE t; --"], says: ["lock-name"] },
  { name: "sql-table with a quote", args: [...url(PG), ...base, "--sql-dir", "db", "--sql-table", "m; DROP TABLE users"], setup: sqlDir("db", { "1.sql": "SELECT 1;" }), says: ["sql-table", "table name"] },
  { name: "missing SQL directory", args: [...url(PG), ...base, "--sql-dir", "db/migrations"], says: ["sql-dir", "does not exist"] },
  { name: "SQL directory is a file", args: [...url(PG), ...base, "--sql-dir", "db.sql"], setup: (d) => writeFileSync(join(d, "db.sql"), "SELECT 1;"), says: ["sql-dir", "cannot be read"] },
  // Root reads past permission bits, so unreadable is made with a symlink loop.
  { name: "unreadable SQL directory", args: [...url(PG), ...base, "--sql-dir", "loop"], setup: (d) => symlinkSync("loop", join(d, "loop")), says: ["sql-dir", "cannot be read"] },
  { name: "unreadable .sql file", args: [...url(PG), ...base, "--sql-dir", "db"], setup: (d) => { sqlDir("db", { "1.sql": "SELECT 1;" })(d); mkdirSync(join(d, "db", "2.sql")); }, says: ["sql-dir", "2.sql", "cannot be read"] },
  { name: "SQL directory with no .sql files", args: [...url(PG), ...base, "--sql-dir", "db"], setup: sqlDir("db", { "README.md": "notes" }), says: ["sql-dir", "no .sql files"] },
  { name: "SQL directory outside the workspace", args: [...url(PG), ...base, "--sql-dir", "../elsewhere"], says: ["sql-dir", "outside the workspace"] },
  { name: "status-command with sql-dir", args: [...url(PG), ...base, "--sql-dir", "db", "--status-command", "true"], setup: sqlDir("db", { "1.sql": "SELECT 1;" }), says: ["status-command", "sql-dir"] },
  { name: "backup without destination", args: [...url(PG), "--release", "1.4.0", "--command", RAN], says: ["destination", "backup"] },
  { name: "no release outside Actions", args: [...url(PG), "--destination", "backups", "--command", RAN], says: ["release", "before-release"] },
  { name: "backup name with a slash", args: [...url(PG), ...base, "--command", RAN, "--backup-name", "a/b"], says: ["backup-name"] },
  { name: "database name that cannot name a backup set", args: [...url("postgresql://app:s3cret-pass@127.0.0.1:1/-orders"), ...base, "--command", RAN], says: ["backup-name"] },
  { name: "backup not a boolean", args: [...url(PG), ...base, "--command", RAN, "--backup", "maybe"], says: ["backup"] },
  { name: "short encryption key", args: [...url(PG), ...base, "--command", RAN, "--encryption-key", "short"], says: ["encryption-key", "16"] },
  { name: "S3 endpoint not a URL", args: [...url(PG), ...base, "--command", RAN, "--s3-endpoint", "minio:9000"], says: ["s3-endpoint"] },
];

describe("migrate bad-input corpus", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const dir = tempDir();
    c.setup?.(dir);
    const cap = captureIo(dir);

    const code = await runCli(["migrate", ...c.args], cap.io);

    const stderr = cap.stderr().trim();
    expect(code, stderr).toBe(2);
    expect(stderr.split("\n"), "exactly one line").toHaveLength(1);
    expect(stderr).toMatch(/^error: \S.*[.)]$/);
    expect(stderr).not.toMatch(/\n\s+at |ZodError|\[\{/);
    for (const word of c.says) expect(stderr.toLowerCase()).toContain(word.toLowerCase());
    expect(stderr + cap.stdout()).not.toContain("s3cret-pass");
    expect(existsSync(join(dir, "migration-ran")), "the migration command ran").toBe(false);
    expect(
      existsSync(join(dir, "backups")) && readdirSync(join(dir, "backups")).length,
    ).toBeFalsy();
  });
});
