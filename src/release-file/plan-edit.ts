/**
 * Plans an edit of one tfvars file's text: generic assignments, then the blue/green
 * presets, then validation, all in memory. Nothing here touches the disk or the network,
 * so update-tfvars (local files) and open-pr (files fetched from the infra repository)
 * share it, and open-pr can re-plan the same request on a newer version of a file.
 */
import type { ReleaseFileRef } from "../config/schema.js";
import type { Assignment, Change } from "./assignments.js";
import { applyAssignments } from "./assignments.js";
import type { TfvarsFormat } from "./document.js";
import { parseTfvars } from "./document.js";
import { verifyHclEdit } from "./hcl-verify.js";
import type { ReleaseEdit } from "./release-edits.js";
import { releaseAssignments } from "./release-edits.js";
import type { ImageRules } from "./release-validation.js";
import { validateRelease } from "./release-validation.js";
import type { ServiceLayout } from "./service-layout.js";
import { discoverLayouts } from "./service-layout.js";

export interface TfvarsEditRequest {
  set: Assignment[];
  release: ReleaseEdit;
  create: boolean;
  force: boolean;
  imageRules: ImageRules;
  /** From the config file; when absent, services are discovered in the file by convention. */
  layouts?: ServiceLayout[];
  /** The environment's release file, whose format the config may give explicitly. */
  releaseFile?: ReleaseFileRef;
  /** The format of every file edited, when given as an input; wins over the config. */
  format?: TfvarsFormat;
}

export interface PlannedEdit {
  file: string;
  before: string;
  after: string;
  changes: Change[];
  /** The service layouts the edit was planned with (for describing changes per service). */
  layouts: ServiceLayout[];
}

export function hasReleaseEdit(release: ReleaseEdit): boolean {
  return (
    Object.keys(release.images ?? {}).length > 0 ||
    Object.keys(release.desiredCounts ?? {}).length > 0 ||
    release.weights !== undefined ||
    (release.finalize?.length ?? 0) > 0 ||
    (release.rollback?.length ?? 0) > 0
  );
}

export async function planTfvarsEdit(
  file: string,
  text: string,
  request: TfvarsEditRequest,
): Promise<PlannedEdit> {
  const configured = request.releaseFile?.path === file ? request.releaseFile.format : undefined;
  const format = request.format ?? configured;
  const original = parseTfvars(text, file, format);
  const layouts = request.layouts ?? discoverLayouts(original.data);
  const options = { create: request.create, force: request.force };

  const generic = applyAssignments(original, request.set, options);
  // Presets read the document after the generic edits, so `set` can prepare what they use.
  const preset = hasReleaseEdit(request.release)
    ? applyAssignments(generic.doc, releaseAssignments(request.release, layouts, generic.doc.data))
    : { doc: generic.doc, changes: [] };

  validateRelease(file, original.data, preset.doc.data, layouts, request.imageRules);
  if (preset.doc.format === "hcl" && preset.doc.text !== text) {
    await verifyHclEdit(text, preset.doc.text, file, preset.doc.data);
  }
  return {
    file,
    before: text,
    after: preset.doc.text,
    changes: mergeChanges(generic.changes, preset.changes),
    layouts,
  };
}

/** One change per path: when a preset rewrites a path `set` already changed, keep the first old value. */
function mergeChanges(first: Change[], second: Change[]): Change[] {
  const byPath = new Map<string, Change>();
  for (const change of [...first, ...second]) {
    const earlier = byPath.get(change.path);
    byPath.set(change.path, earlier ? { ...change, old: earlier.old } : change);
  }
  return [...byPath.values()].filter((c) => JSON.stringify(c.old) !== JSON.stringify(c.new));
}
