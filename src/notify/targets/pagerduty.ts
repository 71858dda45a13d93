/**
 * PagerDuty Events API v2: a failure or a rollback triggers an alert, a later success
 * resolves it. Both use one dedup key per repository and environment, so the success of
 * the next deploy closes the incident the failed one opened.
 */
import type { PAGERDUTY_SEVERITIES } from "../config-schema.js";
import type { DeploymentEvent } from "../event.js";
import { isBadNews } from "../event.js";
import type { Message } from "../message.js";
import type { NotificationTarget } from "./target.js";
import { httpRefusal, jsonRequest } from "./target.js";

export const PAGERDUTY_EVENTS_URL = "https://events.pagerduty.com/v2/enqueue";

export function pagerdutyDedupKey(event: DeploymentEvent): string {
  return `greenlight/${event.repository ?? "deployment"}/${event.environment}`;
}

type Severity = (typeof PAGERDUTY_SEVERITIES)[number];

/**
 * A rollback that worked is the system protecting itself: the config's severity, a warning by
 * default. A rollback that failed is critical; any other failure an error.
 */
function severity(event: DeploymentEvent, rollbackSeverity: Severity = "warning"): Severity {
  if (event.kind === "rollback") return event.status === "failure" ? "critical" : rollbackSeverity;
  return "error";
}

function action(event: DeploymentEvent): "trigger" | "resolve" | undefined {
  if (isBadNews(event) && event.status !== "started" && event.status !== "cancelled")
    return "trigger";
  if (event.status === "success") return "resolve";
  return undefined;
}

export function pagerdutyEvent(
  routingKey: string,
  message: Message,
  event: DeploymentEvent,
  dedupKey?: string,
  rollbackSeverity?: Severity,
): unknown {
  const eventAction = action(event);
  if (!eventAction) return undefined;
  const base = {
    routing_key: routingKey,
    event_action: eventAction,
    dedup_key: dedupKey ?? pagerdutyDedupKey(event),
  };
  if (eventAction === "resolve") return base;
  return {
    ...base,
    payload: {
      summary: message.title.slice(0, 1024),
      source: event.repository ?? "greenlight",
      severity: severity(event, rollbackSeverity),
      timestamp: event.at,
      component: event.services.join(", ") || undefined,
      group: event.environment,
      class: event.kind,
      custom_details: {
        ...Object.fromEntries(message.facts.map((fact) => [fact.label.toLowerCase(), fact.value])),
        ...(message.text ? { text: message.text } : {}),
        ...(message.evidence.length > 0 ? { evidence: message.evidence } : {}),
      },
    },
    client: "Greenlight",
    ...(event.runUrl ? { client_url: event.runUrl } : {}),
    links: message.links.map((link) => ({ href: link.url, text: link.text })),
  };
}

export function pagerdutyTarget(options: {
  routingKey: string;
  url: URL;
  dedupKey?: string | undefined;
  /** Severity of a rollback that worked; warning by default. */
  rollbackSeverity?: Severity | undefined;
  events?: readonly string[] | undefined;
}): NotificationTarget {
  return {
    name: "pagerduty",
    events: options.events,
    prepare: (message, event) => {
      const payload = pagerdutyEvent(
        options.routingKey,
        message,
        event,
        options.dedupKey,
        options.rollbackSeverity,
      );
      return payload === undefined ? undefined : jsonRequest(options.url, payload);
    },
    refusal: httpRefusal,
  };
}
