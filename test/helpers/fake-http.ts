/**
 * A scripted HTTP client on a ManualClock: each URL answers from its own list of
 * behaviours (the last one repeats), taking `delayMs` of clock time, or hanging until the
 * request is aborted. Tests drive time with `drive`, so retries and deadlines run at once.
 */
import type { ManualClock } from "../../src/core/clock.js";
import type { HttpRequest, HttpResponse, HttpSend } from "../../src/core/http/http-client.js";
import { RequestFailure } from "../../src/core/http/transport-errors.js";

export type Behaviour =
  | {
      status: number;
      json?: unknown;
      text?: string;
      headers?: Record<string, string>;
      delayMs?: number;
    }
  | { fail: string; delayMs?: number }
  | { hang: true };

export interface FakeHttp {
  send: HttpSend;
  /** Every request, with the clock time it was sent at. */
  calls: { url: string; at: number; headers: Record<string, string> }[];
}

function abortable(clock: ManualClock, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () =>
      reject(
        signal.reason instanceof RequestFailure ? signal.reason : new RequestFailure("cancelled"),
      );
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    if (ms >= 0)
      void clock.sleep(ms).then(() => {
        signal.removeEventListener("abort", onAbort);
        resolve();
      });
  });
}

export function fakeHttp(clock: ManualClock, script: Record<string, Behaviour[]>): FakeHttp {
  const calls: FakeHttp["calls"] = [];
  const served = new Map<string, number>();
  const send: HttpSend = async (request: HttpRequest) => {
    const url = request.url.href;
    calls.push({ url, at: clock.now().getTime(), headers: request.headers });
    const list = script[url];
    if (!list) throw new Error(`no script for ${url}`);
    const index = served.get(url) ?? 0;
    served.set(url, index + 1);
    const behaviour = list[Math.min(index, list.length - 1)]!;
    if ("hang" in behaviour) {
      await abortable(clock, -1, request.signal);
      throw new Error("unreachable");
    }
    await abortable(clock, behaviour.delayMs ?? 0, request.signal);
    if ("fail" in behaviour) throw new RequestFailure(behaviour.fail);
    const body =
      behaviour.json !== undefined ? JSON.stringify(behaviour.json) : (behaviour.text ?? "");
    const response: HttpResponse = {
      url: request.url,
      status: behaviour.status,
      statusText: "",
      headers: {
        "content-type": behaviour.json !== undefined ? "application/json" : "text/plain",
        ...Object.fromEntries(
          Object.entries(behaviour.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
        ),
      },
      body: Buffer.from(body),
      redirects: [],
    };
    return response;
  };
  return { send, calls };
}

/** Advances the clock until `promise` settles (at most `limitMs` of clock time). */
export async function drive<T>(
  clock: ManualClock,
  promise: Promise<T>,
  limitMs = 3_600_000,
): Promise<T> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let elapsed = 0; !settled && elapsed < limitMs; elapsed += 100) {
    await clock.advance(100);
  }
  return promise;
}
