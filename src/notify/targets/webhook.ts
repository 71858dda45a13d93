/**
 * The generic webhook: the event itself as JSON, with the rendered title and text, signed
 * with HMAC-SHA256 over `<timestamp>.<body>` when a secret is given (see signatures.ts).
 */
import {
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  webhookSignature,
} from "../signatures.js";
import type { NotificationTarget } from "./target.js";
import { httpRefusal, jsonRequest } from "./target.js";

export function webhookTarget(options: {
  url: URL;
  secret?: string | undefined;
  events?: readonly string[] | undefined;
}): NotificationTarget {
  return {
    name: "webhook",
    events: options.events,
    prepare: (message, event, now) => {
      const request = jsonRequest(options.url, {
        type: "greenlight.deployment",
        ...event,
        title: message.title,
        text: message.text,
      });
      if (!options.secret) return request;
      const timestamp = Math.floor(now.getTime() / 1000);
      request.headers[WEBHOOK_TIMESTAMP_HEADER] = String(timestamp);
      request.headers[WEBHOOK_SIGNATURE_HEADER] = webhookSignature(
        options.secret,
        timestamp,
        request.body,
      );
      return request;
    },
    refusal: httpRefusal,
  };
}
