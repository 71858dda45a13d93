/** The restore job summary, built as data. */
import { formatBytes, formatSeconds } from "../core/quantity.js";
import type { Summary } from "../core/summary.js";
import { inlineCode } from "../core/summary.js";
import type { RestoreResult } from "./main.js";

export function restoreSummary(result: RestoreResult): Summary {
  const m = result.manifest;
  return [
    { kind: "heading", text: "Restore" },
    {
      kind: "table",
      header: ["", ""],
      rows: [
        ["backup", inlineCode(result.location)],
        [
          "taken",
          `${m["started-at"]} (${m.source.kind}${m.source["server-version"] ? `, ${m.source["server-version"]}` : ""})`,
        ],
        ["into", result.target],
        ["size", formatBytes(m.size)],
        ["sha256", `${inlineCode(m.sha256)} ✅ checked before restoring`],
        ["duration", formatSeconds(result.durationMs)],
        [
          "verified",
          `${result.verified ? "✅" : result.failure ? "❌" : "—"} ${result.verification}`,
        ],
      ],
    },
  ];
}
