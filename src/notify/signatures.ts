/**
 * Request signatures, each exactly as its vendor documents it. Lark and DingTalk both sign
 * `timestamp + "\n" + secret` with HMAC-SHA256 and base64, but not the same way round:
 * Lark uses that string as the key over an empty message, DingTalk uses the secret as the
 * key over that string (and then URL-encodes the result into the query).
 */
import { createHmac } from "node:crypto";

/** Lark/Feishu custom bot: timestamp in seconds, as a string in the JSON body. */
export function larkSignature(secret: string, timestampSeconds: number): string {
  return createHmac("sha256", `${timestampSeconds}\n${secret}`).update("").digest("base64");
}

/** DingTalk custom robot: timestamp in milliseconds; the base64 signature (not yet URL-encoded). */
export function dingtalkSignature(secret: string, timestampMs: number): string {
  return createHmac("sha256", secret).update(`${timestampMs}\n${secret}`).digest("base64");
}

export const WEBHOOK_SIGNATURE_HEADER = "x-greenlight-signature-256";
export const WEBHOOK_TIMESTAMP_HEADER = "x-greenlight-timestamp";

/**
 * The generic webhook: `sha256=` + hex HMAC-SHA256 of `<timestamp>.<body>`. Signing the
 * timestamp with the body lets a receiver refuse a replayed request.
 */
export function webhookSignature(secret: string, timestampSeconds: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestampSeconds}.${body}`).digest("hex")}`;
}
