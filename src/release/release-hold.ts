/**
 * A durable hold: the record promote writes to the infra repository when a release failed
 * a gate and is held instead of rolled back — its rollback cannot be recorded in the release
 * file (a first release with no stable image and nothing to scale), or the plan says
 * `on-failure: hold`. The file's values cannot say "held", and nothing is
 * remembered between ticks, so without this record a later tick whose gates happen to pass
 * would promote a release that failed. It is a file next to the release file, written with
 * the same compare-and-swap as every release change, and it names the images it holds: a
 * new deploy of another version is not held by it. Its name ends in neither .tfvars, .json
 * nor .yaml, so neither Terraform, Helm, Kustomize nor Argo CD reads it.
 */
import { OperationFailedError } from "../core/errors.js";
import type { ReleaseState } from "./release-state.js";
import { candidateServices } from "./release-state.js";

/**
 * Why a failed release is held rather than rolled back: it has no stable release to roll
 * back to (a first release), or the promotion plan says `on-failure: hold`.
 */
export type HoldCause = "first-release" | "plan";

export interface ReleaseHold {
  environment: string;
  /** service → the green image held. */
  images: Record<string, string>;
  reason: string;
  at: string;
  cause: HoldCause;
}

/** Where the hold of the release in `file` is kept: beside it, in the same directory. */
export function holdPath(file: string): string {
  return `${file}.greenlight-hold`;
}

export function holdContent(hold: ReleaseHold): string {
  const note =
    "Written by Greenlight promote: the release below failed a gate and is held for a person to decide, so promote will not advance it. Delete this file for promote to judge it again.";
  return JSON.stringify({ note, ...hold }, null, 2) + "\n";
}

function isImageMap(value: unknown): value is Record<string, string> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length > 0 &&
    Object.values(value).every((v) => typeof v === "string" && v !== "")
  );
}

/**
 * The hold recorded in `text`. A record that cannot be read holds everything rather than
 * nothing: missing data never advances a release.
 */
export function parseHold(text: string, path: string): ReleaseHold {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const record = (typeof value === "object" && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  if (!isImageMap(record.images)) {
    throw new OperationFailedError(
      `The hold record ${path} in the infra repository cannot be read (it needs an "images" map of service to image); promote advances nothing while it is there, so fix it or delete it.`,
    );
  }
  return {
    environment: typeof record.environment === "string" ? record.environment : "",
    images: record.images,
    reason: typeof record.reason === "string" ? record.reason : "",
    at: typeof record.at === "string" ? record.at : "",
    cause: record.cause === "plan" ? "plan" : "first-release",
  };
}

/** The hold for the release green holds now: the services in progress and their images. */
export function holdFor(
  state: Pick<ReleaseState, "services">,
  services: string[],
  environment: string,
  reason: string,
  at: Date,
  cause: HoldCause,
): ReleaseHold {
  const images = Object.fromEntries(
    candidateServices(state)
      .filter((s) => services.includes(s.name))
      .map((s) => [s.name, s.greenImage!]),
  );
  return { environment, images, reason, at: at.toISOString(), cause };
}

/**
 * Whether the hold applies to the release in progress: the services it names that are in
 * progress still hold its images. A deploy that replaces one of them is another release, and
 * its own gates decide.
 */
export function holdApplies(hold: ReleaseHold, state: Pick<ReleaseState, "services">): boolean {
  const named = candidateServices(state).filter((s) => Object.hasOwn(hold.images, s.name));
  return named.length > 0 && named.every((s) => hold.images[s.name] === s.greenImage);
}

/** The one sentence every later tick gives while the hold applies: what, why, what a person does. */
export function heldSentence(hold: ReleaseHold, path: string, base: string): string {
  const held = Object.entries(hold.images)
    .map(([service, image]) => `${service} ${image}`)
    .join(", ");
  const why = hold.reason ? ` (${hold.reason})` : "";
  const since = hold.at ? ` since ${hold.at}` : "";
  const release = `the release ${held} is held${since}: it failed a gate${why}`;
  const judgeAgain = `or delete ${path} from ${base} for promote to judge it again`;
  return hold.cause === "plan"
    ? `${release} and the promotion plan holds a failed release for a person to decide (on-failure: hold), so promote will not advance it; roll it back with the rollback workflow, deploy a new version, ${judgeAgain}`
    : `${release} and has no stable release to roll back to, so promote will not advance it; withdraw the first release (empty its green image and set its green weight to 0), deploy a new version, ${judgeAgain}`;
}
