/**
 * An S3-compatible server (npm `s3rver`) on 127.0.0.1 with a fresh bucket, for tests that use
 * the real AWS SDK. The credentials are s3rver's fixed pair; tests pass them through the
 * same environment variables aws-actions/configure-aws-credentials sets.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo, Socket } from "node:net";
import { connect, createServer } from "node:net";
import { createServer as createHttpServer, request as httpRequest } from "node:http";
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

/** One S3 request as the recording proxy saw it. */
export interface S3Request {
  method: string;
  /** Path without the query. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
  status: number;
}

/**
 * An HTTP proxy in front of the S3 server that records every request (so tests can hold the
 * sequence to AWS's documented rules) and answers one rule s3rver does not know, as S3 does:
 * a conditional CompleteMultipartUpload or PutObject (If-None-Match: *) for a key that exists
 * gets 412 PreconditionFailed.
 */
export async function startRecordingProxy(
  endpoint: string,
): Promise<{ endpoint: string; requests: S3Request[]; stop(): Promise<void> }> {
  const target = new URL(endpoint);
  const requests: S3Request[] = [];
  const written = new Set<string>();
  const forward = (
    method: string,
    url: string,
    headers: Record<string, string | string[] | undefined>,
    body: Buffer,
  ) =>
    new Promise<{
      status: number;
      headers: Record<string, string | string[] | undefined>;
      body: Buffer;
    }>((resolve, reject) => {
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, method, path: url, headers },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (c: Buffer) => chunks.push(c));
          response.on("end", () =>
            resolve({
              status: response.statusCode ?? 500,
              headers: response.headers,
              body: Buffer.concat(chunks),
            }),
          );
        },
      );
      upstream.on("error", reject);
      upstream.end(body);
    });
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const url = new URL(req.url ?? "/", endpoint);
        const headers = Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [
            k,
            Array.isArray(v) ? v.join(",") : (v ?? ""),
          ]),
        );
        const entry: S3Request = {
          method: req.method ?? "GET",
          path: url.pathname,
          query: url.searchParams,
          headers,
          body: body.toString("utf8"),
          status: 0,
        };
        requests.push(entry);
        const conditional = headers["if-none-match"] === "*";
        const completes = entry.method === "POST" && url.searchParams.has("uploadId");
        const puts = entry.method === "PUT" && !url.searchParams.has("uploadId");
        // Every write goes through this proxy, so it knows which keys exist.
        if (conditional && (completes || puts) && written.has(url.pathname)) {
          entry.status = 412;
          res.writeHead(412, { "content-type": "application/xml" });
          res.end(
            `<?xml version="1.0" encoding="UTF-8"?><Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message><Condition>If-None-Match</Condition></Error>`,
          );
          return;
        }
        const answer = await forward(entry.method, req.url ?? "/", req.headers, body);
        entry.status = answer.status;
        if (answer.status === 200 && (completes || puts)) written.add(url.pathname);
        if (entry.method === "DELETE" && !url.searchParams.has("uploadId"))
          written.delete(url.pathname);
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
      })().catch(() => {
        res.writeHead(502);
        res.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Where a recorded request sequence breaks AWS's documented rules for multipart uploads
 * (Checking object integrity; CreateMultipartUpload, UploadPart, CompleteMultipartUpload):
 * an upload created with a checksum algorithm needs that algorithm's checksum on every part
 * and every part's checksum in the completion ("The upload was created using a crc32
 * checksum. The complete request must include the checksum for each part."), with the same
 * values the parts were sent with, and checksum types must agree between create and
 * complete. Greenlight's own rule rides along: every completion and PUT is conditional.
 */
export function multipartProblems(requests: S3Request[]): string[] {
  const problems: string[] = [];
  const uploads = new Map<
    string,
    { algorithm?: string; type?: string; parts: Map<number, string | undefined> }
  >();
  for (const request of requests) {
    const uploadId = request.query.get("uploadId");
    if (request.method === "POST" && request.query.has("uploads")) {
      // The upload id comes back in the answer body, which the recording does not parse;
      // uploads are matched to their parts by key, one at a time.
      uploads.set(request.path, {
        ...(request.headers["x-amz-checksum-algorithm"]
          ? { algorithm: request.headers["x-amz-checksum-algorithm"].toLowerCase() }
          : {}),
        ...(request.headers["x-amz-checksum-type"]
          ? { type: request.headers["x-amz-checksum-type"] }
          : {}),
        parts: new Map(),
      });
      continue;
    }
    if (request.method === "PUT" && uploadId) {
      const upload = uploads.get(request.path);
      if (!upload) {
        problems.push(`UploadPart to ${request.path} without CreateMultipartUpload`);
        continue;
      }
      const part = Number(request.query.get("partNumber"));
      const value = upload.algorithm
        ? request.headers[`x-amz-checksum-${upload.algorithm}`]
        : undefined;
      if (upload.algorithm && !value) {
        problems.push(
          `part ${part} of ${request.path} has no ${upload.algorithm} checksum, though the upload was created with one`,
        );
      }
      const others = Object.keys(request.headers).filter(
        (h) => /^x-amz-checksum-(?!type$)/.test(h) && h !== `x-amz-checksum-${upload.algorithm}`,
      );
      if (others.length > 0)
        problems.push(
          `part ${part} of ${request.path} carries ${others.join(", ")}, another algorithm than the upload's`,
        );
      upload.parts.set(part, value);
      continue;
    }
    if (request.method === "POST" && uploadId) {
      const upload = uploads.get(request.path);
      if (!upload) continue;
      if (request.headers["if-none-match"] !== "*") {
        problems.push(
          `CompleteMultipartUpload of ${request.path} is not conditional (If-None-Match: *)`,
        );
      }
      const type = request.headers["x-amz-checksum-type"];
      if (type && upload.type && type !== upload.type) {
        problems.push(
          `CompleteMultipartUpload of ${request.path} says checksum type ${type}, the upload was created with ${upload.type}`,
        );
      }
      const listed = [...request.body.matchAll(/<Part>([\s\S]*?)<\/Part>/g)].map((m) => m[1]!);
      for (const [part, value] of upload.parts) {
        const entry = listed.find((p) => new RegExp(`<PartNumber>${part}</PartNumber>`).test(p));
        if (!entry) {
          problems.push(`CompleteMultipartUpload of ${request.path} leaves out part ${part}`);
          continue;
        }
        if (!upload.algorithm) continue;
        const tag = `Checksum${upload.algorithm.toUpperCase()}`;
        const sent = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(entry)?.[1];
        if (!sent) {
          problems.push(
            `The upload was created using a ${upload.algorithm} checksum. The complete request must include the checksum for each part. It was missing for part ${part} in the request.`,
          );
        } else if (sent !== value) {
          problems.push(
            `part ${part} of ${request.path}: the completion lists checksum ${sent}, the part was sent with ${value}`,
          );
        }
      }
      uploads.delete(request.path);
    }
  }
  for (const put of requests.filter((r) => r.method === "PUT" && !r.query.has("uploadId"))) {
    if (put.headers["if-none-match"] !== "*")
      problems.push(`PutObject of ${put.path} is not conditional (If-None-Match: *)`);
  }
  return problems;
}
