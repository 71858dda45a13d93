/**
 * Loopback HTTP and HTTPS servers for verify's tests, with certificates made by openssl in
 * the test (a missing openssl fails, naming the install command).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import https from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { join } from "node:path";

export type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface TestServer {
  port: number;
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

export interface Certificate {
  keyFile: string;
  certFile: string;
  key: string;
  cert: string;
}

/** A self-signed certificate for 127.0.0.1 and localhost, valid for `days` days. */
export function makeCertificate(dir: string, days: number, name = "cert"): Certificate {
  const keyFile = join(dir, `${name}.key`);
  const certFile = join(dir, `${name}.pem`);
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        keyFile,
        "-out",
        certFile,
        "-days",
        String(days),
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1,DNS:localhost",
      ],
      { stdio: "pipe" },
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error("openssl is not installed; run apt-get install -y openssl", {
        cause: error,
      });
    }
    throw error;
  }
  return {
    keyFile,
    certFile,
    key: readFileSync(keyFile, "utf8"),
    cert: readFileSync(certFile, "utf8"),
  };
}

function handle(handler: Handler) {
  return (req: IncomingMessage, res: ServerResponse) => {
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  };
}

export async function startServer(
  handler: Handler,
  options: { tls?: Certificate; port?: number } = {},
): Promise<TestServer> {
  const server = options.tls
    ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, handle(handler))
    : http.createServer(handle(handler));
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `${options.tls ? "https" : "http"}://127.0.0.1:${port}`;
  return {
    port,
    origin,
    url: (path) => `${origin}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export { freePort } from "../../helpers/ports.js";

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

export const SECURITY_HEADERS = {
  "strict-transport-security": "max-age=31536000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
};
