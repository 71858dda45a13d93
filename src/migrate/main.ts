/**
 * migrate: the database change that travels with a release. In order, all under one
 * database lock:
 *
 *   1. take the migration lock (a second run waits, then fails naming the holder);
 *   2. ask what is pending (the status command, or the plain-SQL table); nothing pending
 *      ends here, with no backup and no migration;
 *   3. take a verified backup with the backup engine, its manifest naming the release;
 *   4. run the migration (the team's command, or the pending .sql files in order);
 *   5. on failure, keep the backup and say how to restore it; never restore by itself.
 */
import type { DatabaseConnection } from "../backup-engine/connection.js";
import type { BackupParams, BackupResult } from "../backup-engine/take-backup.js";
import { backup } from "../backup-engine/take-backup.js";
import type { ReleaseLink } from "../backup-engine/manifest.js";
import type { ToolOptions } from "../backup-engine/process.js";
import type { BackupStore } from "../backup-engine/store.js";
import type { Clock } from "../core/clock.js";
import { errorMessage } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import type { SecretRegistry } from "../core/secrets.js";
import { acquireMigrationLock } from "./database-lock.js";
import type { CommandOptions, CommandRun } from "./migration-command.js";
import { runShellCommand } from "./migration-command.js";
import type { SqlFile } from "./plain-sql.js";
import {
  appliedFiles,
  applySqlFile,
  createTableSql,
  editedFiles,
  pendingFiles,
} from "./plain-sql.js";
import { SqlSession } from "../backup-engine/sql-session.js";

export type Migration =
  | { kind: "command"; command: string; statusCommand?: string | undefined }
  | { kind: "sql"; directory: string; files: SqlFile[]; table: string };

export interface MigrateParams {
  connection: DatabaseConnection;
  migration: Migration;
  lock: { name: string; timeoutMs: number };
  release: ReleaseLink;
  /** The backup to take before migrating; absent when the environment turned it off. */
  backup?: BackupParams | undefined;
  /** How to reach the backups again, as restore flags (destination, endpoint, region…). */
  restoreFlags: string[];
}

export interface MigrateDeps {
  clock: Clock;
  logger: Logger;
  secrets: SecretRegistry;
  tools: ToolOptions;
  store?: BackupStore | undefined;
  cwd: string;
  env: Record<string, string | undefined>;
  runCommand?: (command: string, options: CommandOptions) => Promise<CommandRun>;
}

export type MigrateStatus = "migrated" | "up-to-date" | "failed";

export interface MigrateResult {
  status: MigrateStatus;
  /** Why nothing ran, or what ran. */
  detail: string;
  /** The .sql files applied by this run (plain-SQL runner). */
  applied: string[];
  backup?: { location: string; name: string; set: string };
  restoreCommand?: string;
  failure?: string;
}

interface Pending {
  pending: boolean;
  detail: string;
  files?: SqlFile[];
}

function commandOptions(params: MigrateParams, deps: MigrateDeps): CommandOptions {
  return {
    cwd: deps.cwd,
    env: deps.tools.baseEnv,
    secrets: deps.secrets,
    databaseUrl: params.connection.url,
  };
}

async function findPending(
  params: MigrateParams,
  deps: MigrateDeps,
  session: () => SqlSession,
): Promise<Pending> {
  const { migration } = params;
  if (migration.kind === "sql") {
    const applied = await appliedFiles(session(), params.connection.kind, migration.table);
    for (const name of editedFiles(migration.files, applied)) {
      deps.logger.warning(
        `${name} changed after it was applied; applied files are never run again, so put the change in a new file.`,
      );
    }
    const files = pendingFiles(migration.files, applied);
    return files.length === 0
      ? { pending: false, detail: `all ${migration.files.length} .sql files are applied` }
      : { pending: true, detail: `${files.length} .sql file(s) pending`, files };
  }
  if (!migration.statusCommand) {
    return { pending: true, detail: "no status command, so the migration command decides" };
  }
  const run = deps.runCommand ?? runShellCommand;
  const status = await deps.logger.group("Migration status", async () => {
    const result = await run(migration.statusCommand!, commandOptions(params, deps));
    if (result.output.trim()) deps.logger.info(result.output.trimEnd());
    return result;
  });
  return status.exitCode === 0
    ? { pending: false, detail: "the status command reports nothing pending" }
    : { pending: true, detail: `the status command exited with ${status.exitCode}` };
}

function restoreCommand(params: MigrateParams, taken: BackupResult): string {
  return [
    "greenlight restore",
    `--name ${taken.manifest.set}`,
    `--backup ${taken.manifest.name}`,
    ...params.restoreFlags,
    '--target-url "$DATABASE_URL"',
    "--overwrite true",
  ].join(" ");
}

