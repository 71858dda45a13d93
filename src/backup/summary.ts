/** The backup job summary, built as data. */
import type { Summary } from "../core/summary.js";
import { inlineCode } from "../core/summary.js";
import { formatBytes, formatSeconds } from "../core/quantity.js";
import type { BackupResult } from "./main.js";

export function backupSummary(result: BackupResult): Summary {
  const m = result.manifest;
  const summary: Summary = [
    { kind: "heading", text: "Backup" },
    {
      kind: "table",
      header: ["", ""],
      rows: [
        ["location", inlineCode(result.location)],
        [
          "source",
          `${m.source.kind} (${m.source.format})${m.source["server-version"] ? `, ${m.source["server-version"]}` : ""}`,
        ],
        ["size", `${formatBytes(m.size)} stored, ${formatBytes(m["dump-size"])} dumped`],
        ["sha256", inlineCode(m.sha256)],
        ["compression / encryption", `${m.compression} / ${m.encryption}`],
        ["duration", formatSeconds(result.durationMs)],
        [
          "verified",
          m.verification.verified ? `✅ ${m.verification.detail ?? ""}` : "not verified",
        ],
      ],
    },
  ];
  const counts = m["row-counts"];
  if (counts && Object.keys(counts).length > 0) {
    summary.push({
      kind: "details",
      title: `Row counts (${Object.keys(counts).length} tables)`,
      blocks: [
        {
          kind: "table",
          header: ["table", "rows"],
          rows: Object.entries(counts).map(([t, n]) => [inlineCode(t), String(n)]),
        },
      ],
    });
  }
  const retention = result.retention;
  if (retention) {
    const dry = retention.wouldDelete.length > 0;
    summary.push({ kind: "heading", level: 3, text: dry ? "Retention (dry run)" : "Retention" });
    summary.push({
      kind: "table",
      header: ["backup", "decision"],
      rows: [
        ...retention.kept.map((k) => [inlineCode(k.location), `kept: ${k.reasons.join(", ")}`]),
        ...retention.deleted.map((d) => [inlineCode(d), "deleted"]),
        ...retention.wouldDelete.map((d) => [inlineCode(d), "would delete"]),
      ],
    });
  }
  if (result.retentionError)
    summary.push({ kind: "paragraph", text: `⚠️ ${result.retentionError}` });
  return summary;
}
