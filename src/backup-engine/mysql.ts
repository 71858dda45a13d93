/**
 * MySQL and MariaDB through their own clients (mariadb-dump/mysqldump and mariadb/mysql,
 * whichever is installed): a consistent dump of one database with --single-transaction.
 */
import type { Readable } from "node:stream";
import type { DatabaseConnection } from "./connection.js";
import { mysqlArgs } from "./connection.js";
import type { DatabaseEngine, DumpStream } from "./database.js";
import { InsertCounter } from "./insert-counter.js";
import type { ToolOptions } from "./process.js";
import { findProgram, toolInput, toolOutput, toolText } from "./process.js";

function quoteIdentifier(name: string): string {
  return "`" + name.replace(/`/g, "``") + "`";
}

function quoteLiteral(value: string): string {
  return "'" + value.replace(/\\/g, "\\\\").replace(/'/g, "\\'") + "'";
}

function client(
  connection: DatabaseConnection,
  tools: ToolOptions,
  label: string,
  database?: string,
) {
  const { args, env } = mysqlArgs(connection);
  return {
    argv: [
      findProgram(["mariadb", "mysql"], tools.baseEnv),
      ...args,
      "-N",
      "-B",
      ...(database ? [database] : []),
    ],
    env,
    label,
  };
}

async function query(
  connection: DatabaseConnection,
  sql: string,
  tools: ToolOptions,
  label: string,
  database?: string,
): Promise<string[][]> {
  const out = await toolText(client(connection, tools, label, database), tools, sql);
  return out
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => line.split("\t"));
}

export function mysqlEngine(): DatabaseEngine {
  return {
    format: "sql",
    extension: "sql",

    async dump(connection, extraArgs, tools): Promise<DumpStream> {
      const [[serverVersion] = []] = await query(
        connection,
        "SELECT VERSION();",
        tools,
        "mariadb (server version)",
      );
      const { args, env } = mysqlArgs(connection);
      const counter = new InsertCounter();
      const output = toolOutput(
        {
          argv: [
            findProgram(["mariadb-dump", "mysqldump"], tools.baseEnv),
            ...args,
            "--single-transaction",
            "--quick",
            "--routines",
            "--triggers",
            "--hex-blob",
            "--no-tablespaces",
            "--default-character-set=utf8mb4",
            ...extraArgs,
            "--",
            connection.database,
          ],
          env,
          label: "mariadb-dump",
        },
        tools,
      );
      output.once("error", (error) => counter.destroy(error));
      const [[dataSize] = []] = await query(
        connection,
        `SELECT COALESCE(SUM(data_length + index_length), 0) FROM information_schema.tables WHERE table_schema = ${quoteLiteral(connection.database)};`,
        tools,
        "mariadb (database size)",
      );
      return {
        stream: output.pipe(counter),
        ...(dataSize ? { sizeHint: Number(dataSize) } : {}),
        finish: () =>
          Promise.resolve({
            ...(serverVersion ? { serverVersion } : {}),
            database: connection.database,
            rowCounts: { ...counter.counts },
          }),
        abort: () => output.destroy(),
      };
    },

    async restore(connection, input: Readable, options, tools): Promise<void> {
      // The dump drops each table before creating it, so `clean` needs no extra flag.
      const { args, env } = mysqlArgs(connection);
      const program = findProgram(["mariadb", "mysql"], tools.baseEnv);
      await toolInput(
        {
          argv: [program, ...args, ...options.extraArgs, connection.database],
          env,
          label: "mariadb (restore)",
        },
        input,
        tools,
      );
    },

    async rowCounts(connection, tools) {
      const tables = await query(
        connection,
        `SELECT table_name FROM information_schema.tables WHERE table_schema = ${quoteLiteral(connection.database)} AND table_type = 'BASE TABLE' ORDER BY table_name;`,
        tools,
        "mariadb (tables)",
      );
      if (tables.length === 0) return {};
      const sql =
        tables
          .map(([name]) => `SELECT ${quoteLiteral(name!)}, COUNT(*) FROM ${quoteIdentifier(name!)}`)
          .join(" UNION ALL ") + ";";
      const rows = await query(connection, sql, tools, "mariadb (row counts)", connection.database);
      return Object.fromEntries(rows.map(([name, count]) => [name!, Number(count)]));
    },

    async tableCount(connection, tools) {
      const [[exists] = []] = await query(
        connection,
        `SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = ${quoteLiteral(connection.database)};`,
        tools,
        "mariadb (database check)",
      );
      if (exists === "0") return undefined;
      const [[count] = []] = await query(
        connection,
        `SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ${quoteLiteral(connection.database)};`,
        tools,
        "mariadb (table check)",
      );
      return Number(count);
    },

    async createDatabase(connection, tools) {
      await query(
        connection,
        `CREATE DATABASE ${quoteIdentifier(connection.database)};`,
        tools,
        "mariadb (create database)",
      );
    },

    async dropDatabase(connection, tools) {
      await query(
        connection,
        `DROP DATABASE IF EXISTS ${quoteIdentifier(connection.database)};`,
        tools,
        "mariadb (drop database)",
      );
    },
  };
}
