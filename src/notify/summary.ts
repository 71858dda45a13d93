/** notify's job summary and its `report` output, built from the result alone. */
import type { Summary } from "../core/summary.js";
import { inlineCode } from "../core/summary.js";
import type { NotifyResult } from "./main.js";

const RESULT_LABELS = {
  delivered: "✅ delivered",
  failed: "❌ failed",
  skipped: "➖ skipped",
} as const;

export function notifySummary(result: NotifyResult): Summary {
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
