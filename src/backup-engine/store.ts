/**
 * Where backups live: an S3 bucket (or S3-compatible store) or a local directory. Keys are
 * `/`-separated paths relative to the destination's root.
 */
import type { Readable } from "node:stream";

export interface StoredObject {
  key: string;
  size: number;
}

export interface BackupStore {
  /** How a person names the object, e.g. s3://bucket/prefix/key or /backups/key. */
  location(key: string): string;
  exists(key: string): Promise<boolean>;
  /**
   * Streams `body` to `key`; never replaces an existing object; nothing is left on failure.
   * `sizeHint` is an upper estimate of the size, when known (S3 sizes its parts by it).
   */
  upload(key: string, body: Readable, sizeHint?: number): Promise<void>;
  /** Writes a small object, refusing to replace an existing one. */
  putSmall(key: string, body: string): Promise<void>;
  download(key: string): Promise<Readable>;
  readSmall(key: string): Promise<string>;
  /** Every object whose key starts with `prefix`. */
  list(prefix: string): Promise<StoredObject[]>;
  remove(key: string): Promise<void>;
}

export class ObjectExistsError extends Error {
  override readonly name = "ObjectExistsError";
}
