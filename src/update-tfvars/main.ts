/**
 * update-tfvars: edits Terraform variable files in place. Every file is read and its edit
 * planned and validated first; only when all of them succeed is anything written, each
 * file atomically. With dry-run nothing is written at all.
 */
import { createTwoFilesPatch } from "diff";
import type { Logger } from "../core/logger.js";
import type { Change } from "../release-file/assignments.js";
import type { PlannedEdit, TfvarsEditRequest } from "../release-file/plan-edit.js";
import { planTfvarsEdit } from "../release-file/plan-edit.js";

export interface UpdateTfvarsParams {
  files: string[];
  request: TfvarsEditRequest;
  dryRun: boolean;
}

/** Where the release files are read from and written to; the action passes the workspace's. */
export interface ReleaseFiles {
  /** A release file's text; bad input when the file cannot be edited. */
  read(file: string): Promise<string>;
  /** Writes every file or, on failure, none. */
  writeAll(writes: { file: string; content: string }[]): Promise<void>;
}

export interface UpdateTfvarsDeps {
  files: ReleaseFiles;
  logger: Logger;
}

export interface UpdateTfvarsResult {
  changed: boolean;
  changes: Change[];
  diff: string;
  files: { file: string; changed: boolean }[];
  dryRun: boolean;
}

export function unifiedDiff(edits: PlannedEdit[]): string {
  return edits
    .filter((e) => e.before !== e.after)
    .map((e) =>
      createTwoFilesPatch(`a/${e.file}`, `b/${e.file}`, e.before, e.after, "", "", { context: 3 })
        .replace(/^=+\n/m, "")
        .replace(/^Index: .*\n/m, ""),
    )
    .join("");
}

export async function updateTfvars(
  params: UpdateTfvarsParams,
  deps: UpdateTfvarsDeps,
): Promise<UpdateTfvarsResult> {
  const unique = [...new Set(params.files)];
  const edits: PlannedEdit[] = [];
  for (const file of unique) {
    const text = await deps.files.read(file);
    edits.push(await planTfvarsEdit(file, text, params.request));
  }
  // Reported only once every file has been planned: a later file's error means no edits at all.
  for (const edit of edits) {
    const what =
      edit.changes.length === 0 ? "already up to date" : `${edit.changes.length} change(s)`;
    deps.logger.info(`${edit.file}: ${what}`);
  }
  const changed = edits.filter((e) => e.before !== e.after);
  if (!params.dryRun && changed.length > 0) {
    await deps.files.writeAll(changed.map((e) => ({ file: e.file, content: e.after })));
  }
  return {
    changed: changed.length > 0,
    changes: edits.flatMap((e) => e.changes),
    diff: unifiedDiff(edits),
    files: edits.map((e) => ({ file: e.file, changed: e.before !== e.after })),
    dryRun: params.dryRun,
  };
}
