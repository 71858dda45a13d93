/**
 * S3 and S3-compatible stores through the AWS SDK. Uploads are multipart with a small,
 * fixed number of parts in flight, so memory does not grow with the backup; a failed
 * upload is aborted, which leaves no object behind.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import type { S3ClientConfig } from "@aws-sdk/client-s3";
import { Readable } from "node:stream";
import { uploadStream } from "./multipart-upload.js";
import type { BackupStore, StoredObject } from "./store.js";
import { ObjectExistsError } from "./store.js";

export interface S3StoreOptions {
  bucket: string;
  /** Key prefix inside the bucket, without leading or trailing slash. */
  prefix: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  /** Static credentials from the environment; absent means the SDK's own provider chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Bytes per multipart part (at least 5 MiB). */
  partSize?: number;
}

const MIN_PART_SIZE = 5 * 1024 * 1024;
const MAX_PARTS = 10_000;
const PARTS_IN_FLIGHT = 2;

/**
 * The smallest part S3 allows keeps memory low (a part is held in memory while it is sent),
 * unless the expected size needs bigger parts to stay within S3's 10,000 parts. Without an
 * estimate (commands, files) the limit is about 48 GiB stored.
 */
function partSizeFor(sizeHint: number | undefined): number {
  if (!sizeHint) return MIN_PART_SIZE;
  // Headroom: the estimate is of the database on disk, not of the dump.
  return Math.max(MIN_PART_SIZE, Math.ceil((sizeHint * 1.5) / (MAX_PARTS - 500)));
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === "NotFound" || e.name === "NoSuchKey" || e.$metadata?.httpStatusCode === 404;
}

export class S3Store implements BackupStore {
  private readonly client: S3Client;

  constructor(private readonly options: S3StoreOptions) {
    const config: S3ClientConfig = {
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
    };
    if (options.endpoint) {
      // Many S3-compatible stores do not understand the SDK's default trailing checksums
      // (aws-chunked bodies); the backup carries its own SHA-256 anyway.
      config.requestChecksumCalculation = "WHEN_REQUIRED";
      config.responseChecksumValidation = "WHEN_REQUIRED";
    }
    this.client = new S3Client(config);
  }

  private objectKey(key: string): string {
    return this.options.prefix ? `${this.options.prefix}/${key}` : key;
  }

  location(key: string): string {
    return `s3://${this.options.bucket}/${this.objectKey(key)}`;
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(
        new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }),
      );
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async upload(key: string, body: Readable, sizeHint?: number): Promise<void> {
    if (await this.exists(key)) throw new ObjectExistsError(`${this.location(key)} already exists`);
    await uploadStream(
      {
        client: this.client,
        bucket: this.options.bucket,
        key: this.objectKey(key),
        partSize: this.options.partSize ?? partSizeFor(sizeHint),
        concurrency: PARTS_IN_FLIGHT,
      },
      body,
    );
  }

  async putSmall(key: string, body: string): Promise<void> {
    if (await this.exists(key)) throw new ObjectExistsError(`${this.location(key)} already exists`);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: this.objectKey(key),
        Body: body,
        ContentType: "application/json",
        // S3 refuses the write if the key appeared since the check above.
        IfNoneMatch: "*",
      }),
    );
  }

  async download(key: string): Promise<Readable> {
    const response = await this.client.send(
      new GetObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }),
    );
    const body = response.Body;
    if (body instanceof Readable) return body;
    throw new Error(`${this.location(key)}: the S3 response has no readable body`);
  }

  async readSmall(key: string): Promise<string> {
    const response = await this.client.send(
      new GetObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }),
    );
    if (!response.Body) throw new Error(`${this.location(key)}: empty response`);
    return response.Body.transformToString("utf8");
  }

  async list(prefix: string): Promise<StoredObject[]> {
    const out: StoredObject[] = [];
    const base = this.options.prefix ? `${this.options.prefix}/` : "";
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.options.bucket,
          Prefix: base + prefix,
          ...(token ? { ContinuationToken: token } : {}),
        }),
      );
      for (const object of page.Contents ?? []) {
        if (object.Key) out.push({ key: object.Key.slice(base.length), size: object.Size ?? 0 });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return out;
  }

  async remove(key: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }),
    );
  }

  destroy(): void {
    this.client.destroy();
  }
}
