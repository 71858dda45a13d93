/**
 * The blue/green presets: what a deploy, a weight change, a finalize and a rollback write.
 * Each turns a release intention into plain assignments (JSONPath = value) computed from
 * the document as it is now, so the same intention can be re-applied to a newer version of
 * the file (open-pr re-applies edits when the base branch moved).
 *
 * Model: blue is the stable side, green the candidate. A deploy writes the candidate into
 * green; weights move traffic to green; finalize copies green into blue and puts all
 * traffic there (green scales to zero); rollback puts all traffic on blue and scales green
 * to zero, leaving green's image in place as a record of what was rolled back. A service
 * without a green desired count has nothing to scale, and weights alone (blue 100, green 0
 * is also where a fresh deploy starts) cannot tell a rolled-back candidate from one waiting
 * for its first step: its rollback writes blue's image onto green, so the file itself says
 * no candidate is there, and the rolled-back image stays in the commit's history and the
 * rollback's record. A rollback of a first release (blue's image empty) on a service without
 * a green desired count can record nothing at all, so it is refused, naming the fix. A
 * rollback re-applied on a newer base gives green the stable image only while green still
 * holds the release it was decided for.
 *
 * A deploy that replaces the green image of a weighted service also takes green's traffic
 * away (green 0, blue 100): the traffic belonged to the release being replaced, and blue
 * still holds the last stable release, so the new release starts its promotion at the first
 * step instead of inheriting a half-finished one.
 */
import { ConfigurationError, OperationFailedError } from "../core/errors.js";
import type { Assignment } from "./assignments.js";
import type { JsonValue } from "./document.js";
import type { ServiceLayout } from "./service-layout.js";
import { fieldProblem, readField, writeField } from "./service-layout.js";

export interface ReleaseEdit {
  /** service → image reference for the green side. */
  images?: Record<string, string>;
  /** service → green desired count (defaults to the blue count when green is at zero). */
  desiredCounts?: Record<string, number>;
  /** service → green traffic percentage, or one percentage for every weighted service. */
  weights?: Record<string, number> | number;
  finalize?: string[];
  rollback?: string[];
  /**
   * service → the green image a weight change or finalize was decided for. When green holds
   * another image by the time the edit is applied (a new release landed meanwhile), the
   * edit is refused with SupersededEditError rather than moving the newer release's traffic.
   */
  decidedFor?: Record<string, string>;
  /**
   * service → the green image a rollback was decided for. A rollback re-applied on a newer
   * base gives green the stable image only while green still holds that one: a release that
   * landed meanwhile is not overwritten (its traffic still goes back to blue).
   */
  rolledBack?: Record<string, string>;
}

/** A weight change or finalize that no longer applies: green holds another release now. */
export class SupersededEditError extends OperationFailedError {
  constructor(
    readonly service: string,
    readonly decidedFor: string,
    readonly current: string,
  ) {
    super(
      `The change was decided for ${decidedFor} on service "${service}", but green now holds ${current}; it no longer applies.`,
    );
  }
}

/** Whether `given` names the layout's service, as written or with `_` for `-`. */
function namesService(given: string, layout: ServiceLayout): boolean {
  return given === layout.name || given.replace(/_/g, "-") === layout.name;
}

export function findLayout(layouts: ServiceLayout[], service: string): ServiceLayout {
  const layout = layouts.find((l) => namesService(service, l));
  if (!layout) {
    const known = layouts.map((l) => l.name).join(", ");
    throw new ConfigurationError(
      layouts.length === 0
        ? `Unknown service "${service}": no services are defined in the config file and none were found in the file by the naming convention (<service>_green_image).`
        : `Unknown service "${service}"; known services are: ${known}.`,
    );
  }
  return layout;
}

/** `all` (or `*`) stands for every known service. */
function expandServices(services: string[], layouts: ServiceLayout[]): ServiceLayout[] {
  if (services.some((s) => s === "all" || s === "*")) return layouts;
  return services.map((s) => findLayout(layouts, s));
}

function requireField(
  data: JsonValue,
  layout: ServiceLayout,
  field: keyof ServiceLayout["paths"],
  purpose: string,
) {
  const problem = fieldProblem(data, layout, field);
  if (problem && problem.count > 1) {
    throw new ConfigurationError(
      `Service "${layout.name}" has its ${field} at ${problem.path}, which matches ${problem.count} values in the file where ${purpose} needs one; make the filter in services.${layout.name}.fields.${field} select one, e.g. by name.`,
    );
  }
  const value = problem ? undefined : readField(data, layout, field);
  if (value === undefined) {
    throw new ConfigurationError(
      `Service "${layout.name}" has no ${field} field at ${problem?.path ?? layout.paths[field]} in the file, which ${purpose} needs; add the field to the file or map it with services.${layout.name}.fields.${field} in the config file.`,
    );
  }
  return value;
}

