/** preflight's job summary and `report` output: one table of every item checked. */
import type { Summary } from "../core/summary.js";
import { inlineCode } from "../core/summary.js";
import type { Verdict } from "./check-result.js";
import type { PreflightResult } from "./main.js";

const LABELS: Record<Verdict, string> = { pass: "✅ pass", warn: "⚠️ warn", fail: "❌ fail" };

function verdictLine(result: PreflightResult): string {
  const total = result.rows.length;
  const parts = [
    `${result.failed.length} failed`,
    `${result.warnings.length} warned`,
    `${total - result.failed.length - result.warnings.length} passed`,
  ];
  return `${result.passed ? "Ready to deploy" : "Not ready to deploy"}: ${parts.join(", ")}.`;
}

export function preflightSummary(result: PreflightResult): Summary {
  return [
    { kind: "heading", text: "preflight" },
    { kind: "paragraph", text: verdictLine(result) },
    {
      kind: "table",
      header: ["Check", "Item", "Result", "Detail"],
      rows: result.rows.map((r) => [r.check, inlineCode(r.item), LABELS[r.verdict], r.detail]),
    },
    ...(result.override
      ? [
          {
            kind: "paragraph" as const,
            text: `**Emergency override** of the deploy window at ${result.override.at}${result.override.actor ? ` by ${result.override.actor}` : ""}: ${result.override.reason}`,
          },
        ]
      : []),
  ];
}

export function preflightReport(result: PreflightResult): string {
  return JSON.stringify({
    passed: result.passed,
    checks: result.rows,
    ...(result.window?.nextOpening ? { nextOpening: result.window.nextOpening.toISOString() } : {}),
    ...(result.override ? { override: result.override } : {}),
  });
}
