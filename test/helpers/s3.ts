/**
 * An S3-compatible server (npm `s3rver`) on 127.0.0.1 with a fresh bucket, for tests that use
 * the real AWS SDK. The credentials are s3rver's fixed pair; tests pass them through the
 * same environment variables aws-actions/configure-aws-credentials sets.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo, Socket } from "node:net";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import { listenOnLoopback } from "./ports.js";

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

/**
 * A TCP proxy in front of the S3 server that lets `limit` bytes of requests through and
 * then cuts every connection, now and later: an upload that fails halfway.
 */
export async function startCuttingProxy(
  endpoint: string,
  limit: number,
): Promise<{ endpoint: string; forwarded(): number; stop(): Promise<void> }> {
  const target = new URL(endpoint);
  let forwarded = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    if (forwarded >= limit) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(upstream);
    client.on("data", (chunk: Buffer) => {
      forwarded += chunk.length;
      if (forwarded >= limit) {
        for (const socket of sockets) socket.destroy();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("close", close).on("error", close);
    upstream.on("close", close).on("error", close);
  });
  await listenOnLoopback(server);
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    forwarded: () => forwarded,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
