/**
 * The config file (`.github/greenlight.yml`): environments, services, the promotion plan and
 * notification targets. One strict zod schema with kebab-case keys, like the action inputs;
 * `greenlight schema` exports it as JSON Schema for editors. Optional facts stay undefined,
 * so an action input can always win over the file and the file over the built-in default.
 */
import { z } from "zod";
import { jsonPathProblem } from "../release-file/assignments.js";
import { readAll } from "../release-file/json-path.js";
import { notificationsSchema } from "../notify/config-schema.js";
import { deployWindowSchema } from "./deploy-window-schema.js";
import { checkEntrySchema, durationValue } from "../verify/check-schema.js";

/** The tfvars fields Greenlight reads and writes for every service. */
export const SERVICE_FIELDS = [
  "green-image",
  "blue-image",
  "green-desired-count",
  "blue-desired-count",
  "blue-weight",
  "green-weight",
] as const;
export type ServiceField = (typeof SERVICE_FIELDS)[number];
export type ImageField = "green-image" | "blue-image";

const name = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]*$/,
    "use lower-case letters, digits, - and _ (e.g. api or web-hooks)",
  );
/** Why a JSONPath cannot be used, found before any request or file needs it. */
function uncompilablePath(path: string): string | undefined {
  const problem = jsonPathProblem(path);
  if (problem) return problem;
  try {
    readAll({}, path);
    return undefined;
  } catch (error) {
    return `cannot be evaluated (${error instanceof Error ? error.message : String(error)})`;
  }
}

// Factories, not shared instances: descriptions attach to schema instances (zod's registry),
// so one instance used by several keys would carry the last key's description into all.
const jsonPath = () =>
  z
    .string()
    .startsWith("$", "write a JSONPath that starts with $, such as $.api_green_image")
    .superRefine((path, ctx) => {
      const problem = uncompilablePath(path);
      if (problem) {
        ctx.addIssue({
          code: "custom",
          message: `the JSONPath "${path}" ${problem}; write one such as $.api_green_image`,
        });
      }
    });
const repository = z
  .string()
  .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, "write the repository as owner/name");
const stringList = z.array(z.string().min(1));
const percent = z.number().int().min(0).max(100);

export const mergeModeSchema = z.enum(["pull-request", "auto-merge", "direct"]);
export type MergeMode = z.output<typeof mergeModeSchema>;
export const mergeMethodSchema = z.enum(["merge", "squash", "rebase"]);

/** How a measured number is judged: the same for every metric provider. */
const measurementRules = {
  "success-condition": z.string().min(1).optional(),
  "failure-condition": z.string().min(1).optional(),
  "failure-limit": z.number().int().min(0).optional(),
  "consecutive-error-limit": z.number().int().min(0).optional(),
  interval: durationValue.optional(),
  "on-missing-data": z.enum(["hold", "fail"]).optional(),
};

const prometheusAnalysis = z.strictObject({
  name: z.string().min(1),
  prometheus: z.strictObject({
    url: z.url(),
    query: z.string().min(1),
    /** A range query over this window (e.g. 5m) instead of an instant query. */
    range: durationValue.optional(),
    step: durationValue.optional(),
  }),
  ...measurementRules,
});

const httpJsonAnalysis = z.strictObject({
  name: z.string().min(1),
  "http-json": z.strictObject({
    url: z.url(),
    path: jsonPath(),
    headers: z.record(z.string(), z.string()).optional(),
  }),
  ...measurementRules,
});

const verifyAnalysis = z.strictObject({
  name: z.string().min(1),
  verify: z.array(checkEntrySchema).min(1),
});

export const analysisSchema = z.union([prometheusAnalysis, httpJsonAnalysis, verifyAnalysis], {
  error: "an analysis needs a name and one of prometheus, http-json or verify",
});

export const promotionSchema = z.strictObject({
  /** Green weights to move through, ending at 100. */
  steps: z
    .array(percent)
    .min(1)
    .refine(
      (steps) => steps.every((s, i) => i === 0 || s > (steps[i - 1] ?? -1)),
      "steps must increase",
    )
    .refine((steps) => steps.at(-1) === 100, "the last step must be 100")
    .optional(),
  "bake-time": durationValue.optional(),
  /** merge: bake from when a step reached the base branch; verified: from when verify confirmed it. */
  "bake-from": z.enum(["merge", "verified"]).optional(),
  analyses: z.array(analysisSchema).optional(),
  "on-failure": z.enum(["rollback", "hold"]).optional(),
  /** Below this request rate (per second) a measurement is a hold, not a verdict. */
  "minimum-traffic": z
    .strictObject({
      query: z.string().min(1),
      "at-least": z.number().min(0),
      /** Prometheus to ask; defaults to the first Prometheus analysis's URL. */
      url: z.url().optional(),
    })
    .optional(),
  merge: mergeModeSchema.optional(),
});

export const verifySettingsSchema = z.strictObject({
  checks: z.array(checkEntrySchema).min(1),
  timeout: durationValue.optional(),
  attempts: z.number().int().min(1).optional(),
  interval: durationValue.optional(),
  deadline: durationValue.optional(),
});

/** The formats of release files Greenlight edits. */
export const releaseFileFormatSchema = z.enum(["json", "hcl", "yaml"]);
export type ReleaseFileFormat = z.output<typeof releaseFileFormatSchema>;

