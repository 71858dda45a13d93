/**
 * Checks that a edited document still describes a sane release, before anything is
 * written: weights are whole percentages adding up to 100, desired counts are whole and
 * non-negative, and new images are references a registry could serve under the rules of
 * the environment. Only services whose fields the edit changed are checked, so a deploy of
 * one service is not blocked by another service's history.
 */
import type { ServiceField } from "../config/schema.js";
import { SERVICE_FIELDS } from "../config/schema.js";
import { ConfigurationError } from "../core/errors.js";
import { imageReferenceProblem, parseImageReference, registryOf } from "../core/oci-reference.js";
import type { JsonValue } from "./document.js";
import type { ServiceLayout } from "./service-layout.js";
import { rawWeights, readField } from "./service-layout.js";

export interface ImageRules {
  requireDigest?: boolean;
  allowedRegistries?: string[];
}

type FieldValues = Partial<Record<ServiceField, JsonValue | undefined>>;

function fieldValues(data: JsonValue, layout: ServiceLayout): FieldValues {
  return Object.fromEntries(SERVICE_FIELDS.map((f) => [f, readField(data, layout, f)]));
}

function isPercentage(value: JsonValue | undefined): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 100;
}

/** A relative pair (Gateway API, Istio): whole numbers of 0 or more, not both 0. */
function checkRelativeWeights(
  file: string,
  layout: ServiceLayout,
  raw: { blue: JsonValue | undefined; green: JsonValue | undefined },
): void {
  for (const field of ["blue-weight", "green-weight"] as const) {
    const value = field === "blue-weight" ? raw.blue : raw.green;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
      throw new ConfigurationError(
        `${file}: ${layout.paths[field]} (service "${layout.name}" ${field}) would be ${JSON.stringify(value)}; a relative weight must be a whole number of 0 or more.`,
      );
    }
  }
  if (raw.blue === 0 && raw.green === 0) {
    throw new ConfigurationError(
      `${file}: service "${layout.name}" would have blue and green weights of 0, which sends its traffic nowhere; give one side a weight above 0.`,
    );
  }
}

function checkWeights(file: string, layout: ServiceLayout, after: FieldValues): void {
  const blue = after["blue-weight"];
  const green = after["green-weight"];
  if (blue === undefined && green === undefined) return;
  for (const [field, value] of [
    ["blue-weight", blue],
    ["green-weight", green],
  ] as const) {
    if (!isPercentage(value)) {
      throw new ConfigurationError(
        `${file}: ${layout.paths[field]} (service "${layout.name}" ${field}) would be ${JSON.stringify(value)}; a weight must be a whole number from 0 to 100.`,
      );
    }
  }
  if ((blue as number) + (green as number) !== 100) {
    throw new ConfigurationError(
      `${file}: service "${layout.name}" would have blue weight ${String(blue)} and green weight ${String(green)}, which add up to ${(blue as number) + (green as number)}; blue and green weights must add up to 100.`,
    );
  }
}

function checkCounts(file: string, layout: ServiceLayout, after: FieldValues): void {
  for (const field of ["blue-desired-count", "green-desired-count"] as const) {
    const value = after[field];
    if (value === undefined) continue;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
      throw new ConfigurationError(
        `${file}: ${layout.paths[field]} (service "${layout.name}" ${field}) would be ${JSON.stringify(value)}; a desired count must be a whole number of 0 or more.`,
      );
    }
  }
}

function checkImages(
  file: string,
  layout: ServiceLayout,
  before: FieldValues,
  after: FieldValues,
  rules: ImageRules,
): void {
  for (const field of ["blue-image", "green-image"] as const) {
    const value = after[field];
    if (value === undefined || value === before[field]) continue;
    const where = `service "${layout.name}" ${field}`;
    if (typeof value !== "string") {
      throw new ConfigurationError(
        `${file}: ${where} would be ${JSON.stringify(value)}; an image must be a string such as registry/repository@sha256:<digest>.`,
      );
    }
    const problem = imageReferenceProblem(value);
    if (problem) {
      throw new ConfigurationError(
        `Image "${value}" for ${where} is not a valid image reference: ${problem}.`,
      );
    }
    const reference = parseImageReference(value)!;
    if (rules.requireDigest && !reference.digest) {
      throw new ConfigurationError(
        `Image "${value}" for ${where} is not pinned by digest, which this environment requires; use the @sha256:… reference that build-push outputs in "images".`,
      );
    }
    const allowed = rules.allowedRegistries ?? [];
    if (allowed.length > 0 && !allowed.includes(registryOf(reference))) {
      throw new ConfigurationError(
        `Image "${value}" for ${where} comes from registry ${registryOf(reference)}, which is not allowed here; allowed registries: ${allowed.join(", ")}.`,
      );
    }
  }
}

function differs(a: FieldValues, b: FieldValues): boolean {
  return SERVICE_FIELDS.some((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));
}

/** Throws a ConfigurationError when the edit from `before` to `after` leaves a service invalid. */
export function validateRelease(
  file: string,
  before: JsonValue,
  after: JsonValue,
  layouts: ServiceLayout[],
  rules: ImageRules = {},
): void {
  for (const layout of layouts) {
    const old = fieldValues(before, layout);
    const now = fieldValues(after, layout);
    if (!differs(old, now)) continue;
    const raw = rawWeights(after, layout);
    if (raw) checkRelativeWeights(file, layout, raw);
    else checkWeights(file, layout, now);
    checkCounts(file, layout, now);
    checkImages(file, layout, old, now, rules);
  }
}
