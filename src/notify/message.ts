/**
 * One message, rendered from the event by a template, that every target turns into its
 * own native format (Slack blocks, a Lark card, DingTalk markdown, an Adaptive Card…).
 * The template decides the words (title and text); the facts, links and evidence are
 * always the event's, so an overridden template cannot lose them.
 */
import type { DeploymentEvent } from "./event.js";
import { formatEventDuration, isBadNews } from "./event.js";

export type Tone = "good" | "bad" | "warning" | "neutral";

export interface MessageFact {
  label: string;
  value: string;
}

export interface MessageLink {
  text: string;
  url: string;
}

export interface Message {
  title: string;
  text: string;
  tone: Tone;
  facts: MessageFact[];
  links: MessageLink[];
  evidence: string[];
}

export interface MessageTemplate {
  title: string;
  text: string;
}

export const DEFAULT_TEMPLATE: MessageTemplate = {
  title: "{{emoji}} {{headline}}",
  text: "{{details}}",
};

const KIND_NOUN: Record<DeploymentEvent["kind"], string> = {
  deploy: "Deploy",
  promotion: "Promotion",
  rollback: "Rollback",
};

function subject(event: DeploymentEvent): string {
  const services = event.services.length > 0 ? event.services.join(", ") : "the application";
  return event.version ? `${services} ${event.version}` : services;
}

function headline(event: DeploymentEvent): string {
  const what = `${KIND_NOUN[event.kind]} of ${subject(event)} to ${event.environment}`;
  switch (event.status) {
    case "started":
      return `${what} started`;
    case "success":
      return `${what} succeeded`;
    case "failure":
      return `${what} failed`;
    case "cancelled":
      return `${what} was cancelled`;
  }
}

function emoji(event: DeploymentEvent): string {
  if (event.status === "failure") return "🔴";
  if (event.kind === "rollback") return "🟠";
  if (event.status === "success") return "🟢";
  if (event.status === "cancelled") return "⚪";
  return "🔵";
}

function shortCommit(commit: string | undefined): string {
  return commit ? commit.slice(0, 7) : "";
}

/** `acme/shop@0123456 on main by octocat in 2 min.`; never empty, so a message always says something beyond its title. */
function details(event: DeploymentEvent): string {
  const parts: string[] = [];
  if (event.repository) {
    parts.push(
      event.commit ? `${event.repository}@${shortCommit(event.commit)}` : event.repository,
    );
  } else if (event.commit) parts.push(`commit ${shortCommit(event.commit)}`);
  if (event.branch) parts.push(`on ${event.branch}`);
  if (event.actor) parts.push(`by ${event.actor}`);
  if (event.durationMs !== undefined) parts.push(`in ${formatEventDuration(event.durationMs)}`);
  if (parts.length === 0) parts.push(`At ${event.at.replace(/\.\d+Z$/, "Z")}`);
  return `${parts.join(" ")}.`;
}

function runLinkText(event: DeploymentEvent): string {
  const name = event.runName ?? "workflow run";
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Every placeholder a template may use, with its value for `event`. */
export function placeholderValues(event: DeploymentEvent): Record<string, string> {
  return {
    emoji: emoji(event),
    headline: headline(event),
    details: details(event),
    kind: event.kind,
    status: event.status,
    environment: event.environment,
    services: event.services.join(", "),
    version: event.version ?? "",
    repository: event.repository ?? "",
    commit: event.commit ?? "",
    "short-commit": shortCommit(event.commit),
    branch: event.branch ?? "",
    actor: event.actor ?? "",
    duration: event.durationMs !== undefined ? formatEventDuration(event.durationMs) : "",
    "run-url": event.runUrl ?? "",
    "pr-url": event.prUrl ?? "",
    evidence: event.evidence.join("; "),
  };
}

export const PLACEHOLDERS = Object.keys(
  placeholderValues({
    kind: "deploy",
    status: "success",
    environment: "",
    services: [],
    evidence: [],
    at: "",
  }),
);

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholders in `text` that notify does not know, for a readable refusal. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)]
    .map((match) => match[1] ?? "")
    .filter((name) => !PLACEHOLDERS.includes(name));
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (_all, name: string) => values[name] ?? "").trim();
}

function tone(event: DeploymentEvent): Tone {
  if (event.status === "failure") return "bad";
  if (isBadNews(event)) return "warning";
  if (event.status === "success") return "good";
  return "neutral";
}

function facts(event: DeploymentEvent, values: Record<string, string>): MessageFact[] {
  const all: [string, string][] = [
    ["Environment", event.environment],
    ["Services", values["services"] ?? ""],
    ["Version", event.version ?? ""],
    ["Status", event.status],
    ["Duration", values["duration"] ?? ""],
    ["Commit", values["short-commit"] ?? ""],
    ["Branch", event.branch ?? ""],
    ["Actor", event.actor ?? ""],
  ];
  return all.filter(([, value]) => value !== "").map(([label, value]) => ({ label, value }));
}

function links(event: DeploymentEvent): MessageLink[] {
  return [
    ...(event.runUrl ? [{ text: runLinkText(event), url: event.runUrl }] : []),
    ...(event.prUrl ? [{ text: "Pull request", url: event.prUrl }] : []),
  ];
}

export function renderMessage(
  event: DeploymentEvent,
  template: MessageTemplate = DEFAULT_TEMPLATE,
): Message {
  const values = placeholderValues(event);
  return {
    title: fill(template.title, values) || headline(event),
    text: fill(template.text, values),
    tone: tone(event),
    facts: facts(event, values),
    links: links(event),
    evidence: event.evidence,
  };
}
