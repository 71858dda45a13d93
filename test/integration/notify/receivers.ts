/**
 * Local receivers that behave like each vendor's endpoint, on loopback HTTP or HTTPS.
 * Every signature is checked by an implementation written here from the vendor's own
 * documentation, independently of src/notify, so a shared misreading cannot pass:
 *
 * - Lark/Feishu custom bot ("Custom bot guide", signature verification): string_to_sign =
 *   timestamp + "\n" + secret; HmacSHA256 keyed with string_to_sign over an empty byte
 *   array; base64. `timestamp` (seconds) and `sign` are body fields; a timestamp more than
 *   one hour from now is refused. Refusal: 200 {"code":19021,"msg":"sign match fail or
 *   timestamp is not within one hour from current time"}.
 * - DingTalk custom robot ("自定义机器人安全设置", 加签): string_to_sign = timestamp + "\n" +
 *   secret, timestamp in milliseconds; HmacSHA256 keyed with the secret; base64; then
 *   urlEncode (UTF-8); both passed in the query. Same one-hour window. Refusal: 200
 *   {"errcode":310000,"errmsg":"sign not match"}.
 * - The generic webhook, as documented in actions/notify/README.md.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Clock } from "../../../src/core/clock.js";
import type { Certificate, TestServer } from "../verify/servers.js";
import { sendJson, startServer } from "../verify/servers.js";

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
  /** The parsed JSON body (undefined when not JSON). */
  json: Record<string, unknown> | undefined;
  /** Why the receiver refused it, when it did. */
  refused?: string;
}

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface Receiver {
  server: TestServer;
  url(path: string): string;
  requests: ReceivedRequest[];
  /** Answers given before the vendor logic runs, one per request, in order. */
  script: ScriptedAnswer[];
  close(): Promise<void>;
}

type Judge = (request: ReceivedRequest, res: ServerResponse) => void;

const ONE_HOUR_MS = 3_600_000;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

async function startReceiver(judge: Judge, tls?: Certificate): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const script: ScriptedAnswer[] = [];
  const server = await startServer(
    async (req, res) => {
      const body = await readBody(req);
      const request: ReceivedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body,
        json: parseJson(body),
      };
      requests.push(request);
      const scripted = script.shift();
      if (scripted) {
        res.writeHead(scripted.status, scripted.headers ?? {});
        res.end(scripted.body ?? "");
        return;
      }
      judge(request, res);
    },
    tls ? { tls } : {},
  );
  return { server, url: (path) => server.url(path), requests, script, close: () => server.close() };
}

function refuse(
  request: ReceivedRequest,
  res: ServerResponse,
  status: number,
  body: unknown,
  why: string,
) {
  request.refused = why;
  sendJson(res, status, body);
}

/** Lark/Feishu custom bot with signature verification enabled. */
export function larkReceiver(
  secret: string,
  now: () => number,
  tls?: Certificate,
): Promise<Receiver> {
  return startReceiver((request, res) => {
    const body = request.json ?? {};
    const timestamp = body["timestamp"];
    const sign = body["sign"];
    const fail = (why: string) =>
      refuse(
        request,
        res,
        200,
        {
          code: 19021,
          msg: "sign match fail or timestamp is not within one hour from current time",
          data: {},
        },
        why,
      );
    if (typeof timestamp !== "string" || !/^\d+$/.test(timestamp) || typeof sign !== "string")
      return fail("no timestamp or sign");
    if (Math.abs(now() - Number(timestamp) * 1000) > ONE_HOUR_MS)
      return fail("timestamp outside one hour");
    const stringToSign = `${timestamp}\n${secret}`;
    const expected = createHmac("sha256", Buffer.from(stringToSign, "utf8"))
      .update(Buffer.alloc(0))
      .digest("base64");
    if (!sameText(sign, expected)) return fail("signature mismatch");
    if (body["msg_type"] !== "interactive" || typeof body["card"] !== "object") {
      return refuse(request, res, 200, { code: 9499, msg: "Bad Request" }, "not a card");
    }
    sendJson(res, 200, { code: 0, data: {}, msg: "success" });
  }, tls);
}

