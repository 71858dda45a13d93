/**
 * Pass-through stages that observe the bytes flowing by: the SHA-256 and size of what is
 * stored are computed on the way to the store, so nothing is read twice or held in memory.
 */
import { createHash } from "node:crypto";
import { Transform } from "node:stream";
import type { TransformCallback } from "node:stream";

export class DigestTap extends Transform {
  private readonly hash = createHash("sha256");
  private bytes = 0;
  private digest: string | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.digest = this.hash.digest("hex");
    callback();
  }

  // Not called `size`: the AWS SDK would take a `size` property for the body's length.
  get bytesSeen(): number {
    return this.bytes;
  }

  /** The hex SHA-256 of everything that passed, once the stream has ended. */
  get sha256(): string {
    if (this.digest === undefined) throw new Error("DigestTap read before the stream ended");
    return this.digest;
  }
}

/**
 * Fails the stream at its end unless the bytes match the expected SHA-256 and size, so a
 * corrupted or truncated download never reaches a consumer as a complete one.
 */
export class DigestCheck extends Transform {
  private readonly hash = createHash("sha256");
  private bytes = 0;

  constructor(
    private readonly expected: { sha256: string; size: number },
    private readonly what: string,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    const actual = this.hash.digest("hex");
    if (this.bytes !== this.expected.size) {
      callback(
        new ChecksumMismatchError(
          `${this.what} is ${this.bytes} bytes, but its manifest says ${this.expected.size}`,
        ),
      );
    } else if (actual !== this.expected.sha256) {
      callback(
        new ChecksumMismatchError(
          `${this.what} has SHA-256 ${actual}, but its manifest says ${this.expected.sha256}`,
        ),
      );
    } else {
      callback();
    }
  }
}

export class ChecksumMismatchError extends Error {
  override readonly name = "ChecksumMismatchError";
}

/** Counts bytes without touching them (the dump's size before compression). */
export class ByteCounter extends Transform {
  bytes = 0;
  constructor(private readonly onChunk: (bytes: number) => void = () => {}) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    this.onChunk(chunk.length);
    callback(null, chunk);
  }
}
