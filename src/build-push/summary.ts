import type { Summary } from "../core/summary.js";
import { inlineCode } from "../core/summary.js";
import { formatDecimalBytes as formatSize } from "../core/quantity.js";
import type { BuildPushResult } from "./main.js";

/** The job summary: one row per service, with what each platform weighs compressed. */
export function buildPushSummary(result: BuildPushResult): Summary {
  const summary: Summary = [
    { kind: "heading", text: `build-push (${result.engine})` },
    {
      kind: "table",
      header: ["Service", "Reference", "Platforms", "Size"],
      rows: result.services.map((s) => [
        s.service,
        inlineCode(s.reference),
        s.platforms.map((p) => p.platform).join(", "),
        s.platforms.map((p) => `${formatSize(p.size)} (${p.platform})`).join(", "),
      ]),
    },
  ];
  const tags = result.services.flatMap((s) => s.tags);
  if (tags.length > 0) {
    summary.push({
      kind: "details",
      title: "Tags",
      blocks: [{ kind: "code", text: tags.join("\n") }],
    });
  }
  if (result.problems.length > 0) {
    summary.push({ kind: "paragraph", text: `**Failed:** ${result.problems.join(" ")}` });
  }
  return summary;
}
