/**
 * What backup and restore need from a database engine: a dump stream with its metadata,
 * restoring a stream into a database, row counts, and creating, emptiness-checking and
 * dropping databases (for the scratch database of verification and restore targets).
 */
import { randomBytes } from "node:crypto";
import type { Readable } from "node:stream";
import type { DatabaseConnection } from "./connection.js";
import type { ToolOptions } from "./process.js";

export interface SourceMetadata {
  serverVersion?: string;
  database?: string;
  /** Rows per table in the dump, where the source can tell. */
  rowCounts?: Record<string, number>;
}

/** A dump in progress: read `stream` to its end, then `finish` for the metadata. */
export interface DumpStream {
  stream: Readable;
  /** The database's size on disk, an upper bound for the dump: sizes the upload's parts. */
  sizeHint?: number;
  finish(): Promise<SourceMetadata>;
  /** Releases anything the dump holds open after a failure. */
  abort(): void;
}

export interface RestoreOptions {
  /** Drop objects the backup contains before recreating them (restore with overwrite). */
  clean: boolean;
  extraArgs: readonly string[];
}

export interface DatabaseEngine {
  /** Manifest `source.format`. */
  format: string;
  /** File name extension of the dump before compression. */
  extension: string;
  dump(
    connection: DatabaseConnection,
    extraArgs: readonly string[],
    tools: ToolOptions,
  ): Promise<DumpStream>;
  restore(
    connection: DatabaseConnection,
    input: Readable,
    options: RestoreOptions,
    tools: ToolOptions,
  ): Promise<void>;
  rowCounts(connection: DatabaseConnection, tools: ToolOptions): Promise<Record<string, number>>;
  /**
   * The tables whose rows the dump holds, read from its table of contents, where the
   * format has one: dump arguments can leave tables or their data out.
   */
  tablesWithData?(input: Readable, tools: ToolOptions): Promise<Set<string> | undefined>;
  /** Number of user tables, or undefined when the database does not exist. */
  tableCount(connection: DatabaseConnection, tools: ToolOptions): Promise<number | undefined>;
  createDatabase(connection: DatabaseConnection, tools: ToolOptions): Promise<void>;
  dropDatabase(connection: DatabaseConnection, tools: ToolOptions): Promise<void>;
}

/** Differences between two sets of row counts, as sentences; empty when they agree. */
export function compareRowCounts(
  expected: Record<string, number>,
  actual: Record<string, number>,
): string[] {
  const tables = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  const problems: string[] = [];
  for (const table of tables) {
    const want = expected[table];
    const got = actual[table];
    // A dump has no INSERT for an empty table, so "absent" and "0 rows" are the same here.
    if ((want ?? 0) === (got ?? 0)) continue;
    if (got === undefined) problems.push(`table ${table} is missing (expected ${want} rows)`);
    else if (want === undefined)
      problems.push(`table ${table} is not in the backup's manifest (${got} rows)`);
    else problems.push(`table ${table} has ${got} rows, expected ${want}`);
  }
  return problems;
}

/** A name for a scratch database that cannot collide with a real one. */
export function scratchDatabaseName(): string {
  return `greenlight_verify_${randomBytes(5).toString("hex")}`;
}
