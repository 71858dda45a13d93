/**
 * backup: dump → compress → encrypt → upload as one stream with its SHA-256 computed on the
 * way; then verify; then write the manifest (the backup exists from that moment); then
 * apply retention, which only ever runs after this run's backup verified.
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import type { Clock } from "../core/clock.js";
import { OperationFailedError, errorMessage } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import type { SecretRegistry } from "../core/secrets.js";
import type { DatabaseConnection } from "./connection.js";
import type { DumpStream } from "./database.js";
import { ENCRYPTION_NAME, EncryptStream } from "./encryption.js";
import { scavengeEvery } from "./garbage.js";
import type { BackupManifest, ReleaseLink } from "./manifest.js";
import { listBackups, manifestKey, serializeManifest, timestampName } from "./manifest.js";
import type { ToolOptions } from "./process.js";
import type { RetentionPolicy } from "./retention.js";
import { applyRetention, hasRetentionRule } from "./retention.js";
import type { SourceSpec } from "./source.js";
import { sourceFormat, startDump } from "./source.js";
import type { BackupStore } from "./store.js";
import { ObjectExistsError } from "./store.js";
import { ByteCounter, DigestTap } from "./stream-taps.js";
import type { VerificationResult, VerificationTarget } from "./verify-backup.js";
import { verifyBackup } from "./verify-backup.js";

export interface BackupParams {
  source: SourceSpec;
  /** The backup set: backups of one source share it, and retention works within it. */
  set: string;
  compression: "gzip" | "none";
  compressionLevel: number;
  encryptionKey?: string;
  verify: boolean;
  /** Server for the scratch database; defaults to the source's. */
  verifyConnection?: DatabaseConnection;
  retention: RetentionPolicy;
  retentionDryRun: boolean;
  /** The release the backup is taken before, recorded in its manifest. */
  release?: ReleaseLink;
}

export interface BackupDeps {
  store: BackupStore;
  clock: Clock;
  logger: Logger;
  secrets: SecretRegistry;
  tools: ToolOptions;
  /** High-resolution time in ms (performance.now). */
  now?: () => number;
}

export interface RetentionOutcome {
  kept: { location: string; reasons: string[] }[];
  deleted: string[];
  /** What a dry run would have deleted. */
  wouldDelete: string[];
}

export interface BackupResult {
  location: string;
  manifest: BackupManifest;
  durationMs: number;
  verification?: VerificationResult;
  retention?: RetentionOutcome;
  /** Set when the backup is safe but retention failed. */
  retentionError?: string;
}

function objectKey(params: BackupParams, started: Date): string {
  const { extension } = sourceFormat(params.source);
  const suffix = [
    extension,
    ...(params.compression === "gzip" ? ["gz"] : []),
    ...(params.encryptionKey ? ["enc"] : []),
  ].join(".");
  return `${params.set}/${timestampName(started)}-${randomBytes(3).toString("hex")}.${suffix}`;
}

/** Streams the dump into the store; returns the stored size and SHA-256. */
async function streamToStore(
  dump: DumpStream,
  key: string,
  params: BackupParams,
  store: BackupStore,
): Promise<{ size: number; sha256: string; dumpSize: number }> {
  const counter = new ByteCounter(scavengeEvery(8 * 1024 * 1024));
  const digest = new DigestTap();
  const stages: NodeJS.ReadWriteStream[] = [counter];
  if (params.compression === "gzip") stages.push(createGzip({ level: params.compressionLevel }));
  if (params.encryptionKey) stages.push(new EncryptStream(params.encryptionKey));
  // The store reads `digest`; the pipeline fails every stage, and so the upload, if the
  // dump fails at any point (a dump cut short must never be stored as complete).
  const flowing = pipeline([dump.stream as Readable, ...stages, digest] as unknown as [
    Readable,
    ...NodeJS.ReadWriteStream[],
  ]);
  // Wait for both sides to settle, so a failed upload has cleaned up before we go on; the
  // dump's error, if any, is the more telling reason.
  const [dumped, uploaded] = await Promise.allSettled([
    flowing,
    store.upload(key, digest, dump.sizeHint),
  ]);
  if (dumped.status === "rejected") throw dumped.reason;
  if (uploaded.status === "rejected") throw uploaded.reason;
  // A dump tool told to write elsewhere (--file in dump-args) still exits 0, leaving only
  // the compression's frame: an empty dump is no backup.
  if (counter.bytes === 0) {
    throw new Error(
      `the dump was empty (0 bytes on standard output); check dump-args, where an option such as --file sends the dump elsewhere`,
    );
  }
  return { size: digest.bytesSeen, sha256: digest.sha256, dumpSize: counter.bytes };
}

async function removeQuietly(store: BackupStore, key: string, logger: Logger): Promise<void> {
  try {
    await store.remove(key);
  } catch (error) {
    logger.warning(
      `Could not remove the incomplete object ${store.location(key)}: ${errorMessage(error)}`,
    );
  }
}

