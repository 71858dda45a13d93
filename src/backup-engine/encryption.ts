/**
 * Optional encryption of the stored backup: AES-256-GCM under a key derived from a
 * passphrase with scrypt. Layout: magic, salt, IV, ciphertext, 16-byte tag. The tag is only
 * known at the end, so decryption holds back the last 16 bytes it has seen; restore checks
 * the stored SHA-256 before decrypting anything, so a tampered object is refused earlier.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";
import type { CipherGCM, DecipherGCM } from "node:crypto";
import { Transform } from "node:stream";
import type { TransformCallback } from "node:stream";

const MAGIC = Buffer.from("GLENC1\0\0", "latin1");
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + SALT_BYTES + IV_BYTES;
export const ENCRYPTION_NAME = "aes-256-gcm";

/**
 * Keys this process derived, by salt. scrypt is deliberately expensive (32 MiB and about
 * 0.15 s of one core per key, far more on a loaded machine), and a backup reads its object
 * back to verify it right after writing it: with the same salt and passphrase, verification
 * reuses the key instead of deriving it a second time. Bounded, newest kept.
 */
const derivedKeys = new Map<string, { passphrase: string; key: Buffer }>();
const DERIVED_KEYS_KEPT = 4;

function deriveKey(passphrase: string, salt: Buffer): Buffer {
  const id = salt.toString("hex");
  const known = derivedKeys.get(id);
  if (known && known.passphrase === passphrase) return known.key;
  const key = scryptSync(passphrase, salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 << 20 });
  derivedKeys.set(id, { passphrase, key });
  if (derivedKeys.size > DERIVED_KEYS_KEPT) derivedKeys.delete(derivedKeys.keys().next().value!);
  return key;
}

export class EncryptStream extends Transform {
  private readonly cipher: CipherGCM;
  private headerSent = false;
  private readonly header: Buffer;

  constructor(passphrase: string) {
    super();
    const salt = randomBytes(SALT_BYTES);
    const iv = randomBytes(IV_BYTES);
    this.cipher = createCipheriv("aes-256-gcm", deriveKey(passphrase, salt), iv);
    this.header = Buffer.concat([MAGIC, salt, iv]);
  }

  private sendHeader(): void {
    if (this.headerSent) return;
    this.headerSent = true;
    this.push(this.header);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.sendHeader();
    callback(null, this.cipher.update(chunk));
  }

  override _flush(callback: TransformCallback): void {
    this.sendHeader();
    this.push(this.cipher.final());
    callback(null, this.cipher.getAuthTag());
  }
}

export class DecryptionError extends Error {
  override readonly name = "DecryptionError";
}

export class DecryptStream extends Transform {
  private decipher: DecipherGCM | undefined;
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly passphrase: string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    if (!this.decipher) {
      if (this.pending.length < HEADER_BYTES) return callback();
      if (!this.pending.subarray(0, MAGIC.length).equals(MAGIC)) {
        return callback(
          new DecryptionError("the backup is not encrypted by Greenlight (unknown header)"),
        );
      }
      const salt = this.pending.subarray(MAGIC.length, MAGIC.length + SALT_BYTES);
      const iv = this.pending.subarray(MAGIC.length + SALT_BYTES, HEADER_BYTES);
      this.decipher = createDecipheriv("aes-256-gcm", deriveKey(this.passphrase, salt), iv);
      this.pending = this.pending.subarray(HEADER_BYTES);
    }
    // The last TAG_BYTES may be the tag: keep them until the stream ends.
    if (this.pending.length <= TAG_BYTES) return callback();
    const body = this.pending.subarray(0, this.pending.length - TAG_BYTES);
    this.pending = Buffer.from(this.pending.subarray(this.pending.length - TAG_BYTES));
    callback(null, this.decipher.update(body));
  }

  override _flush(callback: TransformCallback): void {
    if (!this.decipher || this.pending.length !== TAG_BYTES) {
      return callback(new DecryptionError("the encrypted backup is truncated"));
    }
    this.decipher.setAuthTag(this.pending);
    try {
      callback(null, this.decipher.final());
    } catch {
      callback(
        new DecryptionError("decryption failed: wrong encryption key, or the backup was altered"),
      );
    }
  }
}
