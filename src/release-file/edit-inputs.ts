/**
 * The inputs that describe a tfvars edit, shared by update-tfvars and open-pr so the two
 * actions take exactly the same `set`, `images`, `weights`, … syntax.
 */
import { z } from "zod";
import { ownMap } from "../core/own-keys.js";
import { booleanInput, linesInput, listInput } from "../core/inputs.js";
import type { Assignment } from "./assignments.js";
import { parseAssignments } from "./assignments.js";
import type { EnvironmentConfig, GreenlightConfig } from "../config/schema.js";
import { releaseFileOf } from "../config/schema.js";
import type { TfvarsEditRequest } from "./plan-edit.js";
import type { ReleaseEdit } from "./release-edits.js";
import { layoutsFromConfig } from "./service-layout.js";

type Refinement = z.core.$RefinementCtx;

/**
 * A map given as `key=value` lines or as a JSON object (the form build-push outputs in
 * `images`). Values are kept as strings; callers convert them.
 */
function parseKeyValues(text: string, ctx: Refinement): Record<string, string> | undefined {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    try {
      const parsed = JSON.parse(trimmed) as unknown;
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
        const map = ownMap<string>();
        for (const [k, v] of Object.entries(parsed)) map[k] = String(v);
        return map;
      }
    } catch {
      // Fall through to the error below.
    }
    ctx.addIssue({
      code: "custom",
      message: "is not a valid JSON object; give a JSON map or service=value lines",
    });
    return undefined;
  }
  const out = ownMap<string>();
  for (const line of trimmed
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const eq = line.indexOf("=");
    const key = line.slice(0, eq).trim();
    if (eq <= 0 || key === "") {
      ctx.addIssue({
        code: "custom",
        message: `has the line "${line}", which is not service=value`,
      });
      return undefined;
    }
    if (Object.hasOwn(out, key)) {
      ctx.addIssue({ code: "custom", message: `names service "${key}" twice` });
      return undefined;
    }
    out[key] = line.slice(eq + 1).trim();
  }
  return out;
}

function wholeNumber(text: string, max?: number): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  // Beyond 2^53 the number written would not be the number given.
  if (!Number.isSafeInteger(value)) return undefined;
  return max !== undefined && value > max ? undefined : value;
}

const imagesInput = z.string().transform((text, ctx) => parseKeyValues(text, ctx) ?? z.NEVER);

const desiredCountsInput = z.string().transform((text, ctx) => {
  const map = parseKeyValues(text, ctx);
  if (!map) return z.NEVER;
  const out = ownMap<number>();
  for (const [service, value] of Object.entries(map)) {
    const count = wholeNumber(value);
    if (count === undefined) {
      ctx.addIssue({
        code: "custom",
        message: `gives service "${service}" the count "${value}"; a desired count is a whole number of 0 or more`,
      });
      return z.NEVER;
    }
    out[service] = count;
  }
  return out;
});

const weightsInput = z.string().transform((text, ctx): Record<string, number> | number => {
  const single = text.trim();
  if (/^-?\d+(\.\d+)?%?$/.test(single)) {
    const value = wholeNumber(single.replace(/%$/, ""), 100);
    if (value === undefined) {
      ctx.addIssue({
        code: "custom",
        message: `is "${single}"; a green weight is a whole percentage from 0 to 100`,
      });
      return z.NEVER;
    }
    return value;
  }
  const map = parseKeyValues(text, ctx);
  if (!map) return z.NEVER;
  const out = ownMap<number>();
  for (const [service, value] of Object.entries(map)) {
    const weight = wholeNumber(value.replace(/%$/, ""), 100);
    if (weight === undefined) {
      ctx.addIssue({
        code: "custom",
        message: `gives service "${service}" the weight "${value}"; a green weight is a whole percentage from 0 to 100`,
      });
      return z.NEVER;
    }
    out[service] = weight;
  }
  return out;
});

const setInput = linesInput.transform((lines, ctx): Assignment[] => {
  try {
    return parseAssignments(lines, "set");
  } catch (error) {
    ctx.addIssue({
      code: "custom",
      message: error instanceof Error ? error.message.replace(/^Input "set" /, "") : String(error),
    });
    return z.NEVER;
  }
});

/** The raw edit inputs (all optional strings) and what they become. */
export const editInputShape = {
  set: setInput.optional(),
  images: imagesInput.optional(),
  "desired-counts": desiredCountsInput.optional(),
  weights: weightsInput.optional(),
  finalize: listInput.optional(),
  rollback: listInput.optional(),
  create: booleanInput.default(false),
  force: booleanInput.default(false),
  "require-digest": booleanInput.optional(),
  "allowed-registries": listInput.optional(),
};

export interface EditInputs {
  set?: Assignment[] | undefined;
  create?: boolean;
  force?: boolean;
  "require-digest"?: boolean | undefined;
  "allowed-registries"?: string[] | undefined;
  images?: Record<string, string> | undefined;
  "desired-counts"?: Record<string, number> | undefined;
  weights?: Record<string, number> | number | undefined;
  finalize?: string[] | undefined;
  rollback?: string[] | undefined;
}

export function releaseEditFrom(inputs: EditInputs): ReleaseEdit {
  return {
    ...(inputs.images ? { images: inputs.images } : {}),
    ...(inputs["desired-counts"] ? { desiredCounts: inputs["desired-counts"] } : {}),
    ...(inputs.weights !== undefined ? { weights: inputs.weights } : {}),
    ...(inputs.finalize?.length ? { finalize: inputs.finalize } : {}),
    ...(inputs.rollback?.length ? { rollback: inputs.rollback } : {}),
  };
}

/**
 * The whole edit request from the edit inputs, with the environment's image rules where the
 * inputs leave them open. A config without services leaves the layouts to the naming
 * convention.
 */
export function editRequestFrom(
  inputs: EditInputs,
  config: GreenlightConfig | undefined,
  env: EnvironmentConfig | undefined,
  environment: string | undefined,
): TfvarsEditRequest {
  const releaseFile = releaseFileOf(env);
  return {
    set: inputs.set ?? [],
    release: releaseEditFrom(inputs),
    create: inputs.create ?? false,
    force: inputs.force ?? false,
    imageRules: {
      requireDigest: inputs["require-digest"] ?? env?.["require-digest"] ?? false,
      allowedRegistries: inputs["allowed-registries"] ?? env?.["allowed-registries"] ?? [],
    },
    ...(releaseFile ? { releaseFile } : {}),
    ...(config && Object.keys(config.services).length > 0
      ? { layouts: layoutsFromConfig(config, environment) }
      : {}),
  };
}
