/**
 * What a run would commit on top of a given commit of the infra repository: the edited
 * tfvars files and the uploaded files that differ from what is there. Planned afresh for
 * every attempt, because the edit is a transform and the commit it applies to may move.
 */
import { ConfigurationError } from "../core/errors.js";
import type { Change } from "../release-file/assignments.js";
import type { TfvarsEditRequest } from "../release-file/plan-edit.js";
import { planTfvarsEdit } from "../release-file/plan-edit.js";
import type { ServiceLayout } from "../release-file/service-layout.js";
import type { FileAddition, InfraRepo } from "../release/infra-repo.js";
import type { SupersededRelease } from "../release/superseded-release.js";
import { supersededReleases } from "../release/superseded-release.js";

export interface ChangeRequest {
  /** tfvars files in the infra repository that the edit applies to. */
  files: string[];
  edit: TfvarsEditRequest;
  /** Whole files to write as they are (path in the infra repo → content). */
  uploads: FileAddition[];
}

export interface ChangePlan {
  additions: FileAddition[];
  changes: Change[];
  layouts: ServiceLayout[];
  /** Releases in progress whose green image this change replaces. */
  superseded: SupersededRelease[];
}

export async function planChanges(
  repo: InfraRepo,
  commit: string,
  request: ChangeRequest,
): Promise<ChangePlan> {
  const additions: FileAddition[] = [];
  const changes: Change[] = [];
  const layouts: ServiceLayout[] = [];
  const superseded: SupersededRelease[] = [];
  for (const file of request.files) {
    const text = await repo.fileAt(file, commit);
    if (text === undefined) {
      throw new ConfigurationError(
        `File "${file}" does not exist in ${repo.fullName} at ${commit.slice(0, 7)}; check the "file" input (or the environment's tfvars in the config file).`,
      );
    }
    const planned = await planTfvarsEdit(file, text, request.edit);
    if (planned.after !== text) additions.push({ path: file, content: planned.after });
    changes.push(...planned.changes);
    superseded.push(...supersededReleases(file, text, planned.after, planned.layouts));
    layouts.push(...planned.layouts.filter((l) => !layouts.some((k) => k.name === l.name)));
  }
  for (const upload of request.uploads) {
    const current = await repo.fileAt(upload.path, commit);
    if (current !== upload.content) {
      additions.push(upload);
      changes.push({
        file: upload.path,
        path: "(whole file)",
        old: current === undefined ? undefined : "(previous content)",
        new: "(uploaded content)",
      });
    }
  }
  return { additions, changes, layouts, superseded };
}

/** Converts a path glob (`envs/**`, `*.json`, `file?.txt`) into a regular expression. */
export function globToRegExp(glob: string): RegExp {
  let pattern = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === "*" && glob[i + 1] === "*") {
      // `**/` matches any number of directories, including none.
      const slash = glob[i + 2] === "/";
      pattern += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (ch === "*") pattern += "[^/]*";
    else if (ch === "?") pattern += "[^/]";
    else pattern += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${pattern}$`);
}

/** Refuses, before any API call, a change that would touch a path outside the allow-list. */
export function checkAllowedPaths(paths: string[], allowed: string[]): void {
  const patterns = allowed.map(globToRegExp);
  for (const path of paths) {
    if (path.startsWith("/") || path.split("/").includes("..")) {
      throw new ConfigurationError(
        `Path "${path}" must be relative to the infra repository root, without "..".`,
      );
    }
    if (!patterns.some((p) => p.test(path))) {
      throw new ConfigurationError(
        `Path "${path}" is outside the paths this change may touch (${allowed.join(", ")}); add it to "allowed-paths" if it belongs in the change.`,
      );
    }
  }
}
