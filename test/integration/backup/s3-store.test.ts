/**
 * The S3 store against s3rver through the real AWS SDK: streamed uploads of every size
 * around the part boundary come back byte for byte, and an existing object is never
 * replaced.
 */
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3Store } from "../../../src/backup-engine/s3-store.js";
import { ObjectExistsError } from "../../../src/backup-engine/store.js";
import type { S3Server } from "../../helpers/s3.js";
import { startS3 } from "../../helpers/s3.js";

const PART = 5 * 1024 * 1024;
let s3: S3Server;
let store: S3Store;

beforeAll(async () => {
  s3 = await startS3();
  store = new S3Store({
    bucket: s3.bucket,
    prefix: "store-test",
    region: "us-east-1",
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    partSize: PART,
  });
});

afterAll(async () => {
  store?.destroy();
  await s3?.stop();
});

/** `data` in uneven chunks, as a dump arrives. */
function chunked(data: Buffer): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0, n = 1; i < data.length; i += n, n = (n * 7 + 13) % 200_000 || 1) {
    chunks.push(data.subarray(i, i + n));
  }
  return Readable.from(chunks);
}

async function download(key: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of await store.download(key)) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

describe("S3Store", () => {
  it.each([0, 1, PART - 1, PART, PART + 1, 2 * PART, 2 * PART + 12345])(
    "uploads %i bytes and reads them back unchanged",
    async (size) => {
      const data = randomBytes(size);
      await store.upload(`sizes/${size}`, chunked(data));
      expect((await download(`sizes/${size}`)).equals(data)).toBe(true);
      expect(await store.list(`sizes/${size}`)).toEqual([{ key: `sizes/${size}`, size }]);
    },
  );

  it("refuses to replace an existing object", async () => {
    await store.upload("once", chunked(Buffer.from("first")));
    await expect(store.upload("once", chunked(Buffer.from("second")))).rejects.toBeInstanceOf(
      ObjectExistsError,
    );
    await expect(store.putSmall("once", "third")).rejects.toBeInstanceOf(ObjectExistsError);
    expect((await download("once")).toString()).toBe("first");
  });
});
