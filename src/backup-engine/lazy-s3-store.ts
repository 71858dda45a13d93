/**
 * The S3 store with the AWS SDK loaded on first use (a separate chunk in the bundle): a
 * run that keeps backups in a local directory, or stops at bad input, never evaluates the
 * SDK, which is most of what backup and restore would otherwise load at start.
 */
import type { Readable } from "node:stream";
import type { S3StoreOptions } from "./s3-store.js";
import type { BackupStore, StoredObject } from "./store.js";

export class LazyS3Store implements BackupStore {
  private store: Promise<BackupStore> | undefined;

  constructor(private readonly options: S3StoreOptions) {}

  private open(): Promise<BackupStore> {
    this.store ??= import("./s3-store.js").then(({ S3Store }) => new S3Store(this.options));
    return this.store;
  }

  location(key: string): string {
    const { bucket, prefix } = this.options;
    return `s3://${bucket}/${prefix ? `${prefix}/${key}` : key}`;
  }

  async exists(key: string): Promise<boolean> {
    return (await this.open()).exists(key);
  }

  async upload(key: string, body: Readable, sizeHint?: number): Promise<void> {
    return (await this.open()).upload(key, body, sizeHint);
  }

  async putSmall(key: string, body: string): Promise<void> {
    return (await this.open()).putSmall(key, body);
  }

  async download(key: string): Promise<Readable> {
    return (await this.open()).download(key);
  }

  async readSmall(key: string): Promise<string> {
    return (await this.open()).readSmall(key);
  }

  async list(prefix: string): Promise<StoredObject[]> {
    return (await this.open()).list(prefix);
  }

  async remove(key: string): Promise<void> {
    return (await this.open()).remove(key);
  }
}
