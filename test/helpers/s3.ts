/**
 * An S3-compatible server (npm `s3rver`) on 127.0.0.1 with a fresh bucket, for tests that use
 * the real AWS SDK. The credentials are s3rver's fixed pair; tests pass them through the
 * same environment variables aws-actions/configure-aws-credentials sets.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";

export interface S3Server {
  endpoint: string;
  bucket: string;
  /** The environment an AWS SDK client needs to reach this server. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startS3(bucket = "backups"): Promise<S3Server> {
  const dir = mkdtempSync(join(tmpdir(), "greenlight-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const address = (await server.run()) as AddressInfo;
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    bucket,
    env: {
      AWS_ACCESS_KEY_ID: "S3RVER",
      AWS_SECRET_ACCESS_KEY: "S3RVER",
      AWS_REGION: "us-east-1",
    },
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
