/**
 * Verification of a new backup before its manifest exists. Databases that can be counted
 * are restored into a scratch database on the same server (or `verify-url`'s) and their
 * row counts compared with what the dump held; the scratch database is always dropped.
 * Everything else is read back: download, checksum, decrypt and decompress to the end.
 */
import { pipeline } from "node:stream/promises";
import { errorMessage } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import type { DatabaseConnection } from "./connection.js";
import { withDatabase } from "./connection.js";
import { compareRowCounts, scratchDatabaseName } from "./database.js";
import type { BackupManifest } from "./manifest.js";
import type { ToolOptions } from "./process.js";
import { discard, openBackup } from "./read-backup.js";
import type { PostgresFormat } from "./postgres.js";
import { engineFor } from "./source.js";
import type { BackupStore } from "./store.js";

export interface VerificationTarget {
  /** The server to create the scratch database on. */
  connection?: DatabaseConnection;
  postgresFormat: PostgresFormat;
}

export interface VerificationResult {
  passed: boolean;
  method: "restore" | "read-back";
  detail: string;
  /** The row counts of the tables the dump holds data for (what the manifest records). */
  rowCounts?: Record<string, number>;
}

/** Only the tables the dump holds rows for: the others were left out on purpose. */
function restrictTo(counts: Record<string, number>, tables: Set<string> | undefined) {
  if (!tables) return counts;
  return Object.fromEntries(Object.entries(counts).filter(([table]) => tables.has(table)));
}

export async function verifyBackup(
  manifest: BackupManifest,
  target: VerificationTarget,
  deps: { store: BackupStore; tools: ToolOptions; logger: Logger; encryptionKey?: string },
): Promise<VerificationResult> {
  const kind = manifest.source.kind;
  const engine =
    kind === "postgres" || kind === "mysql" ? engineFor(kind, target.postgresFormat) : undefined;
  if (!engine || !target.connection || !manifest["row-counts"]) {
    try {
      await pipeline(await openBackup(deps.store, manifest, deps.encryptionKey), discard());
      return {
        passed: true,
        method: "read-back",
        detail: "read back: checksum, decryption and decompression passed",
      };
    } catch (error) {
      return {
        passed: false,
        method: "read-back",
        detail: `reading the backup back failed: ${errorMessage(error)}`,
      };
    }
  }
  const scratch = withDatabase(target.connection, scratchDatabaseName());
  deps.logger.info(`Restoring into scratch database ${scratch.database} to verify`);
  try {
    const withData = engine.tablesWithData
      ? await engine.tablesWithData(
          await openBackup(deps.store, manifest, deps.encryptionKey),
          deps.tools,
        )
      : undefined;
    const expected = restrictTo(manifest["row-counts"], withData);
    await engine.createDatabase(scratch, deps.tools);
    await engine.restore(
      scratch,
      await openBackup(deps.store, manifest, deps.encryptionKey),
      { clean: false, extraArgs: [] },
      deps.tools,
    );
    const counts = await engine.rowCounts(scratch, deps.tools);
    const problems = compareRowCounts(expected, counts);
    if (problems.length > 0) {
      return {
        passed: false,
        method: "restore",
        detail: `the restored copy differs: ${problems.join("; ")}`,
      };
    }
    const tables = Object.keys(counts).length;
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    return {
      passed: true,
      method: "restore",
      detail: `restored into a scratch database: ${tables} tables, ${rows} rows match`,
      rowCounts: expected,
    };
  } catch (error) {
    return {
      passed: false,
      method: "restore",
      detail: `restoring into a scratch database failed: ${errorMessage(error)}`,
    };
  } finally {
    try {
      await engine.dropDatabase(scratch, deps.tools);
    } catch (error) {
      deps.logger.warning(
        `Could not drop scratch database ${scratch.database}: ${errorMessage(error)}`,
      );
    }
  }
}
