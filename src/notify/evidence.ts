/**
 * The evidence input as lines a person reads. It is either plain lines, or the JSON record
 * promote and rollback write to their `evidence` output ({decision, reason, weights,
 * analyses: [{name, measured, threshold, verdict}], …}), which is turned into one line per
 * fact instead of being pasted as JSON into a chat message. A line of several that holds
 * such a record is read the same way.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Facts the event already carries: repeating them in the evidence adds nothing. */
const REDUNDANT = new Set(["environment", "services", "at", "decision", "operation", "reason"]);

function scalar(value: Json): string | undefined {
  if (value === null || typeof value === "object") return undefined;
  return String(value);
}

function describeObject(value: { [key: string]: Json }): string {
  const name = scalar(value["name"] ?? null);
  const measured = scalar(value["measured"] ?? value["value"] ?? null);
  if (name !== undefined && measured !== undefined) {
    const threshold = scalar(value["threshold"] ?? null);
    const verdict = scalar(value["verdict"] ?? null);
    return `${name}: ${measured}${threshold ? ` (threshold ${threshold})` : ""}${verdict ? ` — ${verdict}` : ""}`;
  }
  return Object.entries(value)
    .map(([key, inner]) => `${key}: ${scalar(inner) ?? JSON.stringify(inner)}`)
    .join(", ");
}

function describeItem(value: Json): string {
  if (value !== null && typeof value === "object" && !Array.isArray(value))
    return describeObject(value);
  return scalar(value) ?? JSON.stringify(value);
}

function recordLines(record: { [key: string]: Json }): string[] {
  const lines: string[] = [];
  const reason = scalar(record["reason"] ?? null);
  const verdict = scalar(record["decision"] ?? record["operation"] ?? null);
  if (reason) lines.push(verdict ? `${verdict}: ${reason}` : reason);
  for (const [key, value] of Object.entries(record)) {
    if (REDUNDANT.has(key)) continue;
    if (Array.isArray(value)) lines.push(...value.map(describeItem));
    else if (value !== null && typeof value === "object") {
      const entries = Object.entries(value).map(
        ([k, v]) => `${k} ${scalar(v) ?? JSON.stringify(v)}`,
      );
      lines.push(`${key}: ${entries.join(", ")}`);
    } else lines.push(`${key}: ${String(value)}`);
  }
  return lines;
}

/** A JSON record or list as lines; undefined for anything else (plain text, or not JSON after all). */
function jsonLines(text: string): string[] | undefined {
  if (!text.startsWith("{") && !text.startsWith("[")) return undefined;
  try {
    const value = JSON.parse(text) as Json;
    if (Array.isArray(value)) return value.map(describeItem);
    if (value !== null && typeof value === "object") return recordLines(value);
  } catch {
    // Not JSON after all: read it as text.
  }
  return undefined;
}

export function evidenceLines(text: string): string[] {
  const trimmed = text.trim();
  const whole = jsonLines(trimmed);
  if (whole) return whole;
  // Line by line: a workflow can pass promote's or rollback's one-line record followed by
  // what happened next (the verify of the stable side after a rollback).
  return trimmed
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .flatMap((line) => jsonLines(line) ?? [line]);
}
