/**
 * Where each service's blue/green fields live in a release file, and how a field's value
 * is read and written there. The config file may name the services and remap any field to
 * a JSONPath (an image to repository + tag/digest paths; weights to a relative pair);
 * without one, services are discovered in the file by the default naming convention
 * (`<service>_green_image`, …).
 */
import type { GreenlightConfig, ImageField, ImageParts, ServiceField } from "../config/schema.js";
import {
  SERVICE_FIELDS,
  defaultFieldPath,
  serviceFieldPath,
  serviceImageParts,
} from "../config/schema.js";
import { ConfigurationError } from "../core/errors.js";
import { parseImageReference } from "../core/oci-reference.js";
import type { Assignment } from "./assignments.js";
import type { JsonValue } from "./document.js";
import { hasPath, readAll, readPath } from "./json-path.js";

export interface ServiceLayout {
  name: string;
  /** Whether the service sits behind a load balancer with blue/green weights. */
  weighted: boolean;
  /** Where each field is; for a split image, where its repository is. */
  paths: Record<ServiceField, string>;
  /** Images kept across several fields (Helm repository + tag, Kustomize newName + newTag). */
  imageParts?: Partial<Record<ImageField, ImageParts>>;
  /** Weights as shares of their sum (Gateway API, Istio) rather than percentages. */
  weightMode?: "percent" | "relative";
}

const IMAGE_FIELDS: readonly ImageField[] = ["green-image", "blue-image"];

function isImageField(field: ServiceField): field is ImageField {
  return (IMAGE_FIELDS as readonly string[]).includes(field);
}

function partsOf(layout: ServiceLayout, field: ServiceField): ImageParts | undefined {
  return isImageField(field) ? layout.imageParts?.[field] : undefined;
}

/** The JSONPaths a field is read from. */
export function fieldPaths(layout: ServiceLayout, field: ServiceField): string[] {
  const parts = partsOf(layout, field);
  if (!parts) return [layout.paths[field]];
  return [parts.repository, parts.tag, parts.digest].filter((p): p is string => p !== undefined);
}

/**
 * The first of a field's paths that does not name exactly one value (nothing, or several:
 * a filter that matches two backends), with how many it matches.
 */
export function fieldProblem(
  data: JsonValue,
  layout: ServiceLayout,
  field: ServiceField,
): { path: string; count: number } | undefined {
  for (const path of fieldPaths(layout, field)) {
    const count = readAll(data, path).length;
    if (count !== 1) return { path, count };
  }
  return undefined;
}