async function takeBackup(
  params: BackupParams,
  deps: MigrateDeps,
): Promise<BackupResult | { error: string }> {
  if (!deps.store) return { error: "no backup store was configured" };
  try {
    return await backup(params, {
      store: deps.store,
      clock: deps.clock,
      logger: deps.logger,
      secrets: deps.secrets,
      tools: deps.tools,
    });
  } catch (error) {
    return { error: errorMessage(error) };
  }
}

/** Runs the migration; returns the files applied, or why it failed. */
async function runMigration(
  params: MigrateParams,
  deps: MigrateDeps,
  pending: Pending,
  session: () => SqlSession,
): Promise<{ applied: string[]; error?: string }> {
  const { migration } = params;
  if (migration.kind === "command") {
    const run = deps.runCommand ?? runShellCommand;
    // The command is not a secret, but someone may have written the URL into it.
    const title = `Migration output (${deps.secrets.redact(migration.command)})`;
    const result = await deps.logger.group(title, async () => {
      const ran = await run(migration.command, commandOptions(params, deps));
      if (ran.output.trim()) deps.logger.info(ran.output.trimEnd());
      return ran;
    });
    return result.exitCode === 0
      ? { applied: [] }
      : { applied: [], error: `the migration command exited with code ${result.exitCode}` };
  }
  await session().query(createTableSql(migration.table));
  const applied: string[] = [];
  for (const file of pending.files ?? []) {
    const error = await deps.logger.group(`Applying ${file.name}`, async () => {
      try {
        const output = await applySqlFile(
          params.connection,
          migration.table,
          file,
          params.release.version,
          deps.tools,
        );
        if (output.trim()) deps.logger.info(deps.secrets.redact(output.trimEnd()));
        return undefined;
      } catch (failure) {
        const message = deps.secrets.redact(errorMessage(failure));
        deps.logger.info(message);
        return message;
      }
    });
    if (error) return { applied, error: `${file.name} failed: ${error.replace(/\.$/, "")}` };
    applied.push(file.name);
  }
  return { applied };
}

export async function migrate(params: MigrateParams, deps: MigrateDeps): Promise<MigrateResult> {
  const lock = await acquireMigrationLock(
    {
      connection: params.connection,
      name: params.lock.name,
      timeoutMs: params.lock.timeoutMs,
      holderName: `greenlight-migrate ${params.release.environment ?? ""} ${params.release.version}`
        .replace(/\s+/g, " ")
        .slice(0, 63),
    },
    deps,
  );
  // A session of its own for reading and preparing the plain-SQL table, opened on demand.
  let reader: SqlSession | undefined;
  const session = () =>
    (reader ??= SqlSession.open(params.connection, deps.tools, "greenlight-migrate"));
  try {
    const pending = await findPending(params, deps, session);
    if (!pending.pending) {
      deps.logger.info(`Nothing to migrate: ${pending.detail}; no backup taken.`);
      return { status: "up-to-date", detail: pending.detail, applied: [] };
    }
    deps.logger.info(`Migrating: ${pending.detail}.`);
    let taken: BackupResult | undefined;
    if (params.backup) {
      const result = await takeBackup(params.backup, deps);
      if ("error" in result) {
        const failure = `The backup before the migration failed, so nothing was migrated: ${result.error.replace(/\.$/, "")}.`;
        return { status: "failed", detail: pending.detail, applied: [], failure };
      }
      taken = result;
      deps.logger.info(`Backup taken before release ${params.release.version}: ${taken.location}`);
    }
    const ran = await runMigration(params, deps, pending, session);
    const backupInfo = taken
      ? { location: taken.location, name: taken.manifest.name, set: taken.manifest.set }
      : undefined;
    if (!ran.error) {
      return {
        status: "migrated",
        detail: pending.detail,
        applied: ran.applied,
        ...(backupInfo ? { backup: backupInfo } : {}),
      };
    }
    const restore = taken ? restoreCommand(params, taken) : undefined;
    const kept = taken
      ? ` The backup taken before it is kept: ${taken.location}. To put the data back as it was (losing writes since), run: ${restore}`
      : " No backup was taken (backup is off).";
    return {
      status: "failed",
      detail: pending.detail,
      applied: ran.applied,
      ...(backupInfo ? { backup: backupInfo } : {}),
      ...(restore ? { restoreCommand: restore } : {}),
      failure: `The migration failed: ${ran.error}.${kept}`,
    };
  } finally {
    await reader?.close();
    await lock.release();
  }
}