async function runRetention(params: BackupParams, deps: BackupDeps): Promise<RetentionOutcome> {
  const { backups, broken } = await listBackups(deps.store, params.set);
  for (const key of broken)
    deps.logger.warning(
      `Ignoring ${deps.store.location(key)}: unreadable manifest or missing data`,
    );
  const decision = applyRetention(
    backups.map((b) => ({ ...b, verified: b.manifest.verification.verified })),
    params.retention,
    deps.clock.now(),
  );
  const outcome: RetentionOutcome = {
    kept: decision.keep.map((k) => ({
      location: deps.store.location(k.backup.key),
      reasons: k.reasons,
    })),
    deleted: [],
    wouldDelete: [],
  };
  for (const backup of decision.delete) {
    const location = deps.store.location(backup.key);
    if (params.retentionDryRun) {
      deps.logger.info(`Would delete ${location}`);
      outcome.wouldDelete.push(location);
      continue;
    }
    // Manifest first: from that moment the backup no longer exists, even if removing the
    // data object then fails.
    await deps.store.remove(manifestKey(backup.key));
    await deps.store.remove(backup.key);
    deps.logger.info(`Deleted ${location}`);
    outcome.deleted.push(location);
  }
  return outcome;
}

function verificationTarget(params: BackupParams): VerificationTarget {
  const { source } = params;
  const connection =
    params.verifyConnection ?? ("connection" in source ? source.connection : undefined);
  return {
    ...(connection ? { connection } : {}),
    postgresFormat: source.kind === "postgres" ? source.postgresFormat : "custom",
  };
}

function describeStage(stage: string, error: unknown): string {
  return `${stage}: ${errorMessage(error).replace(/\.$/, "")}. No manifest was written, so no backup was recorded and retention did not run.`;
}

export async function backup(params: BackupParams, deps: BackupDeps): Promise<BackupResult> {
  const now = deps.now ?? (() => performance.now());
  const startTime = now();
  const started = deps.clock.now();
  const key = objectKey(params, started);
  const location = deps.store.location(key);
  const redact = (text: string) => deps.secrets.redact(text);

  const { stored, metadata } = await deps.logger.group(
    `Dumping ${params.source.kind} to ${location}`,
    async () => {
      let active: DumpStream | undefined;
      try {
        active = await startDump(params.source, deps.tools);
        const streamed = await streamToStore(active, key, params, deps.store);
        return { stored: streamed, metadata: await active.finish() };
      } catch (error) {
        active?.abort();
        // Never remove an object this run did not write.
        if (!(error instanceof ObjectExistsError))
          await removeQuietly(deps.store, key, deps.logger);
        throw new OperationFailedError(redact(describeStage("The backup failed", error)));
      }
    },
  );
  const { format } = sourceFormat(params.source);
  const manifest: BackupManifest = {
    version: 1,
    name: key.slice(params.set.length + 1),
    set: params.set,
    object: key,
    size: stored.size,
    sha256: stored.sha256,
    "dump-size": stored.dumpSize,
    source: {
      kind: params.source.kind,
      format,
      ...(metadata.serverVersion ? { "server-version": metadata.serverVersion } : {}),
      ...(metadata.database ? { database: metadata.database } : {}),
    },
    "started-at": started.toISOString(),
    "finished-at": started.toISOString(),
    compression: params.compression,
    encryption: params.encryptionKey ? ENCRYPTION_NAME : "none",
    ...(metadata.rowCounts ? { "row-counts": metadata.rowCounts } : {}),
    verification: { verified: false, method: "none" },
    ...(params.release ? { release: params.release } : {}),
  };
  deps.logger.info(`Stored ${stored.size} bytes, SHA-256 ${stored.sha256}`);

  let verification: VerificationResult | undefined;
  if (params.verify) {
    verification = await deps.logger.group("Verifying the backup", () =>
      verifyBackup(manifest, verificationTarget(params), {
        store: deps.store,
        tools: deps.tools,
        logger: deps.logger,
        ...(params.encryptionKey ? { encryptionKey: params.encryptionKey } : {}),
      }),
    );
    if (!verification.passed) {
      await removeQuietly(deps.store, key, deps.logger);
      throw new OperationFailedError(
        redact(describeStage("Verification failed", verification.detail)),
      );
    }
    if (verification.rowCounts) manifest["row-counts"] = verification.rowCounts;
    manifest.verification = {
      verified: true,
      method: verification.method,
      detail: verification.detail,
    };
    deps.logger.info(verification.detail);
  }

  manifest["finished-at"] = deps.clock.now().toISOString();
  try {
    await deps.store.putSmall(manifestKey(key), serializeManifest(manifest));
  } catch (error) {
    await removeQuietly(deps.store, key, deps.logger);
    throw new OperationFailedError(redact(describeStage("Writing the manifest failed", error)));
  }
  deps.logger.info(`Backup recorded: ${location}`);

  const result: BackupResult = { location, manifest, durationMs: 0 };
  if (verification) result.verification = verification;
  if (hasRetentionRule(params.retention)) {
    try {
      result.retention = await deps.logger.group("Applying retention", () =>
        runRetention(params, deps),
      );
    } catch (error) {
      result.retentionError = redact(
        `The backup succeeded, but retention failed: ${errorMessage(error)}`,
      );
    }
  }
  result.durationMs = now() - startTime;
  return result;
}
