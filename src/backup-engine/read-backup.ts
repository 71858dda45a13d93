/**
 * Reading a stored backup back: download → SHA-256 and size check → decrypt → decompress,
 * as one stream. The check fails the stream at its end, so a consumer never sees a
 * corrupted backup finish as if it were whole. `checkStoredBackup` reads it once to the
 * end, for restore to prove the checksum, key and compression before touching anything.
 */
import { PassThrough, Writable } from "node:stream";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { DecryptStream } from "./encryption.js";
import type { BackupManifest } from "./manifest.js";
import type { BackupStore } from "./store.js";
import { scavengeEvery } from "./garbage.js";
import { ByteCounter, DigestCheck } from "./stream-taps.js";

export function discard(): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });
}

/** Reads and decodes the whole backup without restoring it: checksum, key and compression. */
export async function checkStoredBackup(
  store: BackupStore,
  manifest: BackupManifest,
  encryptionKey: string | undefined,
): Promise<void> {
  await pipeline(await openBackup(store, manifest, encryptionKey), discard());
}

/** The decoded dump, ready for a restore tool; errors if the stored bytes do not match. */
export async function openBackup(
  store: BackupStore,
  manifest: BackupManifest,
  encryptionKey: string | undefined,
): Promise<Readable> {
  const body = await store.download(manifest.object);
  const stages: NodeJS.ReadWriteStream[] = [
    new ByteCounter(scavengeEvery(8 * 1024 * 1024)),
    new DigestCheck(manifest, store.location(manifest.object)),
  ];
  if (manifest.encryption !== "none") {
    if (!encryptionKey) throw new MissingKeyError();
    stages.push(new DecryptStream(encryptionKey));
  }
  if (manifest.compression === "gzip") stages.push(createGunzip());
  // pipeline destroys every stage, and `out` with the error, when any one fails, and
  // tears the download down if the consumer stops reading.
  const out = new PassThrough();
  pipeline([body, ...stages, out]).catch(() => {});
  return out;
}

export class MissingKeyError extends Error {
  override readonly name = "MissingKeyError";
  constructor() {
    super("the backup is encrypted and no encryption key was given");
  }
}
