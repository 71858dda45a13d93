import type { Summary } from "../core/summary.js";
import { inlineCode } from "../core/summary.js";
import type { UpdateTfvarsResult } from "./main.js";

function show(value: unknown): string {
  return value === undefined ? "(absent)" : inlineCode(JSON.stringify(value));
}

/** The job summary: a table of every change, old → new. */
export function updateTfvarsSummary(result: UpdateTfvarsResult): Summary {
  const title = result.dryRun ? "update-tfvars (dry run: nothing written)" : "update-tfvars";
  if (!result.changed) {
    return [
      { kind: "heading", text: title },
      {
        kind: "paragraph",
        text: `No changes: ${result.files.map((f) => inlineCode(f.file)).join(", ")} already hold these values.`,
      },
    ];
  }
  return [
    { kind: "heading", text: title },
    {
      kind: "table",
      header: ["File", "Path", "Old", "New"],
      rows: result.changes.map((c) => [
        inlineCode(c.file),
        inlineCode(c.path),
        show(c.old),
        show(c.new),
      ]),
    },
  ];
}
