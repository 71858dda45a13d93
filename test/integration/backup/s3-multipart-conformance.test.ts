/**
 * The backup uploader's S3 request sequence, recorded by a proxy in front of s3rver and held
 * to AWS's documented rules (s3rver checks none of them): one checksum algorithm and type
 * from CreateMultipartUpload to every UploadPart and into CompleteMultipartUpload, and a
 * conditional completion, so a finished upload never replaces an existing object.
 */
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { S3Store } from "../../../src/backup-engine/s3-store.js";
import { ObjectExistsError } from "../../../src/backup-engine/store.js";
import type { S3Server } from "../../helpers/s3.js";
import { multipartProblems, startRecordingProxy, startS3 } from "../../helpers/s3.js";

const PART = 5 * 1024 * 1024;
const CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
let s3: S3Server;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
let store: S3Store;

beforeAll(async () => {
  s3 = await startS3();
  proxy = await startRecordingProxy(s3.endpoint);
  store = new S3Store({
    bucket: s3.bucket,
    prefix: "conformance",
    region: "us-east-1",
    endpoint: proxy.endpoint,
    forcePathStyle: true,
    credentials: CREDENTIALS,
    partSize: PART,
  });
});

afterAll(async () => {
  store?.destroy();
  await proxy?.stop();
  await s3?.stop();
});

beforeEach(() => {
  proxy.requests.length = 0;
});

async function download(key: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of await store.download(key)) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

describe("the multipart upload sequence", () => {
  it("declares CRC32 (COMPOSITE) on create, sends it with every part and lists each in the completion", async () => {
    const data = randomBytes(2 * PART + 12_345);
    await store.upload("big", Readable.from([data]));
    expect((await download("big")).equals(data)).toBe(true);
    const create = proxy.requests.find((r) => r.method === "POST" && r.query.has("uploads"));
    expect(create?.headers).toMatchObject({
      "x-amz-checksum-algorithm": "CRC32",
      "x-amz-checksum-type": "COMPOSITE",
    });
    const parts = proxy.requests.filter((r) => r.method === "PUT" && r.query.has("uploadId"));
    expect(parts).toHaveLength(3);
    const complete = proxy.requests.find((r) => r.method === "POST" && r.query.has("uploadId"));
    expect(complete?.headers["if-none-match"]).toBe("*");
    expect(complete?.body.match(/<ChecksumCRC32>/g)).toHaveLength(3);
    expect(multipartProblems(proxy.requests)).toEqual([]);
  });

  it("writes a small object with one conditional PUT", async () => {
    await store.upload("small", Readable.from([Buffer.from("small")]));
    expect(
      proxy.requests.filter((r) => r.method === "PUT").map((r) => r.headers["if-none-match"]),
    ).toEqual(["*"]);
    expect(multipartProblems(proxy.requests)).toEqual([]);
  });

  it("never replaces an object that appeared while the upload ran", async () => {
    const other = Buffer.from("written meanwhile");
    let written = false;
    async function* slowly() {
      yield randomBytes(PART);
      // Another writer creates the key after the upload checked that it was free.
      if (!written) {
        written = true;
        await store.putSmall("raced", other.toString());
      }
      yield randomBytes(PART);
    }
    await expect(store.upload("raced", Readable.from(slowly()))).rejects.toBeInstanceOf(
      ObjectExistsError,
    );
    expect((await download("raced")).toString()).toBe(other.toString());
    const complete = proxy.requests.find((r) => r.method === "POST" && r.query.has("uploadId"));
    expect(complete?.status).toBe(412);
    // The parts of the refused upload are not left behind.
    expect(proxy.requests.some((r) => r.method === "DELETE" && r.query.has("uploadId"))).toBe(true);
  });

  it("reports a sequence that breaks the rules, in AWS's words", async () => {
    const client = new S3Client({
      region: "us-east-1",
      endpoint: proxy.endpoint,
      forcePathStyle: true,
      credentials: CREDENTIALS,
      requestChecksumCalculation: "WHEN_REQUIRED",
    });
    try {
      const key = "conformance/careless";
      const created = await client.send(
        new CreateMultipartUploadCommand({
          Bucket: s3.bucket,
          Key: key,
          ChecksumAlgorithm: "CRC32",
        }),
      );
      const part = await client.send(
        new UploadPartCommand({
          Bucket: s3.bucket,
          Key: key,
          UploadId: created.UploadId,
          PartNumber: 1,
          Body: Buffer.from("careless"),
          ChecksumAlgorithm: "CRC32",
          ChecksumCRC32: "AAAAAA==",
        }),
      );
      await client.send(
        new CompleteMultipartUploadCommand({
          Bucket: s3.bucket,
          Key: key,
          UploadId: created.UploadId,
          MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
        }),
      );
      expect(multipartProblems(proxy.requests)).toEqual([
        "CompleteMultipartUpload of /backups/conformance/careless is not conditional (If-None-Match: *)",
        "The upload was created using a crc32 checksum. The complete request must include the checksum for each part. It was missing for part 1 in the request.",
      ]);
    } finally {
      client.destroy();
    }
  });
});
