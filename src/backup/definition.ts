/**
 * backup's inputs: what to back up (a database URL, a command or paths), where to
 * (destination), how (compression, encryption), verification and retention; all checked
 * before anything runs.
 */
import { z } from "zod";
import type { RunContext } from "../core/action.js";
import { defineAction } from "../core/action.js";
import { ConfigurationError } from "../core/errors.js";
import { booleanInput, durationInput, integerInput, linesInput } from "../core/inputs.js";
import type { DatabaseConnection } from "../backup-engine/connection.js";
import { kindOfUrl, parseDatabaseUrl } from "../backup-engine/connection.js";
import type { BackupParams } from "./main.js";
import { backup } from "./main.js";
import type { RetentionPolicy } from "../backup-engine/retention.js";
import { hasRetentionRule } from "../backup-engine/retention.js";
import type { SourceSpec } from "../backup-engine/source.js";
import {
  setNameInput,
  storeFromInputs,
  storeInputShape,
  toolEnvironment,
} from "../backup-engine/store-inputs.js";
import { backupSummary } from "./summary.js";

const positive = integerInput.refine((n) => n >= 1, { message: "must be at least 1" });

const inputShape = {
  source: z.enum(["postgres", "mysql", "mariadb", "mongodb", "command", "files"]).optional(),
  "database-url": z.string().optional(),
  command: z.string().optional(),
  paths: linesInput.optional(),
  "dump-args": linesInput.optional(),
  "postgres-format": z.enum(["custom", "plain"]).default("custom"),
  name: setNameInput.optional(),
  ...storeInputShape,
  compression: z.enum(["gzip", "none"]).default("gzip"),
  "compression-level": integerInput
    .refine((n) => n >= 1 && n <= 9, { message: "must be between 1 (fastest) and 9 (smallest)" })
    .default(6),
  verify: booleanInput.default(true),
  "verify-url": z.string().optional(),
  "keep-last": positive.optional(),
  "keep-daily": positive.optional(),
  "keep-weekly": positive.optional(),
  "keep-monthly": positive.optional(),
  // Like keep-last 0: a window of nothing would keep nothing but the newest backup.
  "keep-within": durationInput
    .refine((ms) => ms > 0, { message: "must be longer than 0s, such as 7d" })
    .optional(),
  "retention-dry-run": booleanInput.default(false),
};

const inputs = z.object(inputShape);
type Inputs = z.output<typeof inputs>;

function connectionFrom(url: string, input: string, context: RunContext): DatabaseConnection {
  const connection = parseDatabaseUrl(url, input);
  context.secrets.add(connection.password);
  return connection;
}

function sourceKind(params: Inputs): SourceSpec["kind"] {
  const given = params.source === "mariadb" ? "mysql" : params.source;
  if (given) return given;
  if (params["database-url"]) {
    const kind = kindOfUrl(params["database-url"]);
    if (kind) return kind;
    throw new ConfigurationError(
      `Input "database-url" does not say which database it is; start it with postgresql://, mysql://, mariadb:// or mongodb://, or set source.`,
    );
  }
  if (params.command) return "command";
  if (params.paths) return "files";
  throw new ConfigurationError(
    `Nothing to back up: give database-url (a database), command (a command that writes a dump to stdout) or paths (files to archive).`,
  );
}

