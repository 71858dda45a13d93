/**
 * The backup an environment can ask for before every rollback (backup-before-rollback in
 * the config file): a verified backup with the backup engine, taken before traffic moves.
 * Only a backup: putting data back loses every write since, so it stays an explicit restore.
 */
import type { DatabaseConnection } from "../backup-engine/connection.js";
import { parseDatabaseUrl } from "../backup-engine/connection.js";
import type { BackupParams } from "../backup-engine/take-backup.js";
import { backup } from "../backup-engine/take-backup.js";
import { storeFromInputs, toolEnvironment } from "../backup-engine/store-inputs.js";
import type { EnvironmentConfig } from "../config/schema.js";
import type { RunContext } from "../core/action.js";
import { ConfigurationError, errorMessage } from "../core/errors.js";

type Settings = NonNullable<EnvironmentConfig["backup-before-rollback"]>;

export interface RollbackBackupPlan {
  settings: Settings;
  params: BackupParams;
}

/** Checks the inputs against what the environment asks; runs nothing. */
export function planRollbackBackup(
  environment: string,
  settings: Settings | undefined,
  inputs: { "database-url"?: string | undefined; "encryption-key"?: string | undefined },
  context: RunContext,
): RollbackBackupChoice {
  const url = inputs["database-url"] || undefined;
  // A workflow may pass the database to every rollback; only an environment that asks uses it.
  if (!settings) return undefined;
  if (!url) {
    throw new ConfigurationError(
      `Environment "${environment}" takes a backup before every rollback, so input "database-url" is required; pass the database from a secret, e.g. \${{ secrets.DATABASE_URL }}.`,
    );
  }
  const connection: DatabaseConnection = parseDatabaseUrl(url, "database-url");
  context.secrets.add(connection.password);
  if (connection.kind === "mongodb" || !connection.database) {
    throw new ConfigurationError(
      `Input "database-url" must name a PostgreSQL or MariaDB/MySQL database, e.g. postgresql://user@host/orders.`,
    );
  }
  const set = settings.name ?? connection.database;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(set)) {
    throw new ConfigurationError(
      `The database name "${set}" cannot name a backup set; give backup-before-rollback.name in the config file, e.g. orders-db.`,
    );
  }
  return {
    settings,
    params: {
      source: { kind: connection.kind, connection, postgresFormat: "custom", dumpArgs: [] },
      set,
      compression: "gzip",
      compressionLevel: 6,
      ...(inputs["encryption-key"] ? { encryptionKey: inputs["encryption-key"] } : {}),
      verify: true,
      retention: {},
      retentionDryRun: false,
    },
  };
}

type RollbackBackupChoice = RollbackBackupPlan | undefined;

/** Takes the backup; a failure is reported, never thrown: it must not hold the rollback up. */
export async function takeRollbackBackup(
  plan: RollbackBackupPlan,
  context: RunContext,
): Promise<{ location: string } | { error: string }> {
  try {
    const store = storeFromInputs(
      {
        destination: plan.settings.destination,
        "s3-endpoint": plan.settings["s3-endpoint"],
        "s3-region": plan.settings["s3-region"],
      },
      context,
    );
    const taken = await context.logger.group("Backup before the rollback", () =>
      backup(plan.params, {
        store,
        clock: context.clock,
        logger: context.logger,
        secrets: context.secrets,
        tools: { baseEnv: toolEnvironment(context), secrets: context.secrets, cwd: context.cwd },
      }),
    );
    return { location: taken.location };
  } catch (error) {
    return { error: context.secrets.redact(errorMessage(error)) };
  }
}
