import type { Summary, SummaryBlock } from "../core/summary.js";
import { inlineCode } from "../core/summary.js";
import { formatDuration, formatPercent } from "./format.js";
import type { LatencyReport } from "./latency-probe.js";
import type { CheckVerdict, VerifyResult } from "./main.js";

function verdictLine(result: VerifyResult): string {
  const total = result.checks.length;
  if (result.passed)
    return `All ${total} check${total === 1 ? "" : "s"} passed in ${formatDuration(result.durationMs)}.`;
  const failed = result.failedChecks.map(inlineCode).join(", ");
  return `${result.failedChecks.length} of ${total} checks failed: ${failed}.`;
}

function checkRow(check: CheckVerdict): string[] {
  return [
    inlineCode(check.name),
    check.passed ? "✅ passed" : "❌ failed",
    `${check.attempts} of ${check.maxAttempts}`,
    check.latencyMs !== undefined ? formatDuration(check.latencyMs) : "—",
    check.reason ?? (check.status !== undefined ? `status ${check.status}` : ""),
  ];
}

function bar(count: number, max: number): string {
  return "█".repeat(max > 0 ? Math.max(count > 0 ? 1 : 0, Math.round((count / max) * 30)) : 0);
}

/** The latency distribution: percentiles, then a histogram drawn in text. */
function latencyBlocks(name: string, report: LatencyReport): SummaryBlock[] {
  const d = report.latencyMs;
  const most = Math.max(...report.histogram.map((b) => b.count));
  const lines = report.histogram.map((bucket) => {
    const label = Number.isFinite(bucket.upToMs) ? `≤ ${formatDuration(bucket.upToMs)}` : "more";
    return `${label.padStart(9)} ${String(bucket.count).padStart(6)} ${bar(bucket.count, most)}`;
  });
  return [
    { kind: "heading", level: 3, text: `Latency: ${name}` },
    {
      kind: "table",
      header: ["requests", "concurrency", "p50", "p95", "p99", "max", "errors", "throughput"],
      rows: [
        [
          String(report.requests),
          String(report.concurrency),
          formatDuration(d.p50),
          formatDuration(d.p95),
          formatDuration(d.p99),
          formatDuration(d.max),
          `${report.errors} (${formatPercent(report.errorRate)})`,
          `${report.throughput.toFixed(1)}/s`,
        ],
      ],
    },
    ...(lines.length > 0 ? [{ kind: "code" as const, text: lines.join("\n") }] : []),
  ];
}

/** The job summary: one row per check, then each latency probe's distribution. */
export function verifySummary(result: VerifyResult): Summary {
  return [
    { kind: "heading", text: "verify" },
    { kind: "paragraph", text: verdictLine(result) },
    {
      kind: "table",
      header: ["Check", "Result", "Attempts", "Latency", "Reason"],
      rows: result.checks.map(checkRow),
    },
    ...result.checks.flatMap((check) =>
      check.latencyProbe ? latencyBlocks(check.name, check.latencyProbe) : [],
    ),
  ];
}

/** The `report` output: the whole result as JSON, times rounded to microseconds. */
export function verifyReport(result: VerifyResult): string {
  return JSON.stringify(result, (_key, value: unknown) =>
    typeof value === "number" && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value,
  );
}
