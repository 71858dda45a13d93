/**
 * restore: choose a backup, check the target may be written, prove the stored object
 * matches its manifest's SHA-256, and only then restore; afterwards compare row counts
 * with the manifest where the source recorded them.
 */
import { performance } from "node:perf_hooks";
import { compareRowCounts } from "../backup-engine/database.js";
import type { BackupManifest } from "../backup-engine/manifest.js";
import { listBackups } from "../backup-engine/manifest.js";
import type { ToolOptions } from "../backup-engine/process.js";
import { MissingKeyError, checkStoredBackup, openBackup } from "../backup-engine/read-backup.js";
import type { BackupStore } from "../backup-engine/store.js";
import { ConfigurationError, OperationFailedError, errorMessage } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import type { SecretRegistry } from "../core/secrets.js";
import type { BackupChoice } from "./select-backup.js";
import { selectBackup } from "./select-backup.js";
import type { RestoreTarget, TargetSpec } from "./target.js";
import { inspectTarget, resolveTarget, restoreInto } from "./target.js";

export interface RestoreParams {
  set: string;
  choice: BackupChoice;
  allowUnverified: boolean;
  target: TargetSpec;
  overwrite: boolean;
  encryptionKey?: string;
}

export interface RestoreDeps {
  store: BackupStore;
  logger: Logger;
  secrets: SecretRegistry;
  tools: ToolOptions;
  now?: () => number;
}

export interface RestoreResult {
  location: string;
  manifest: BackupManifest;
  target: string;
  durationMs: number;
  /** Row counts compared with the manifest and equal; false when they could not be compared. */
  verified: boolean;
  verification: string;
  /** Set when the restore ran but the restored data differs from the manifest. */
  failure?: string;
}

const TARGET_KINDS: Record<BackupManifest["source"]["kind"], RestoreTarget["kind"]> = {
  postgres: "database",
  mysql: "database",
  mongodb: "database",
  files: "directory",
  command: "command",
};

const TARGET_INPUT: Record<RestoreTarget["kind"], string> = {
  database: "target-url",
  directory: "target-path",
  command: "restore-command",
};

function requireMatchingTarget(manifest: BackupManifest, target: TargetSpec): void {
  const wanted = TARGET_KINDS[manifest.source.kind];
  const kindOk =
    wanted === target.kind &&
    (target.kind !== "database" || target.connection.kind === manifest.source.kind);
  if (!kindOk) {
    throw new ConfigurationError(
      `The chosen backup is a ${manifest.source.kind} backup; give ${TARGET_INPUT[wanted]}${wanted === "database" ? ` (a ${manifest.source.kind} URL)` : ""} to restore it.`,
    );
  }
}

async function compareAfterRestore(
  manifest: BackupManifest,
  target: RestoreTarget,
  tools: ToolOptions,
): Promise<{ verified: boolean; detail: string; failure?: string }> {
  const expected = manifest["row-counts"];
  if (target.kind !== "database" || !expected || target.connection.kind === "mongodb") {
    return {
      verified: false,
      detail: "restored; this kind of backup records no row counts to compare",
    };
  }
  const actual = await target.engine.rowCounts(target.connection, tools);
  // Tables the target had besides the backup's (restore with overwrite) are not the backup's business.
  const relevant = Object.fromEntries(
    Object.entries(actual).filter(([table]) => table in expected),
  );
  const problems = compareRowCounts(expected, relevant);
  if (problems.length > 0) {
    const detail = `the restored data differs from the backup's manifest: ${problems.join("; ")}`;
    return { verified: false, detail, failure: `Restore finished, but ${detail}.` };
  }
  const rows = Object.values(expected).reduce((a, b) => a + b, 0);
  return {
    verified: true,
    detail: `row counts match the manifest: ${Object.keys(expected).length} tables, ${rows} rows`,
  };
}

export async function restore(params: RestoreParams, deps: RestoreDeps): Promise<RestoreResult> {
  const now = deps.now ?? (() => performance.now());
  const start = now();
  const redact = (text: string) => deps.secrets.redact(text);

  const { backups } = await listBackups(deps.store, params.set);
  const selection = selectBackup(backups, params.choice, params.allowUnverified);
  if (!selection.backup) {
    throw new OperationFailedError(
      `Nothing to restore from set ${params.set}: ${selection.reason}.`,
    );
  }
  const { manifest } = selection.backup;
  const location = deps.store.location(manifest.object);
  deps.logger.info(
    `Restoring ${location} (${manifest.source.kind}, started ${manifest["started-at"]})`,
  );
  requireMatchingTarget(manifest, params.target);
  if (manifest.encryption !== "none" && !params.encryptionKey) {
    throw new ConfigurationError(
      `Input "encryption-key" is required: the chosen backup is encrypted; pass the key it was made with.`,
    );
  }

  const target = resolveTarget(params.target, manifest);
  const state = await inspectTarget(target, deps.tools);
  if (state.empty === undefined && !params.overwrite) {
    throw new ConfigurationError(
      `Cannot tell whether ${state.description} is empty; set overwrite: true to restore into it anyway.`,
    );
  }
  if (state.empty === false && !params.overwrite) {
    throw new ConfigurationError(
      `Refusing to restore into ${redact(state.description)}: it is not empty; set overwrite: true to replace what the backup contains, or choose an empty target.`,
    );
  }

  await deps.logger.group("Checking the backup's SHA-256 (and key) before restoring", async () => {
    try {
      await checkStoredBackup(deps.store, manifest, params.encryptionKey);
    } catch (error) {
      throw new OperationFailedError(
        redact(`Refusing to restore ${location}: ${errorMessage(error)}. Nothing was changed.`),
      );
    }
  });

  await deps.logger.group(`Restoring into ${state.description}`, async () => {
    try {
      const open = () => openBackup(deps.store, manifest, params.encryptionKey);
      await restoreInto(target, open, state, params.overwrite, deps.tools);
    } catch (error) {
      if (error instanceof MissingKeyError)
        throw new ConfigurationError(`Input "encryption-key" is required: ${error.message}.`);
      throw new OperationFailedError(
        redact(`Restoring ${location} failed: ${errorMessage(error).replace(/\.$/, "")}.`),
      );
    }
  });

  const comparison = await compareAfterRestore(manifest, target, deps.tools);
  deps.logger.info(comparison.detail);
  return {
    location,
    manifest,
    target: redact(state.description),
    durationMs: now() - start,
    verified: comparison.verified,
    verification: comparison.detail,
    ...(comparison.failure ? { failure: redact(comparison.failure) } : {}),
  };
}
