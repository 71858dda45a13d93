/**
 * migrate's inputs: the database, the migration (a command or a directory of .sql files),
 * the lock, the release the migration belongs to, and where the backup before it goes. All
 * checked, and the .sql files read, before anything connects to the database.
 */
import { z } from "zod";
import type { DatabaseConnection } from "../backup-engine/connection.js";
import { kindOfUrl, parseDatabaseUrl } from "../backup-engine/connection.js";
import type { BackupParams } from "../backup-engine/take-backup.js";
import type { ReleaseLink } from "../backup-engine/manifest.js";
import {
  setNameInput,
  storeFromInputs,
  storeInputShape,
  toolEnvironment,
} from "../backup-engine/store-inputs.js";
import type { RunContext } from "../core/action.js";
import { defineAction } from "../core/action.js";
import { ConfigurationError } from "../core/errors.js";
import { booleanInput, durationInput } from "../core/inputs.js";
import type { MigrateParams, Migration } from "./main.js";
import { migrate } from "./main.js";
import { readSqlDirectory } from "./plain-sql.js";
import { migrateSummary } from "./summary.js";

const inputShape = {
  "database-url": z.string(),
  command: z.string().trim().min(1, { message: "must not be empty" }).optional(),
  "status-command": z.string().trim().min(1, { message: "must not be empty" }).optional(),
  "sql-dir": z.string().trim().min(1, { message: "must not be empty" }).optional(),
  "sql-table": z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, {
      message:
        "must be a plain table name (letters, digits, underscores), e.g. greenlight_migrations",
    })
    .default("greenlight_migrations"),
  "lock-name": z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,47}$/, {
      message: "must be up to 48 letters, digits, dots, colons, dashes or underscores",
    })
    .default("greenlight-migrate"),
  "lock-timeout": durationInput
    .refine((ms) => ms > 0, {
      message: "must be longer than 0, or a second run could never wait for the first; e.g. 10m",
    })
    .default(10 * 60_000),
  release: z.string().trim().min(1, { message: "must not be empty" }).optional(),
  "release-commit": z.string().trim().optional(),
  environment: z.string().trim().optional(),
  backup: booleanInput.default(true),
  "backup-name": setNameInput.optional(),
  ...storeInputShape,
  destination: storeInputShape.destination.optional(),
};

/** Every input of action.yml, as raw text: a forgotten input fails to compile. */
export type MigrateRawInputs = Record<keyof typeof inputShape, string | undefined>;

const inputs = z.object(inputShape);
type Inputs = z.output<typeof inputs>;

function connectionFrom(params: Inputs, context: RunContext): DatabaseConnection {
  const url = params["database-url"];
  if (!url.trim()) {
    throw new ConfigurationError(
      `Input "database-url" is required: pass the database to migrate from a secret, e.g. \${{ secrets.DATABASE_URL }}.`,
    );
  }
  const kind = kindOfUrl(url);
  if (kind === "mongodb") {
    throw new ConfigurationError(
      `Input "database-url" is a MongoDB URL, but migrate works with PostgreSQL and MariaDB/MySQL; give a postgresql://, mysql:// or mariadb:// URL.`,
    );
  }
  const connection = parseDatabaseUrl(url, "database-url");
  context.secrets.add(connection.password);
  if (!connection.database) {
    throw new ConfigurationError(
      `Input "database-url" names no database; add it to the path, e.g. postgresql://user@host/orders.`,
    );
  }
  return connection;
}

async function migrationFrom(params: Inputs, context: RunContext): Promise<Migration> {
  const command = params.command;
  const directory = params["sql-dir"];
  if (command && directory) {
    throw new ConfigurationError(
      `Inputs "command" and "sql-dir" both say how to migrate; give the command of your migration tool or a directory of .sql files, not both.`,
    );
  }
  if (directory) {
    if (params["status-command"]) {
      throw new ConfigurationError(
        `Input "status-command" goes with "command"; with "sql-dir" the applied files are read from the ${params["sql-table"]} table, so remove it.`,
      );
    }
    const files = await readSqlDirectory(directory, context.cwd);
    return { kind: "sql", directory, files, table: params["sql-table"] };
  }
  if (!command) {
    throw new ConfigurationError(
      `Nothing to migrate with: give "command" (your migration tool, e.g. npx prisma migrate deploy) or "sql-dir" (a directory of .sql files).`,
    );
  }
  return { kind: "command", command, statusCommand: params["status-command"] };
}

