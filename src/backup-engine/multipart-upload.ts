/**
 * Streaming an object of unknown length to S3 with bounded, constant memory. Each part is
 * copied into one of a few reusable buffers (parts in flight + the one being filled), so
 * memory does not depend on how fast the garbage collector frees earlier parts; a stream
 * shorter than one part becomes a single PutObject. On failure the multipart upload is
 * aborted (best effort) and the original error is what the caller sees.
 */
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import type { S3Client } from "@aws-sdk/client-s3";
import type { Readable } from "node:stream";

export interface MultipartTarget {
  client: S3Client;
  bucket: string;
  key: string;
  partSize: number;
  /** Parts uploaded at the same time. */
  concurrency: number;
}

class BufferPool {
  private readonly free: Buffer[] = [];
  constructor(private readonly size: number) {}
  take(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafeSlow(this.size);
  }
  give(buffer: Buffer): void {
    this.free.push(buffer);
  }
}

export async function uploadStream(target: MultipartTarget, body: Readable): Promise<void> {
  const { client, bucket, key, partSize } = target;
  const pool = new BufferPool(partSize);
  let current = pool.take();
  let filled = 0;
  let uploadId: string | undefined;
  let nextPartNumber = 1;
  const parts: { PartNumber: number; ETag: string }[] = [];
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;

  const sendPart = (buffer: Buffer, length: number, partNumber: number, id: string) => {
    const sent = client
      .send(
        new UploadPartCommand({
          Bucket: bucket,
          Key: key,
          UploadId: id,
          PartNumber: partNumber,
          Body: buffer.subarray(0, length),
          ContentLength: length,
        }),
      )
      .then((answer) => {
        parts.push({ PartNumber: partNumber, ETag: answer.ETag ?? "" });
        pool.give(buffer);
      })
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => inFlight.delete(sent));
    inFlight.add(sent);
  };

  const flushPart = async () => {
    if (!uploadId) {
      const created = await client.send(
        new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }),
      );
      if (!created.UploadId) throw new Error("S3 did not return an upload id");
      uploadId = created.UploadId;
    }
    // Backpressure: wait for a free slot before reading on.
    while (inFlight.size >= target.concurrency) await Promise.race(inFlight);
    if (failure) throw failure;
    sendPart(current, filled, nextPartNumber++, uploadId);
    current = pool.take();
    filled = 0;
  };

  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      let offset = 0;
      while (offset < chunk.length) {
        const n = Math.min(chunk.length - offset, partSize - filled);
        chunk.copy(current, filled, offset, offset + n);
        filled += n;
        offset += n;
        if (filled === partSize) await flushPart();
      }
      if (failure) throw failure;
    }
    if (!uploadId) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: current.subarray(0, filled),
          ContentLength: filled,
          IfNoneMatch: "*",
        }),
      );
      return;
    }
    if (filled > 0) await flushPart();
    await Promise.all(inFlight);
    if (failure) throw failure;
    parts.sort((a, b) => a.PartNumber - b.PartNumber);
    await client.send(
      new CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts },
      }),
    );
  } catch (error) {
    body.destroy();
    await Promise.allSettled(inFlight);
    if (uploadId) {
      await client
        .send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }))
        .catch(() => {
          // Best effort: a bucket lifecycle rule for incomplete uploads is the backstop.
        });
    }
    throw error;
  }
}
