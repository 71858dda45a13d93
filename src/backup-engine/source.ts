/**
 * What is backed up: a database (PostgreSQL, MySQL/MariaDB, MongoDB), any command that
 * writes a dump to stdout, or files and directories (as a tar stream).
 */
import type { DatabaseConnection } from "./connection.js";
import type { DatabaseEngine, DumpStream } from "./database.js";
import type { SourceKind } from "./manifest.js";
import { mongoEngine } from "./mongodb.js";
import { mysqlEngine } from "./mysql.js";
import type { PostgresFormat } from "./postgres.js";
import { postgresEngine } from "./postgres.js";
import type { ToolOptions } from "./process.js";
import { toolOutput } from "./process.js";

export type SourceSpec =
  | {
      kind: "postgres" | "mysql" | "mongodb";
      connection: DatabaseConnection;
      postgresFormat: PostgresFormat;
      dumpArgs: string[];
    }
  | { kind: "command"; command: string }
  | { kind: "files"; paths: string[] };

export function engineFor(
  kind: SourceKind,
  postgresFormat: PostgresFormat = "custom",
): DatabaseEngine | undefined {
  switch (kind) {
    case "postgres":
      return postgresEngine(postgresFormat);
    case "mysql":
      return mysqlEngine();
    case "mongodb":
      return mongoEngine();
    default:
      return undefined;
  }
}

export function sourceFormat(spec: SourceSpec): { format: string; extension: string } {
  if (spec.kind === "command") return { format: "stdout", extension: "out" };
  if (spec.kind === "files") return { format: "tar", extension: "tar" };
  const engine = engineFor(spec.kind, spec.postgresFormat)!;
  return { format: engine.format, extension: engine.extension };
}

export async function startDump(spec: SourceSpec, tools: ToolOptions): Promise<DumpStream> {
  if (spec.kind === "command") {
    const stream = toolOutput(
      { argv: ["sh", "-c", spec.command], label: "the backup command" },
      tools,
    );
    return { stream, finish: () => Promise.resolve({}), abort: () => stream.destroy() };
  }
  if (spec.kind === "files") {
    const stream = toolOutput(
      { argv: ["tar", "--create", "--file=-", "--", ...spec.paths], label: "tar" },
      tools,
    );
    return { stream, finish: () => Promise.resolve({}), abort: () => stream.destroy() };
  }
  return engineFor(spec.kind, spec.postgresFormat)!.dump(spec.connection, spec.dumpArgs, tools);
}