function optionalField(
  data: JsonValue,
  layout: ServiceLayout,
  field: keyof ServiceLayout["paths"],
) {
  return readField(data, layout, field);
}

function weightAssignments(layout: ServiceLayout, data: JsonValue, green: number): Assignment[] {
  requireField(data, layout, "blue-weight", "a traffic weight change");
  requireField(data, layout, "green-weight", "a traffic weight change");
  return [
    ...writeField(layout, "blue-weight", 100 - green),
    ...writeField(layout, "green-weight", green),
  ];
}

function deployAssignments(
  edit: ReleaseEdit,
  layouts: ServiceLayout[],
  data: JsonValue,
): Assignment[] {
  const out: Assignment[] = [];
  for (const [service, image] of Object.entries(edit.images ?? {})) {
    const layout = findLayout(layouts, service);
    const previous = requireField(data, layout, "green-image", "a deploy");
    out.push(...writeField(layout, "green-image", image));
    if (layout.weighted && previous !== image && !explicitWeight(edit, layout)) {
      out.push(...weightAssignments(layout, data, 0));
    }
    const explicit = edit.desiredCounts?.[service];
    const greenCount = optionalField(data, layout, "green-desired-count");
    if (explicit !== undefined) {
      requireField(data, layout, "green-desired-count", "a desired count");
      out.push(...writeField(layout, "green-desired-count", explicit));
    } else if (greenCount === 0) {
      // A candidate at zero tasks would receive traffic it cannot serve: size it like blue.
      const blueCount = optionalField(data, layout, "blue-desired-count");
      if (typeof blueCount === "number" && blueCount > 0) {
        out.push(...writeField(layout, "green-desired-count", blueCount));
      }
    }
  }
  for (const service of Object.keys(edit.desiredCounts ?? {})) {
    if (!Object.hasOwn(edit.images ?? {}, service)) {
      const layout = findLayout(layouts, service);
      requireField(data, layout, "green-desired-count", "a desired count");
      out.push(...writeField(layout, "green-desired-count", edit.desiredCounts![service]!));
    }
  }
  return out;
}

/** Whether the edit itself sets this service's weights (an explicit choice wins). */
function explicitWeight(edit: ReleaseEdit, layout: ServiceLayout): boolean {
  if (edit.weights === undefined) return false;
  if (typeof edit.weights === "number") return true;
  return Object.keys(edit.weights).some((s) => namesService(s, layout));
}

function checkDecidedFor(edit: ReleaseEdit, layouts: ServiceLayout[], data: JsonValue): void {
  for (const [service, image] of Object.entries(edit.decidedFor ?? {})) {
    const layout = findLayout(layouts, service);
    const current = optionalField(data, layout, "green-image");
    if (current !== image) {
      throw new SupersededEditError(layout.name, image, String(current ?? "nothing"));
    }
  }
}

function weightsAssignments(
  edit: ReleaseEdit,
  layouts: ServiceLayout[],
  data: JsonValue,
): Assignment[] {
  if (edit.weights === undefined) return [];
  if (typeof edit.weights === "number") {
    const weighted = layouts.filter((l) => l.weighted);
    if (weighted.length === 0) {
      throw new ConfigurationError(
        `Input "weights" gives one percentage for every weighted service, but no service has traffic weights; name services as service=percent or add weight fields.`,
      );
    }
    const green = edit.weights;
    return weighted.flatMap((layout) => weightAssignments(layout, data, green));
  }
  return Object.entries(edit.weights).flatMap(([service, green]) => {
    const layout = findLayout(layouts, service);
    if (!layout.weighted) {
      throw new ConfigurationError(
        `Service "${layout.name}" has no traffic weights (it is not behind a load balancer), so input "weights" cannot set one; remove it from weights.`,
      );
    }
    return weightAssignments(layout, data, green);
  });
}

