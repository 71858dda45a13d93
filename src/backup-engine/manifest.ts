/**
 * The manifest: written last, after the upload completed (and after verification when it
 * was asked for). A backup is its data object plus its manifest; data without a manifest
 * does not exist for listing, retention or restore.
 */
import { z } from "zod";
import type { BackupStore } from "./store.js";

export const SOURCE_KINDS = ["postgres", "mysql", "mongodb", "command", "files"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

const manifestSchema = z.object({
  version: z.literal(1),
  name: z.string(),
  set: z.string(),
  object: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  "dump-size": z.number().int().nonnegative(),
  source: z.object({
    kind: z.enum(SOURCE_KINDS),
    format: z.string(),
    "server-version": z.string().optional(),
    database: z.string().optional(),
  }),
  "started-at": z.string(),
  "finished-at": z.string(),
  compression: z.enum(["gzip", "none"]),
  encryption: z.enum(["aes-256-gcm", "none"]),
  "row-counts": z.record(z.string(), z.number().int().nonnegative()).optional(),
  verification: z.object({
    verified: z.boolean(),
    method: z.enum(["restore", "read-back", "none"]),
    detail: z.string().optional(),
  }),
  /** The release this backup was taken before (by migrate or rollback), when there is one. */
  release: z
    .object({
      version: z.string(),
      commit: z.string().optional(),
      environment: z.string().optional(),
    })
    .optional(),
});

export type ReleaseLink = NonNullable<BackupManifest["release"]>;

export type BackupManifest = z.infer<typeof manifestSchema>;

export const MANIFEST_SUFFIX = ".manifest.json";

export function manifestKey(objectKey: string): string {
  return objectKey + MANIFEST_SUFFIX;
}

export function serializeManifest(manifest: BackupManifest): string {
  return JSON.stringify(manifest, null, 2) + "\n";
}

export function parseManifest(text: string): BackupManifest | undefined {
  try {
    const result = manifestSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

/** `20261123T113330Z`: sorts as text in time order and is safe in every store's keys. */
export function timestampName(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/[-:]/g, "");
}

export interface ListedBackup {
  manifest: BackupManifest;
  key: string;
  time: Date;
}

export interface BackupListing {
  backups: ListedBackup[];
  /** Manifests that are unreadable or whose data object is missing or the wrong size. */
  broken: string[];
}

/**
 * The backups of one set, oldest first: only those with a readable manifest whose data
 * object is present with the size the manifest records.
 */
export async function listBackups(store: BackupStore, set: string): Promise<BackupListing> {
  const objects = await store.list(`${set}/`);
  const sizes = new Map(objects.map((o) => [o.key, o.size]));
  const backups: ListedBackup[] = [];
  const broken: string[] = [];
  for (const object of objects) {
    if (!object.key.endsWith(MANIFEST_SUFFIX)) continue;
    const key = object.key.slice(0, -MANIFEST_SUFFIX.length);
    const manifest = parseManifest(await store.readSmall(object.key));
    if (!manifest || manifest.object !== key || sizes.get(key) !== manifest.size) {
      broken.push(object.key);
      continue;
    }
    backups.push({ manifest, key, time: new Date(manifest["started-at"]) });
  }
  backups.sort((a, b) => a.time.getTime() - b.time.getTime() || a.key.localeCompare(b.key));
  return { backups, broken };
}
