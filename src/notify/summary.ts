/** notify's job summary and its `report` output, built from the result alone. */
import type { Summary } from "../core/summary.js";
import { inlineCode } from "../core/summary.js";
import type { NotifyResult } from "./main.js";

const RESULT_LABELS = {
  delivered: "✅ delivered",
  failed: "❌ failed",
  skipped: "➖ skipped",
} as const;

/** What notify says when it had no target at all: nothing sent, and not an error. */
export const NO_TARGETS = "No notification targets: nothing sent";

export function notifySummary(result: NotifyResult): Summary {
  if (result.outcomes.length === 0) {
    return [
      { kind: "heading", text: "notify" },
      { kind: "paragraph", text: `${NO_TARGETS}.` },
    ];
  }
  return [
    { kind: "heading", text: "notify" },
    { kind: "paragraph", text: result.message.title },
    {
      kind: "table",
      header: ["Target", "Result", "Attempts", "Detail"],
      rows: result.outcomes.map((outcome) => [
        inlineCode(outcome.target),
        RESULT_LABELS[outcome.result],
        String(outcome.attempts),
        outcome.reason ?? (outcome.status !== undefined ? `HTTP ${outcome.status}` : ""),
      ]),
    },
  ];
}

export function notifyReport(result: NotifyResult): string {
  return JSON.stringify({
    title: result.message.title,
    targets: result.outcomes,
  });
}