function finalizeAssignments(
  services: string[],
  layouts: ServiceLayout[],
  data: JsonValue,
): Assignment[] {
  return expandServices(services, layouts).flatMap((layout) => {
    const green = requireField(data, layout, "green-image", "finalize");
    requireField(data, layout, "blue-image", "finalize");
    if (typeof green !== "string" || green === "") {
      throw new ConfigurationError(
        `Service "${layout.name}" has no green image to finalize (${layout.paths["green-image"]} is empty); deploy a release first.`,
      );
    }
    const out: Assignment[] = writeField(layout, "blue-image", green);
    const greenCount = optionalField(data, layout, "green-desired-count");
    const blueCount = optionalField(data, layout, "blue-desired-count");
    if (typeof greenCount === "number" && blueCount !== undefined) {
      if (greenCount > 0) out.push(...writeField(layout, "blue-desired-count", greenCount));
      out.push(...writeField(layout, "green-desired-count", 0));
    }
    if (layout.weighted) out.push(...weightAssignments(layout, data, 0));
    return out;
  });
}

/** What a rollback needs to know of a service's green and blue sides. */
export interface RollbackSides {
  greenImage?: string | undefined;
  blueImage?: string | undefined;
  /** Whether the file has a green desired count to scale to zero. */
  greenCount: boolean;
}

/**
 * Why a rollback of this service cannot be recorded in the file, if it cannot: a first
 * release (blue's image empty) on a service without a green desired count has no stable
 * image to give green and nothing to scale, and weights alone do not keep it from being
 * promoted again (they also read as a fresh deploy). Refused rather than left to be
 * promoted; the sentence names the fix.
 */
export function unrecordableRollback(
  layout: ServiceLayout,
  sides: RollbackSides,
): string | undefined {
  const green = sides.greenImage ?? "";
  const blue = sides.blueImage ?? "";
  if (sides.greenCount || green === "" || blue !== "") return undefined;
  const weight = layout.weighted
    ? ` and setting its green weight (${layout.paths["green-weight"]}) to 0`
    : "";
  return `Service "${layout.name}" cannot be rolled back: it has no stable release (its blue image at ${layout.paths["blue-image"]} is empty) and no green desired count to scale to zero, so nothing in the file would keep ${green} from being promoted again; withdraw the first release by emptying its green image at ${layout.paths["green-image"]}${weight}, or add a green desired count for it to the file.`;
}

function imageOf(value: JsonValue | undefined): string {
  return typeof value === "string" ? value : "";
}

/**
 * Green given blue's image, for a service whose green side has no desired count to scale to
 * zero: without it, a candidate left on green reads as a release to promote (after a
 * rollback of a release still at 0%, nothing else in the file would change at all).
 */
function stableOnGreen(layout: ServiceLayout, data: JsonValue, decidedFor?: string): Assignment[] {
  const green = imageOf(optionalField(data, layout, "green-image"));
  const blue = imageOf(optionalField(data, layout, "blue-image"));
  // A release that reached green after the rollback was decided is not the one rolled back.
  if (decidedFor !== undefined && green !== decidedFor) return [];
  const problem = unrecordableRollback(layout, {
    greenImage: green,
    blueImage: blue,
    greenCount: false,
  });
  if (problem) throw new ConfigurationError(problem);
  // Nothing deployed on green: no candidate to record.
  if (green === "" || green === blue) return [];
  return writeField(layout, "green-image", blue);
}

/** The image each rolled-back service's decision was made for, looked up by either spelling. */
function decidedImage(
  rolledBack: Record<string, string> | undefined,
  layout: ServiceLayout,
): string | undefined {
  return Object.entries(rolledBack ?? {}).find(([s]) => namesService(s, layout))?.[1];
}

function rollbackAssignments(
  edit: ReleaseEdit,
  layouts: ServiceLayout[],
  data: JsonValue,
): Assignment[] {
  return expandServices(edit.rollback ?? [], layouts).flatMap((layout) => {
    const out: Assignment[] = [];
    if (layout.weighted) out.push(...weightAssignments(layout, data, 0));
    if (optionalField(data, layout, "green-desired-count") !== undefined) {
      out.push(...writeField(layout, "green-desired-count", 0));
    } else {
      out.push(...stableOnGreen(layout, data, decidedImage(edit.rolledBack, layout)));
    }
    return out;
  });
}

/** The assignments a release edit makes to a document whose data is `data`. */
export function releaseAssignments(
  edit: ReleaseEdit,
  layouts: ServiceLayout[],
  data: JsonValue,
): Assignment[] {
  if (edit.finalize?.length && edit.rollback?.length) {
    throw new ConfigurationError(
      `Inputs "finalize" and "rollback" cannot be used together; a release is either made stable or rolled back.`,
    );
  }
  checkDecidedFor(edit, layouts, data);
  return [
    ...deployAssignments(edit, layouts, data),
    ...weightsAssignments(edit, layouts, data),
    ...finalizeAssignments(edit.finalize ?? [], layouts, data),
    ...rollbackAssignments(edit, layouts, data),
  ];
}
