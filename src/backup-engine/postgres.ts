/**
 * PostgreSQL through its own client tools (pg_dump, pg_restore, psql), so the dump format
 * is the one every PostgreSQL user can restore by hand. Custom format by default, written
 * uncompressed by pg_dump because the pipeline compresses (and checksums) the stream.
 */
import type { Readable } from "node:stream";
import type { DatabaseConnection } from "./connection.js";
import { postgresEnv, withDatabase } from "./connection.js";
import type { DatabaseEngine, DumpStream, RestoreOptions } from "./database.js";
import type { ToolOptions } from "./process.js";
import { toolInput, toolOutput, toolOutputFrom, toolText } from "./process.js";
import { SqlSession } from "./sql-session.js";

export type PostgresFormat = "custom" | "plain";

// Ordinary tables outside the system schemas; partitions are counted as themselves.
const COUNT_ROWS_SQL = `SELECT format('SELECT %L, count(*) FROM %I.%I', n.nspname || '.' || c.relname, n.nspname, c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r' AND n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'
ORDER BY 1 \\gexec`;

const TABLE_COUNT_SQL = `SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname <> 'information_schema' AND n.nspname !~ '^pg_';`;

function parseCounts(rows: string[][]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) {
    // The count is the last column; a table name could itself hold a tab.
    if (row.length >= 2) counts[row.slice(0, -1).join("\t")] = Number(row.at(-1));
  }
  return counts;
}

/**
 * `schema.table` of every TABLE DATA entry in `pg_restore --list` output, e.g.
 * `3378; 0 16391 TABLE DATA public customers owner`. Undefined when a name is ambiguous
 * (names with spaces), so the caller compares every table rather than guess.
 */
export function parseTableData(listing: string): Set<string> | undefined {
  const tables = new Set<string>();
  for (const line of listing.split("\n")) {
    const match = /^\d+; \d+ \d+ TABLE DATA (.*)$/.exec(line.trim());
    if (!match) continue;
    const words = match[1]!.split(" ");
    if (words.length !== 3) return undefined;
    tables.add(`${words[0]}.${words[1]}`);
  }
  return tables;
}

function psqlWithVars(
  connection: DatabaseConnection,
  vars: Record<string, string>,
  label: string,
): { argv: string[]; env: Record<string, string>; label: string } {
  const argv = [
    "psql",
    "-X",
    "-q",
    "-A",
    "-t",
    "-F",
    "\t",
    "-v",
    "ON_ERROR_STOP=1",
    "--no-password",
  ];
  for (const [name, value] of Object.entries(vars)) argv.push("-v", `${name}=${value}`);
  return { argv, env: postgresEnv(connection), label };
}

/** A database to connect to for CREATE/DROP DATABASE: the server's `postgres` database. */
function maintenance(connection: DatabaseConnection): DatabaseConnection {
  return withDatabase(connection, connection.params.maintenance_db ?? "postgres");
}

export function postgresEngine(format: PostgresFormat = "custom"): DatabaseEngine {
  return {
    format,
    extension: format === "custom" ? "dump" : "sql",

    async dump(connection, extraArgs, tools): Promise<DumpStream> {
      const env = postgresEnv(connection);
      const session = SqlSession.open(
        connection,
        tools,
        "greenlight-backup",
        "snapshot for pg_dump",
      );
      try {
        await session.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;");
        const [row] = await session.query(
          "SELECT pg_export_snapshot(), current_setting('server_version'), pg_database_size(current_database());",
        );
        const [snapshot, serverVersion, databaseSize] = row ?? [];
        const counts = session.query(COUNT_ROWS_SQL).then(parseCounts);
        counts.catch(() => {});
        const stream = toolOutput(
          {
            argv: [
              "pg_dump",
              `--format=${format}`,
              ...(format === "custom" ? ["--compress=0"] : []),
              "--no-password",
              `--snapshot=${snapshot}`,
              ...extraArgs,
            ],
            env,
            label: "pg_dump",
          },
          tools,
        );
        return {
          stream,
          ...(databaseSize ? { sizeHint: Number(databaseSize) } : {}),
          async finish() {
            const rowCounts = await counts;
            await session.close();
            return {
              ...(serverVersion ? { serverVersion: `PostgreSQL ${serverVersion}` } : {}),
              database: connection.database,
              rowCounts,
            };
          },
          abort: () => session.kill(),
        };
      } catch (error) {
        session.kill();
        throw error;
      }
    },

    async restore(connection, input: Readable, options: RestoreOptions, tools): Promise<void> {
      const env = postgresEnv(connection);
      if (format === "plain") {
        await toolInput(
          {
            argv: [
              "psql",
              "-X",
              "-q",
              "-v",
              "ON_ERROR_STOP=1",
              "--no-password",
              ...options.extraArgs,
            ],
            env,
            label: "psql (restore)",
          },
          input,
          tools,
        );
        return;
      }
      await toolInput(
        {
          argv: [
            "pg_restore",
            "--no-password",
            "--exit-on-error",
            "--no-owner",
            "--no-acl",
            ...(options.clean ? ["--clean", "--if-exists"] : []),
            ...options.extraArgs,
            "--dbname",
            connection.database,
          ],
          env,
          label: "pg_restore",
        },
        input,
        tools,
      );
    },

    ...(format === "custom"
      ? {
          async tablesWithData(input: Readable, tools: ToolOptions) {
            const listing = await toolOutputFrom(
              { argv: ["pg_restore", "--list"], label: "pg_restore --list" },
              input,
              tools,
            );
            return parseTableData(listing);
          },
        }
      : {}),

    async rowCounts(connection, tools) {
      const out = await toolText(
        psqlWithVars(connection, {}, "psql (row counts)"),
        tools,
        COUNT_ROWS_SQL + "\n",
      );
      return parseCounts(out.split("\n").map((line) => line.split("\t")));
    },

    async tableCount(connection, tools) {
      const exists = await toolText(
        psqlWithVars(maintenance(connection), { db: connection.database }, "psql (database check)"),
        tools,
        "SELECT count(*) FROM pg_database WHERE datname = :'db';\n",
      );
      if (exists.trim() === "0") return undefined;
      const out = await toolText(
        psqlWithVars(connection, {}, "psql (table check)"),
        tools,
        TABLE_COUNT_SQL + "\n",
      );
      return Number(out.trim());
    },

    async createDatabase(connection, tools) {
      await toolText(
        psqlWithVars(
          maintenance(connection),
          { db: connection.database },
          "psql (create database)",
        ),
        tools,
        'CREATE DATABASE :"db";\n',
      );
    },

    async dropDatabase(connection, tools) {
      // WITH (FORCE) (PostgreSQL 13+) ends sessions a failed restore may have left behind.
      const version = await toolText(
        psqlWithVars(maintenance(connection), {}, "psql (server version)"),
        tools,
        "SHOW server_version_num;\n",
      );
      const force = Number(version.trim()) >= 130000 ? " WITH (FORCE)" : "";
      await toolText(
        psqlWithVars(maintenance(connection), { db: connection.database }, "psql (drop database)"),
        tools,
        `DROP DATABASE IF EXISTS :"db"${force};\n`,
      );
    },
  };
}
