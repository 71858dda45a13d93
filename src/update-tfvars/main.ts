/**
 * update-tfvars: edits Terraform variable files in place. Every file is read and its edit
 * planned and validated first; only when all of them succeed is anything written, each
 * file atomically. With dry-run nothing is written at all.
 */
import { promises as fs } from "node:fs";
import { resolve } from "node:path";
import { createTwoFilesPatch } from "diff";
import { writeFilesAtomically } from "../core/atomic-write.js";
import { ConfigurationError } from "../core/errors.js";
import { workspacePath } from "../core/workspace-files.js";
import type { Logger } from "../core/logger.js";
import type { Change } from "../release-file/assignments.js";
import type { PlannedEdit, TfvarsEditRequest } from "../release-file/plan-edit.js";
import { planTfvarsEdit } from "../release-file/plan-edit.js";

export interface UpdateTfvarsParams {
  files: string[];
  request: TfvarsEditRequest;
  dryRun: boolean;
}

export interface UpdateTfvarsDeps {
  cwd: string;
  logger: Logger;
}

export interface UpdateTfvarsResult {
  changed: boolean;
  changes: Change[];
  diff: string;
  files: { file: string; changed: boolean }[];
  dryRun: boolean;
}

async function readTfvarsFile(cwd: string, file: string): Promise<string> {
  const path = await workspacePath(cwd, file, "file");
  const stat = await fs.stat(path).catch(() => undefined);
  if (!stat) {
    throw new ConfigurationError(
      `File "${file}" does not exist; check the "file" input (paths are relative to ${cwd}).`,
    );
  }
  if (!stat.isFile()) {
    throw new ConfigurationError(
      `"${file}" is ${stat.isDirectory() ? "a directory" : "a device, pipe or socket"}, not a regular file; give the path of a release file (.tfvars.json, .tfvars, .yaml or .yml) in "file".`,
    );
  }
  // Root ignores permission bits, so read-only is judged by the mode, not by access().
  if ((stat.mode & 0o222) === 0) {
    throw new ConfigurationError(
      `File "${file}" is read-only; make it writable (chmod u+w) or use dry-run to see the change.`,
    );
  }
  try {
    return await fs.readFile(path, "utf8");
  } catch (error) {
    throw new ConfigurationError(
      `File "${file}" cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"}); check its permissions.`,
    );
  }
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
    const text = await readTfvarsFile(deps.cwd, file);
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
    await writeFilesAtomically(
      changed.map((e) => ({ path: resolve(deps.cwd, e.file), content: e.after })),
    );
  }
  return {
    changed: changed.length > 0,
    changes: edits.flatMap((e) => e.changes),
    diff: unifiedDiff(edits),
    files: edits.map((e) => ({ file: e.file, changed: e.before !== e.after })),
    dryRun: params.dryRun,
  };
}
