/** The migrate job summary, built as data. */
import type { ReleaseLink } from "../backup-engine/manifest.js";
import type { Summary } from "../core/summary.js";
import { inlineCode } from "../core/summary.js";
import type { MigrateResult } from "./main.js";

const HEADLINES: Record<MigrateResult["status"], string> = {
  migrated: "Migrated",
  "up-to-date": "Nothing to migrate",
  failed: "Migration failed",
};

export function migrateSummary(result: MigrateResult, release: ReleaseLink): Summary {
  const rows: string[][] = [
    ["release", [release.version, release.environment].filter(Boolean).join(" in ")],
    ["what", result.detail],
  ];
  if (result.applied.length > 0) rows.push(["applied", result.applied.map(inlineCode).join(", ")]);
  if (result.backup) rows.push(["backup before it", inlineCode(result.backup.location)]);
  const summary: Summary = [
    { kind: "heading", text: `migrate: ${HEADLINES[result.status]}` },
    { kind: "table", header: ["", ""], rows },
  ];
  if (result.failure) summary.push({ kind: "paragraph", text: result.failure });
  if (result.restoreCommand) {
    summary.push({ kind: "code", text: result.restoreCommand, language: "sh" });
  }
  return summary;
}
