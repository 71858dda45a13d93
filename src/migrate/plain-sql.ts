/**
 * The runner for teams with no migration tool: a directory of plain .sql files, applied in
 * name order (numbers compared as numbers: 2_x before 10_x), each once, recorded in a table
 * with its checksum and the release that applied it. On PostgreSQL a file and its record
 * commit together; MariaDB/MySQL commit DDL as they go, so there the record follows the
 * file only when every statement succeeded.
 */
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { DatabaseConnection } from "../backup-engine/connection.js";
import { mysqlArgs, postgresEnv } from "../backup-engine/connection.js";
import type { ToolCommand, ToolOptions } from "../backup-engine/process.js";
import { findProgram, toolText } from "../backup-engine/process.js";
import { ConfigurationError } from "../core/errors.js";
import type { SqlSession } from "../backup-engine/sql-session.js";

export interface SqlFile {
  name: string;
  sql: string;
  checksum: string;
}

/** Reads the directory's .sql files in the order they apply; bad input is refused here. */
export async function readSqlDirectory(directory: string, cwd: string): Promise<SqlFile[]> {
  const path = resolve(cwd, directory);
  const inside = relative(cwd, path);
  if (inside.startsWith("..") || resolve(cwd, inside) !== path) {
    throw new ConfigurationError(
      `Input "sql-dir" (${directory}) is outside the workspace; give a directory inside it, e.g. db/migrations.`,
    );
  }
  let names: string[];
  try {
    names = await fs.readdir(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigurationError(
      code === "ENOENT"
        ? `Input "sql-dir" names ${directory}, which does not exist; give the directory that holds the .sql files.`
        : `Input "sql-dir" names ${directory}, which cannot be read (${code ?? "error"}); give a readable directory of .sql files.`,
    );
  }
  const sqlNames = names
    .filter((n) => n.endsWith(".sql"))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  if (sqlNames.length === 0) {
    throw new ConfigurationError(
      `Input "sql-dir" names ${directory}, which holds no .sql files; add the migrations (e.g. 001_create_orders.sql) or give the command input instead.`,
    );
  }
  const files: SqlFile[] = [];
  for (const name of sqlNames) {
    if (name.length > 255) {
      throw new ConfigurationError(
        `Input "sql-dir" holds a file whose name is longer than 255 characters (${name.slice(0, 40)}…); shorten it.`,
      );
    }
    let sql: string;
    try {
      sql = await fs.readFile(join(path, name), "utf8");
    } catch (error) {
      throw new ConfigurationError(
        `Input "sql-dir": ${name} cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"}); check its permissions.`,
      );
    }
    files.push({ name, sql, checksum: createHash("sha256").update(sql).digest("hex") });
  }
  return files;
}

function literal(value: string): string {
  return "'" + value.replace(/'/g, "''") + "'";
}

/** The files already recorded (name → checksum); none while the table does not exist. */
export async function appliedFiles(
  session: SqlSession,
  kind: DatabaseConnection["kind"],
  table: string,
): Promise<Map<string, string>> {
  const exists =
    kind === "postgres"
      ? `SELECT to_regclass(${literal(table)}) IS NOT NULL;`
      : `SELECT COUNT(*) > 0 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ${literal(table)};`;
  const [[answer] = []] = await session.query(exists);
  if (answer !== "t" && answer !== "1") return new Map();
  const rows = await session.query(`SELECT name, checksum FROM ${table} ORDER BY name;`);
  return new Map(rows.map(([name, checksum]) => [name!, checksum ?? ""]));
}

export function pendingFiles(files: SqlFile[], applied: Map<string, string>): SqlFile[] {
  return files.filter((f) => !applied.has(f.name));
}

/** Files whose content changed after they were applied: worth a warning, never a re-run. */
export function editedFiles(files: SqlFile[], applied: Map<string, string>): string[] {
  return files
    .filter((f) => applied.has(f.name) && applied.get(f.name) !== f.checksum)
    .map((f) => f.name);
}

export function createTableSql(table: string): string {
  return `CREATE TABLE IF NOT EXISTS ${table} (name VARCHAR(255) PRIMARY KEY, checksum CHAR(64) NOT NULL, release_version VARCHAR(255), applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP);`;
}

function clientCommand(
  connection: DatabaseConnection,
  tools: ToolOptions,
  file: string,
): ToolCommand {
  const label = `${file}`;
  if (connection.kind === "postgres") {
    return {
      argv: ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-w"],
      env: { ...postgresEnv(connection), PGAPPNAME: "greenlight-migrate" },
      label,
    };
  }
  const { args, env } = mysqlArgs(connection);
  return {
    argv: [findProgram(["mariadb", "mysql"], tools.baseEnv), ...args, connection.database],
    env,
    label,
  };
}

/** Applies one file and records it; returns the client's output. */
export async function applySqlFile(
  connection: DatabaseConnection,
  table: string,
  file: SqlFile,
  release: string,
  tools: ToolOptions,
): Promise<string> {
  const record = `INSERT INTO ${table} (name, checksum, release_version) VALUES (${literal(file.name)}, ${literal(file.checksum)}, ${literal(release)});`;
  // A file without a final semicolon must not swallow the record into its last statement
  // (an extra empty statement is an error for the MariaDB client, so only when needed).
  const body = file.sql.trimEnd();
  const sql = body.endsWith(";") ? body : `${body}\n;`;
  const input =
    connection.kind === "postgres" ? `BEGIN;\n${sql}\n${record}\nCOMMIT;\n` : `${sql}\n${record}\n`;
  return toolText(clientCommand(connection, tools, file.name), tools, input);
}
