/** What every notification target is: how to build its request, and how to read its answer. */
import type { DeploymentEvent } from "../event.js";
import type { Message } from "../message.js";

export const TARGET_NAMES = ["slack", "lark", "dingtalk", "teams", "webhook", "pagerduty"] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

export interface PreparedRequest {
  url: URL;
  headers: Record<string, string>;
  body: string;
}

export interface ReceivedResponse {
  status: number;
  body: string;
}

export interface NotificationTarget {
  name: TargetName;
  /** Events this target wants (kinds or statuses); all when undefined. */
  events?: readonly string[] | undefined;
  /**
   * The request for one attempt, built afresh each time so a signature's timestamp is
   * current after a retry wait. Undefined when the target has nothing to send for this
   * event (PagerDuty on a deploy that only started).
   */
  prepare(message: Message, event: DeploymentEvent, now: Date): PreparedRequest | undefined;
  /** Undefined when the vendor accepted the message, else why not (from its answer). */
  refusal(response: ReceivedResponse): string | undefined;
}

export function jsonRequest(
  url: URL,
  payload: unknown,
  headers: Record<string, string> = {},
): PreparedRequest {
  return {
    url,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
    body: JSON.stringify(payload),
  };
}

/** The parsed JSON body, or undefined when it is not JSON. */
export function jsonBody(response: ReceivedResponse): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(response.body);
    return typeof value === "object" && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A short excerpt of an answer for a reason: enough to recognise, never a whole page. */
export function excerpt(body: string, limit = 200): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length > limit ? `${flat.slice(0, limit)}…` : flat;
}

/** The refusal for a non-2xx answer; 2xx answers are judged by each vendor's own rules. */
export function httpRefusal(response: ReceivedResponse): string | undefined {
  if (response.status >= 200 && response.status < 300) return undefined;
  const text = excerpt(response.body);
  return `HTTP ${response.status}${text ? `: ${text}` : ""}`;
}
