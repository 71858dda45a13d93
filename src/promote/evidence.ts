/**
 * The evidence of a decision in the three places it is recorded: Markdown for the pull
 * request body and the job summary, plain lines for the commit message, JSON for outputs
 * and the deployment payload. Built by pure functions from the same data.
 */
import type { SummaryBlock } from "../core/summary.js";
import { inlineCode, renderMarkdown } from "../core/summary.js";
import type { AnalysisEvidence } from "./analyses/types.js";

export interface EvidenceRecord {
  decision: string;
  reason: string;
  environment: string;
  weights: Record<string, number>;
  analyses: AnalysisEvidence[];
  /**
   * After a rollback: the release each service left and the stable one it is back on. The
   * file may no longer hold the rolled-back image (a green side without a desired count is
   * given the stable image), so the record names it.
   */
  images?: Record<string, { from: string; to: string }>;
  at: string;
}

function imageLines(record: EvidenceRecord): string[] {
  return Object.entries(record.images ?? {}).map(
    ([service, { from, to }]) => `Rolled back ${service}: ${from} (stable: ${to})`,
  );
}

const VERDICT_MARK: Record<AnalysisEvidence["verdict"], string> = {
  passed: "✅ passed",
  failed: "❌ failed",
  inconclusive: "⏸️ inconclusive",
};

export function evidenceBlocks(record: EvidenceRecord): SummaryBlock[] {
  const blocks: SummaryBlock[] = [
    {
      kind: "paragraph",
      text: `**Decision:** ${record.decision} — ${record.reason}`,
    },
  ];
  const images = Object.entries(record.images ?? {});
  if (images.length > 0) {
    blocks.push({
      kind: "table",
      header: ["Service", "Rolled back", "Stable"],
      rows: images.map(([service, { from, to }]) => [service, inlineCode(from), inlineCode(to)]),
    });
  }
  if (record.analyses.length > 0) {
    blocks.push({
      kind: "table",
      header: ["Analysis", "Query", "Measured", "Threshold", "Verdict"],
      rows: record.analyses.map((a) => [
        a.name,
        inlineCode(a.query),
        a.measured,
        a.threshold,
        `${VERDICT_MARK[a.verdict]} (${a.reason})`,
      ]),
    });
  } else {
    blocks.push({ kind: "paragraph", text: "No analyses gate this step." });
  }
  return blocks;
}

export function evidenceMarkdown(record: EvidenceRecord): string {
  return renderMarkdown([
    { kind: "heading", level: 3, text: "Evidence" },
    ...evidenceBlocks(record),
  ]).trim();
}

export function evidenceCommitLines(record: EvidenceRecord): string {
  return [
    `Decision: ${record.decision} (${record.reason})`,
    ...imageLines(record),
    ...record.analyses.map(
      (a) =>
        `- ${a.name}: ${a.verdict}; measured ${a.measured}; threshold ${a.threshold}; query ${a.query}`,
    ),
  ].join("\n");
}