/** DingTalk custom robot with signing (加签) enabled. */
export function dingtalkReceiver(
  secret: string,
  accessToken: string,
  now: () => number,
  tls?: Certificate,
): Promise<Receiver> {
  return startReceiver((request, res) => {
    const fail = (why: string) =>
      refuse(
        request,
        res,
        200,
        {
          errcode: 310000,
          errmsg: "sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]",
        },
        why,
      );
    // Read the raw query: the signature must arrive URL-encoded, exactly as documented.
    const raw = new Map<string, string>();
    for (const pair of (request.url.split("?")[1] ?? "").split("&")) {
      const eq = pair.indexOf("=");
      if (eq > 0) raw.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    if (raw.get("access_token") !== accessToken) {
      return refuse(
        request,
        res,
        200,
        { errcode: 300001, errmsg: "token is not exist" },
        "wrong access token",
      );
    }
    const timestamp = raw.get("timestamp");
    const sign = raw.get("sign");
    if (!timestamp || !/^\d+$/.test(timestamp) || !sign) return fail("no timestamp or sign");
    if (Math.abs(now() - Number(timestamp)) > ONE_HOUR_MS)
      return fail("timestamp outside one hour");
    const hmac = createHmac("sha256", Buffer.from(secret, "utf8"))
      .update(Buffer.from(`${timestamp}\n${secret}`, "utf8"))
      .digest("base64");
    // urllib.parse.quote_plus of a base64 text: + / = are percent-encoded.
    const expected = hmac.replace(
      /[+/=]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    );
    if (!sameText(sign, expected)) return fail("signature mismatch");
    const body = request.json ?? {};
    const markdown = body["markdown"] as Record<string, unknown> | undefined;
    if (
      body["msgtype"] !== "markdown" ||
      typeof markdown?.["title"] !== "string" ||
      typeof markdown["text"] !== "string"
    ) {
      return refuse(request, res, 200, { errcode: 40035, errmsg: "缺少参数 json" }, "not markdown");
    }
    sendJson(res, 200, { errcode: 0, errmsg: "ok" });
  }, tls);
}

/** The generic webhook's receiver: HMAC-SHA256 over `<timestamp>.<body>`, five-minute window. */
export function webhookReceiver(
  secret: string,
  now: () => number,
  tls?: Certificate,
): Promise<Receiver> {
  return startReceiver((request, res) => {
    const timestamp = String(request.headers["x-greenlight-timestamp"] ?? "");
    const signature = String(request.headers["x-greenlight-signature-256"] ?? "");
    if (!/^\d+$/.test(timestamp) || Math.abs(now() - Number(timestamp) * 1000) > 5 * 60_000) {
      return refuse(request, res, 401, { error: "stale or missing timestamp" }, "timestamp");
    }
    const expected = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${request.body}`).digest("hex")}`;
    if (!sameText(signature, expected))
      return refuse(request, res, 401, { error: "bad signature" }, "signature mismatch");
    sendJson(res, 200, { received: true });
  }, tls);
}

/** A Slack incoming webhook: answers the text `ok`, or `invalid_payload`. */
export function slackWebhookReceiver(tls?: Certificate): Promise<Receiver> {
  return startReceiver((request, res) => {
    const body = request.json ?? {};
    if (typeof body["text"] !== "string" || !Array.isArray(body["blocks"])) {
      request.refused = "invalid_payload";
      res.writeHead(400, { "content-type": "text/plain" });
      res.end("invalid_payload");
      return;
    }
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("ok");
  }, tls);
}

/** Slack's Web API chat.postMessage with a bot token. */
export function slackApiReceiver(token: string, tls?: Certificate): Promise<Receiver> {
  return startReceiver((request, res) => {
    if (!request.url.endsWith("/chat.postMessage"))
      return refuse(request, res, 404, { ok: false, error: "unknown_method" }, "path");
    if (request.headers["authorization"] !== `Bearer ${token}`)
      return refuse(request, res, 200, { ok: false, error: "invalid_auth" }, "token");
    if (request.json?.["channel"] !== "#deploys")
      return refuse(request, res, 200, { ok: false, error: "channel_not_found" }, "channel");
    sendJson(res, 200, { ok: true, channel: "C123", ts: "1700000000.000100" });
  }, tls);
}

/** A Teams webhook: 202 for a message with an Adaptive Card attachment. */
export function teamsReceiver(tls?: Certificate): Promise<Receiver> {
  return startReceiver((request, res) => {
    const attachments = request.json?.["attachments"];
    const first = Array.isArray(attachments)
      ? (attachments[0] as Record<string, unknown>)
      : undefined;
    if (first?.["contentType"] !== "application/vnd.microsoft.card.adaptive") {
      return refuse(request, res, 400, { error: "bad card" }, "not an adaptive card");
    }
    res.writeHead(202);
    res.end();
  }, tls);
}

/** PagerDuty Events API v2 (/v2/enqueue). */
export function pagerdutyReceiver(routingKey: string, tls?: Certificate): Promise<Receiver> {
  return startReceiver((request, res) => {
    const body = request.json ?? {};
    const invalid = (why: string) =>
      refuse(
        request,
        res,
        400,
        { status: "invalid event", message: "Event object is invalid", errors: [why] },
        why,
      );
    if (body["routing_key"] !== routingKey) return invalid("routing_key");
    const action = body["event_action"];
    if (action !== "trigger" && action !== "resolve" && action !== "acknowledge")
      return invalid("event_action");
    if (action === "trigger") {
      const payload = body["payload"] as Record<string, unknown> | undefined;
      if (typeof payload?.["summary"] !== "string" || typeof payload["source"] !== "string")
        return invalid("payload");
      if (!["critical", "error", "warning", "info"].includes(String(payload["severity"])))
        return invalid("severity");
    } else if (typeof body["dedup_key"] !== "string") return invalid("dedup_key");
    sendJson(res, 202, {
      status: "success",
      message: "Event processed",
      dedup_key: body["dedup_key"],
    });
  }, tls);
}

/**
 * A clock that reads real time but never really waits: a sleep is recorded and moves the
 * clock on, so retry waits cost nothing and timestamps after a wait are later ones.
 */
export class FastForwardClock implements Clock {
  readonly sleeps: number[] = [];
  private elapsed = 0;
  constructor(private readonly start = Date.now()) {}
  now(): Date {
    return new Date(this.start + this.elapsed);
  }
  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.elapsed += ms;
    return Promise.resolve();
  }
}