/** A release file by path (format from its extension), or by path and format. */
const releaseFileSchema = z.union([
  z.string().min(1),
  z.strictObject({ path: z.string().min(1), format: releaseFileFormatSchema.optional() }),
]);

export const environmentSchema = z
  .strictObject({
    repository: repository.optional(),
    base: z.string().min(1).optional(),
    "release-file": releaseFileSchema.optional(),
    /** The name the release file had when every release file was a tfvars file. */
    tfvars: z.string().min(1).optional(),
    merge: mergeModeSchema.optional(),
    "merge-method": mergeMethodSchema.optional(),
    "allowed-paths": stringList.optional(),
    labels: stringList.optional(),
    reviewers: stringList.optional(),
    "team-reviewers": stringList.optional(),
    draft: z.boolean().optional(),
    "require-digest": z.boolean().optional(),
    "allowed-registries": stringList.optional(),
    promotion: promotionSchema.optional(),
    verify: verifySettingsSchema.optional(),
    /** When deploys to the environment are allowed, as preflight judges it. */
    "deploy-window": deployWindowSchema.optional(),
    "backup-before-rollback": z
      .strictObject({
        destination: z.string().min(1),
        name: z
          .string()
          .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/)
          .optional(),
        "s3-endpoint": z.url().optional(),
        "s3-region": z.string().min(1).optional(),
      })
      .optional(),
  })
  .refine((env) => env["release-file"] === undefined || env.tfvars === undefined, {
    message: "give release-file or tfvars, not both (tfvars is the older name of release-file)",
    path: ["tfvars"],
  });

/**
 * An image kept in two or three fields, as Helm charts (`image.repository` + `image.tag`)
 * and Kustomize `images:` entries (`newName` + `newTag` / `digest`) keep it.
 */
const imagePartsSchema = () =>
  z
    .strictObject({
      repository: jsonPath(),
      tag: jsonPath().optional(),
      digest: jsonPath().optional(),
    })
    .refine((parts) => parts.tag !== undefined || parts.digest !== undefined, {
      message: "map tag, digest or both besides repository",
    });
export type ImageParts = z.output<ReturnType<typeof imagePartsSchema>>;

const imageFieldSchema = () => z.union([jsonPath(), imagePartsSchema()]);

const fieldsSchema = z.strictObject({
  "green-image": imageFieldSchema().optional(),
  "blue-image": imageFieldSchema().optional(),
  "green-desired-count": jsonPath().optional(),
  "blue-desired-count": jsonPath().optional(),
  "blue-weight": jsonPath().optional(),
  "green-weight": jsonPath().optional(),
});

export const serviceSchema = z.strictObject({
  image: z.string().min(1).optional(),
  context: z.string().min(1).optional(),
  dockerfile: z.string().min(1).optional(),
  target: z.string().min(1).optional(),
  platforms: stringList.optional(),
  "build-args": z.record(z.string(), z.string()).optional(),
  /** False for a service with no load-balancer weights (a queue worker). */
  weighted: z.boolean().default(true),
  /** Per-field JSONPath overrides of the naming convention. */
  fields: fieldsSchema.optional(),
  /** percent: blue + green = 100; relative: shares of their sum (Gateway API, Istio). */
  "weight-mode": z.enum(["percent", "relative"]).default("percent"),
  /** Environments the service is deployed to; all when absent. */
  environments: stringList.optional(),
});

export { notificationsSchema };

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(1).optional(),
  environments: z.record(name, environmentSchema).default({}),
  services: z.record(name, serviceSchema).default({}),
  promotion: promotionSchema.optional(),
  notifications: notificationsSchema.optional(),
});

export type GreenlightConfig = z.output<typeof configSchema>;

export interface ReleaseFileRef {
  path: string;
  format?: ReleaseFileFormat;
}

/** The environment's release file: `release-file`, or `tfvars` as configs written before it say. */
export function releaseFileOf(env: EnvironmentConfig | undefined): ReleaseFileRef | undefined {
  const given = env?.["release-file"];
  if (typeof given === "string") return { path: given };
  if (given) return { path: given.path, ...(given.format ? { format: given.format } : {}) };
  return env?.tfvars === undefined ? undefined : { path: env.tfvars };
}

/** The explicit format of `file` when it is the environment's release file. */
export function releaseFormatFor(
  env: EnvironmentConfig | undefined,
  file: string,
): ReleaseFileFormat | undefined {
  const ref = releaseFileOf(env);
  return ref?.path === file ? ref.format : undefined;
}
export type EnvironmentConfig = z.output<typeof environmentSchema>;
export type ServiceConfig = z.output<typeof serviceSchema>;
export type PromotionConfig = z.output<typeof promotionSchema>;

/** The conventional JSONPath of a field: `$.<service>_<field>` with `-` written as `_`. */
export function defaultFieldPath(service: string, field: ServiceField): string {
  return `$.${service.replace(/-/g, "_")}_${field.replace(/-/g, "_")}`;
}

/** Where `field` of `service` lives: the config's override, else the convention. */
export function serviceFieldPath(
  config: GreenlightConfig,
  service: string,
  field: ServiceField,
): string {
  const given = config.services[service]?.fields?.[field];
  if (typeof given === "object") return given.repository;
  return given ?? defaultFieldPath(service, field);
}

/** The fields an image is split across, when the config splits it. */
export function serviceImageParts(
  config: GreenlightConfig,
  service: string,
  field: ImageField,
): ImageParts | undefined {
  const given = config.services[service]?.fields?.[field];
  return typeof given === "object" ? given : undefined;
}