function sourceFrom(params: Inputs, context: RunContext): SourceSpec {
  const kind = sourceKind(params);
  if (kind === "command") {
    if (!params.command)
      throw new ConfigurationError(
        `Input "command" is required when source is command; give the command that writes the dump to stdout.`,
      );
    return { kind, command: params.command };
  }
  if (kind === "files") {
    if (!params.paths?.length)
      throw new ConfigurationError(
        `Input "paths" is required when source is files; list the files or directories to archive, one per line.`,
      );
    return { kind, paths: params.paths };
  }
  if (!params["database-url"]) {
    throw new ConfigurationError(
      `Input "database-url" is required to back up ${kind}; pass it from a secret, e.g. \${{ secrets.DATABASE_URL }}.`,
    );
  }
  const connection = connectionFrom(params["database-url"], "database-url", context);
  if (connection.kind !== kind) {
    throw new ConfigurationError(
      `Input "database-url" is a ${connection.kind} URL, but source is ${kind}; make them agree.`,
    );
  }
  if (!connection.database) {
    throw new ConfigurationError(
      `Input "database-url" names no database; add it to the path, e.g. postgresql://user@host/orders.`,
    );
  }
  return {
    kind,
    connection,
    postgresFormat: params["postgres-format"],
    dumpArgs: params["dump-args"] ?? [],
  };
}

function retentionFrom(params: Inputs): RetentionPolicy {
  const policy: RetentionPolicy = {};
  if (params["keep-last"] !== undefined) policy.keepLast = params["keep-last"];
  if (params["keep-daily"] !== undefined) policy.keepDaily = params["keep-daily"];
  if (params["keep-weekly"] !== undefined) policy.keepWeekly = params["keep-weekly"];
  if (params["keep-monthly"] !== undefined) policy.keepMonthly = params["keep-monthly"];
  if (params["keep-within"] !== undefined) policy.keepWithinMs = params["keep-within"];
  return policy;
}

export function backupParamsFrom(params: Inputs, context: RunContext): BackupParams {
  const source = sourceFrom(params, context);
  const set = params.name ?? ("connection" in source ? source.connection.database : undefined);
  if (!set) {
    throw new ConfigurationError(
      `Input "name" is required for ${source.kind} backups; name the backup set, e.g. uploads.`,
    );
  }
  if (!setNameInput.safeParse(set).success) {
    throw new ConfigurationError(
      `Input "name" is required because the database name "${set}" cannot name a backup set; give name, e.g. orders-db.`,
    );
  }
  const retention = retentionFrom(params);
  if (hasRetentionRule(retention) && !params.verify) {
    throw new ConfigurationError(
      `Retention counts only verified backups, but verify is false; set verify: true or remove the keep-* inputs.`,
    );
  }
  const verifyConnection = params["verify-url"]
    ? connectionFrom(params["verify-url"], "verify-url", context)
    : undefined;
  if (verifyConnection && verifyConnection.kind !== source.kind) {
    throw new ConfigurationError(
      `Input "verify-url" is a ${verifyConnection.kind} URL, but the backup is of ${source.kind}; give a server of the same kind for the scratch database.`,
    );
  }
  return {
    source,
    set,
    compression: params.compression,
    compressionLevel: params["compression-level"],
    ...(params["encryption-key"] ? { encryptionKey: params["encryption-key"] } : {}),
    verify: params.verify,
    ...(verifyConnection ? { verifyConnection } : {}),
    retention,
    retentionDryRun: params["retention-dry-run"],
  };
}

export const backupAction = defineAction({
  name: "backup",
  inputs,
  secretInputs: ["database-url", "verify-url", "encryption-key"],
  async run(params: Inputs, context) {
    const backupParams = backupParamsFrom(params, context);
    const store = storeFromInputs(params, context);
    const result = await backup(backupParams, {
      store,
      clock: context.clock,
      logger: context.logger,
      secrets: context.secrets,
      tools: { baseEnv: toolEnvironment(context), secrets: context.secrets, cwd: context.cwd },
    });
    return {
      outputs: {
        location: result.location,
        size: String(result.manifest.size),
        sha256: result.manifest.sha256,
        duration: (result.durationMs / 1000).toFixed(1),
        verified: String(result.manifest.verification.verified),
        deleted: JSON.stringify(result.retention?.deleted ?? []),
      },
      summary: backupSummary(result),
      ...(result.retentionError ? { failure: result.retentionError } : {}),
    };
  },
});