function imagePart(data: JsonValue, path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  const value = readPath(data, path);
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

/** An image kept across fields, read back as one reference (`repository:tag@digest`). */
function readImage(data: JsonValue, parts: ImageParts): string | undefined {
  const repository = imagePart(data, parts.repository);
  if (!repository) return undefined;
  const tag = imagePart(data, parts.tag);
  const digest = imagePart(data, parts.digest);
  return repository + (tag ? `:${tag}` : "") + (digest ? `@${digest}` : "");
}

/** The raw blue and green weights when they form a valid relative pair. */
function relativePair(data: JsonValue, layout: ServiceLayout): [number, number] | undefined {
  const blue = readPath(data, layout.paths["blue-weight"]);
  const green = readPath(data, layout.paths["green-weight"]);
  const whole = (v: JsonValue | undefined): v is number =>
    typeof v === "number" && Number.isInteger(v) && v >= 0;
  return whole(blue) && whole(green) && blue + green > 0 ? [blue, green] : undefined;
}

/**
 * A field's value as the release model sees it: an image as one reference, a weight as a
 * percentage (a relative pair's share, rounded), anything else as written.
 */
export function readField(
  data: JsonValue,
  layout: ServiceLayout,
  field: ServiceField,
): JsonValue | undefined {
  const parts = partsOf(layout, field);
  if (parts) return readImage(data, parts);
  if (layout.weightMode === "relative" && (field === "blue-weight" || field === "green-weight")) {
    const pair = relativePair(data, layout);
    if (!pair) return readPath(data, layout.paths[field]);
    const green = Math.round((pair[1] * 100) / (pair[0] + pair[1]));
    return field === "green-weight" ? green : 100 - green;
  }
  return readPath(data, layout.paths[field]);
}

/** The raw values of a relative pair, for validation; undefined for percentages. */
export function rawWeights(
  data: JsonValue,
  layout: ServiceLayout,
): { blue: JsonValue | undefined; green: JsonValue | undefined } | undefined {
  if (layout.weightMode !== "relative") return undefined;
  return {
    blue: readPath(data, layout.paths["blue-weight"]),
    green: readPath(data, layout.paths["green-weight"]),
  };
}

function splitImage(layout: ServiceLayout, field: ImageField, parts: ImageParts, image: string) {
  const reference = parseImageReference(image);
  const where = `service "${layout.name}" ${field}`;
  if (!reference || (!reference.tag && !reference.digest)) {
    throw new ConfigurationError(
      `Image "${image}" for ${where} needs a tag or a digest, because the config keeps the image as repository plus tag or digest; write e.g. ghcr.io/acme/api:1.4.0 or …@sha256:<digest>.`,
    );
  }
  if (reference.digest && !parts.digest) {
    throw new ConfigurationError(
      `Image "${image}" for ${where} is pinned by digest, but the config maps no digest field for it; add services.${layout.name}.fields.${field}.digest, or give the image by tag.`,
    );
  }
  if (!reference.digest && !parts.tag) {
    throw new ConfigurationError(
      `Image "${image}" for ${where} has a tag but no digest, and the config maps only a digest field for it; give the image by digest, or map services.${layout.name}.fields.${field}.tag.`,
    );
  }
  const name = reference.registry
    ? `${reference.registry}/${reference.repository}`
    : reference.repository;
  const out: Assignment[] = [{ path: parts.repository, value: name }];
  // A field left as it was would still be read: a stale tag or digest is written empty.
  if (parts.tag) out.push({ path: parts.tag, value: reference.tag ?? "" });
  if (parts.digest) out.push({ path: parts.digest, value: reference.digest ?? "" });
  return out;
}

/**
 * The assignments that give a field `value`: an image split into its fields; anything else
 * (weights included: the plan's percentages are the pair's shares) at the field's path.
 */
export function writeField(
  layout: ServiceLayout,
  field: ServiceField,
  value: JsonValue,
): Assignment[] {
  const parts = partsOf(layout, field);
  if (parts && isImageField(field) && typeof value === "string") {
    return splitImage(layout, field, parts, value);
  }
  return [{ path: layout.paths[field], value }];
}

function conventionalPaths(service: string): Record<ServiceField, string> {
  return Object.fromEntries(
    SERVICE_FIELDS.map((field) => [field, defaultFieldPath(service, field)]),
  ) as Record<ServiceField, string>;
}

/** Layouts from the config file, limited to the services deployed to `environment`. */
export function layoutsFromConfig(config: GreenlightConfig, environment?: string): ServiceLayout[] {
  return Object.entries(config.services)
    .filter(
      ([, service]) =>
        !environment || !service.environments || service.environments.includes(environment),
    )
    .map(([name, service]) => {
      const imageParts = Object.fromEntries(
        IMAGE_FIELDS.flatMap((field) => {
          const parts = serviceImageParts(config, name, field);
          return parts ? [[field, parts]] : [];
        }),
      ) as Partial<Record<ImageField, ImageParts>>;
      return {
        name,
        weighted: service.weighted,
        paths: Object.fromEntries(
          SERVICE_FIELDS.map((field) => [field, serviceFieldPath(config, name, field)]),
        ) as Record<ServiceField, string>,
        ...(Object.keys(imageParts).length > 0 ? { imageParts } : {}),
        ...(service["weight-mode"] === "relative" ? { weightMode: "relative" as const } : {}),
      };
    });
}

/**
 * Layouts discovered by convention: every top-level key `<service>_green_image` names a
 * service, weighted when both of its weight fields are present.
 */
export function discoverLayouts(data: JsonValue): ServiceLayout[] {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return [];
  const layouts: ServiceLayout[] = [];
  for (const key of Object.keys(data)) {
    const match = /^(.+)_green_image$/.exec(key);
    if (!match?.[1]) continue;
    const name = match[1].replace(/_/g, "-");
    const paths = conventionalPaths(name);
    const weighted = hasPath(data, paths["blue-weight"]) && hasPath(data, paths["green-weight"]);
    layouts.push({ name, weighted, paths });
  }
  return layouts.sort((a, b) => a.name.localeCompare(b.name));
}