function releaseFrom(params: Inputs, context: RunContext): ReleaseLink {
  const commit = params["release-commit"] || context.env.GITHUB_SHA;
  const version = params.release || commit;
  if (!version) {
    throw new ConfigurationError(
      `Input "release" is required outside GitHub Actions: name the release this migration belongs to (e.g. 1.4.0), so its backup can be found with restore --before-release.`,
    );
  }
  return {
    version,
    ...(commit ? { commit } : {}),
    ...(params.environment ? { environment: params.environment } : {}),
  };
}

/** The restore flags that reach the same store again (never a secret). */
function restoreFlags(params: Inputs): string[] {
  const quote = (value: string) =>
    /^[\w./:@-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
  return [
    `--destination ${quote(params.destination!)}`,
    ...(params["s3-endpoint"] ? [`--s3-endpoint ${quote(params["s3-endpoint"])}`] : []),
    ...(params["s3-region"] ? [`--s3-region ${quote(params["s3-region"])}`] : []),
    ...(params["s3-force-path-style"] !== undefined
      ? [`--s3-force-path-style ${String(params["s3-force-path-style"])}`]
      : []),
    ...(params["encryption-key"] ? ['--encryption-key "$BACKUP_ENCRYPTION_KEY"'] : []),
  ];
}

function backupFrom(
  params: Inputs,
  connection: DatabaseConnection,
  release: ReleaseLink,
): BackupParams | undefined {
  if (!params.backup) return undefined;
  if (!params.destination) {
    throw new ConfigurationError(
      `Input "destination" is required for the backup before the migration: give s3://bucket/prefix or a directory, or set backup: false to migrate without one.`,
    );
  }
  const set = params["backup-name"] ?? connection.database;
  if (!setNameInput.safeParse(set).success) {
    throw new ConfigurationError(
      `Input "backup-name" is required because the database name "${set}" cannot name a backup set; give backup-name, e.g. orders-db.`,
    );
  }
  return {
    source: {
      kind: connection.kind as "postgres" | "mysql",
      connection,
      postgresFormat: "custom",
      dumpArgs: [],
    },
    set,
    compression: "gzip",
    compressionLevel: 6,
    ...(params["encryption-key"] ? { encryptionKey: params["encryption-key"] } : {}),
    verify: true,
    retention: {},
    retentionDryRun: false,
    release,
  };
}

export async function migrateParamsFrom(
  params: Inputs,
  context: RunContext,
): Promise<MigrateParams> {
  const connection = connectionFrom(params, context);
  const migration = await migrationFrom(params, context);
  const release = releaseFrom(params, context);
  const backup = backupFrom(params, connection, release);
  return {
    connection,
    migration,
    lock: { name: params["lock-name"], timeoutMs: params["lock-timeout"] },
    release,
    backup,
    restoreFlags: backup ? restoreFlags(params) : [],
  };
}

export const migrateAction = defineAction({
  name: "migrate",
  inputs,
  secretInputs: ["database-url", "encryption-key"],
  async run(params: Inputs, context) {
    const migrateParams = await migrateParamsFrom(params, context);
    const store = migrateParams.backup
      ? storeFromInputs({ ...params, destination: params.destination! }, context)
      : undefined;
    const result = await migrate(migrateParams, {
      clock: context.clock,
      logger: context.logger,
      secrets: context.secrets,
      tools: { baseEnv: toolEnvironment(context), secrets: context.secrets, cwd: context.cwd },
      store,
      cwd: context.cwd,
      env: context.env,
    });
    return {
      outputs: {
        status: result.status,
        applied: JSON.stringify(result.applied),
        backup: result.backup?.location ?? "",
        "restore-command": result.restoreCommand ?? "",
      },
      summary: migrateSummary(result, migrateParams.release),
      ...(result.failure ? { failure: result.failure } : {}),
    };
  },
});
