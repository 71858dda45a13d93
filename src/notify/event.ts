/**
 * The deployment event notify reports: what happened, where, to which services, and the
 * links and evidence a person needs to act on it. Every target renders this one shape.
 */

export const EVENT_STATUSES = ["started", "success", "failure", "cancelled"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const EVENT_KINDS = ["deploy", "promotion", "rollback"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface DeploymentEvent {
  kind: EventKind;
  status: EventStatus;
  environment: string;
  services: string[];
  version?: string | undefined;
  /** owner/name of the application repository. */
  repository?: string | undefined;
  commit?: string | undefined;
  branch?: string | undefined;
  actor?: string | undefined;
  durationMs?: number | undefined;
  runUrl?: string | undefined;
  /** What the CI system calls runUrl's page ("workflow run", "pipeline", "build"). */
  runName?: string | undefined;
  prUrl?: string | undefined;
  /** For promotions and rollbacks: the measurements that led to the decision. */
  evidence: string[];
  /** When the event happened (ISO 8601). */
  at: string;
}

/** `2 min 5 s`, `45 s`, `1 h 3 min`: durations as people say them. */
export function formatEventDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  if (total < 60) return `${total} s`;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return `${hours} h${minutes > 0 ? ` ${minutes} min` : ""}`;
  return `${minutes} min${seconds > 0 ? ` ${seconds} s` : ""}`;
}

/** Whether the event is bad news: it decides colours, PagerDuty triggers and severities. */
export function isBadNews(event: DeploymentEvent): boolean {
  return event.status === "failure" || event.kind === "rollback";
}
