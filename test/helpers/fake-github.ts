/**
 * A tiny scripted HTTP server on loopback standing in for GitHub, and a plain forward proxy:
 * just enough to watch what a GitHubClient sends and how it reacts to each answer.
 */
import http, { type IncomingHttpHeaders } from "node:http";
import type { ManualClock } from "../../src/core/clock.js";
import { listenOnLoopback } from "./ports.js";

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Drop the connection without answering (a network error). */
  hangUp?: boolean;
}

export type Handler = (request: SeenRequest, index: number) => Reply;

export interface FakeGitHub {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

async function listen(server: http.Server): Promise<string> {
  return (await listenOnLoopback(server)).url;
}

function closeServer(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Answers request number `index` (0-based) with `handler`. */
export async function startFakeGitHub(handler: Handler): Promise<FakeGitHub> {
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const seen: SeenRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(seen);
      let reply: Reply;
      try {
        reply = handler(seen, requests.length - 1);
      } catch (error) {
        reply = { status: 599, body: { message: String(error) } };
      }
      if (reply.hangUp) {
        req.socket.destroy();
        return;
      }
      const body = reply.body === undefined ? "" : JSON.stringify(reply.body);
      res.writeHead(reply.status, {
        ...(body ? { "content-type": "application/json; charset=utf-8" } : {}),
        ...reply.headers,
      });
      res.end(body);
    });
  });
  const url = await listen(server);
  return { url, requests, close: () => closeServer(server) };
}

/** Resolves once the code under test is asleep on the clock (really waiting for I/O first). */
export async function untilSleeping(clock: ManualClock, count = 1): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (clock.pending < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} pending sleep(s) on the clock`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
