import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { DecryptStream, EncryptStream } from "../../../src/backup-engine/encryption.js";

async function through(input: Buffer, ...stages: NodeJS.ReadWriteStream[]): Promise<Buffer> {
  const out: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      out.push(chunk);
      callback();
    },
  });
  const chunks = [];
  for (let i = 0; i < input.length; i += 1000) chunks.push(input.subarray(i, i + 1000));
  await pipeline([Readable.from(chunks.length ? chunks : [Buffer.alloc(0)]), ...stages, sink]);
  return Buffer.concat(out);
}

const KEY = "a passphrase of some length";

describe("encryption", () => {
  it("round-trips any content, including empty", async () => {
    for (const size of [0, 1, 15, 16, 17, 100_003]) {
      const plain = randomBytes(size);
      const sealed = await through(plain, new EncryptStream(KEY));
      expect(sealed.length).toBe(size + 8 + 16 + 12 + 16);
      expect(await through(sealed, new DecryptStream(KEY))).toEqual(plain);
    }
  });

  it("refuses a wrong key, a flipped bit and a truncated object", async () => {
    const sealed = await through(randomBytes(5000), new EncryptStream(KEY));
    await expect(through(sealed, new DecryptStream("another passphrase here"))).rejects.toThrow(
      /wrong encryption key/,
    );
    const flipped = Buffer.from(sealed);
    flipped[100]! ^= 1;
    await expect(through(flipped, new DecryptStream(KEY))).rejects.toThrow(/altered/);
    await expect(through(sealed.subarray(0, 30), new DecryptStream(KEY))).rejects.toThrow(
      /truncated/,
    );
    await expect(
      through(Buffer.from("plain gzip data, not encrypted at all"), new DecryptStream(KEY)),
    ).rejects.toThrow(/not encrypted/);
  });
});
