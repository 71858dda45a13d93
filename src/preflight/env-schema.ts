/**
 * The schema for environment values (`env-schema`): per variable a type and limits, e.g.
 *
 *   JWT_SECRET: { type: secret, min-length: 64 }
 *   DATABASE_URL: postgres-url
 *   LOG_LEVEL: { values: [debug, info, warn, error] }
 *   PORT: port
 *   SENTRY_DSN: { type: url, optional: true }
 */
import type { UserPattern } from "../core/user-pattern.js";
import { compileUserPattern } from "../core/user-pattern.js";
import { z } from "zod";
import { ConfigurationError } from "../core/errors.js";
import { URL_KINDS } from "./connection-url.js";

export const VALUE_TYPES = [
  "string",
  "secret",
  ...URL_KINDS,
  "integer",
  "port",
  "boolean",
] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export interface ValueRule {
  name: string;
  type: ValueType;
  optional: boolean;
  minLength?: number | undefined;
  maxLength?: number | undefined;
  pattern?: UserPattern | undefined;
  values?: string[] | undefined;
  min?: number | undefined;
  max?: number | undefined;
  /** `warn` reports a problem without failing. */
  severity: "fail" | "warn";
}

/** JWT signing keys and the like: below this, brute force is within reach. */
export const DEFAULT_SECRET_MIN_LENGTH = 32;

const count = z.number().int().min(0);
const ruleSchema = z.strictObject({
  type: z.enum(VALUE_TYPES, { error: `must be one of ${VALUE_TYPES.join(", ")}` }).optional(),
  optional: z.boolean().optional(),
  "min-length": count.optional(),
  "max-length": count.optional(),
  pattern: z.string().optional(),
  values: z
    .array(z.union([z.string(), z.number(), z.boolean()]).transform(String))
    .min(1)
    .optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  severity: z.enum(["fail", "warn"]).optional(),
});

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseEnvSchema(value: unknown, source: string): ValueRule[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigurationError(
      `${source} must be a map of variable names to types, such as {DATABASE_URL: postgres-url, JWT_SECRET: {type: secret, min-length: 32}}.`,
    );
  }
  return Object.entries(value as Record<string, unknown>).map(([name, spec]) => {
    if (!NAME.test(name)) {
      throw new ConfigurationError(
        `${source} has "${name}", which is not an environment variable name; use letters, digits and _, not starting with a digit.`,
      );
    }
    const shape = typeof spec === "string" ? { type: spec } : spec === null ? {} : spec;
    const parsed = ruleSchema.safeParse(shape);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const key = issue.path.map(String).join(".");
      const message =
        issue.code === "unrecognized_keys"
          ? `has the unknown key "${issue.keys[0]}"; use type, optional, min-length, max-length, pattern, values, min, max and severity`
          : `is invalid${key ? ` at ${key}` : ""}: ${issue.message.replace(/\.$/, "")}`;
      throw new ConfigurationError(`${source} ${name} ${message}.`);
    }
    const rule = parsed.data;
    let pattern: UserPattern | undefined;
    if (rule.pattern !== undefined) {
      try {
        pattern = compileUserPattern(rule.pattern);
      } catch (error) {
        throw new ConfigurationError(
          `${source} ${name} has a pattern that is not a regular expression (${(error as Error).message}); fix or remove it.`,
        );
      }
    }
    const type = rule.type ?? "string";
    return {
      name,
      type,
      optional: rule.optional ?? false,
      minLength: rule["min-length"] ?? (type === "secret" ? DEFAULT_SECRET_MIN_LENGTH : undefined),
      maxLength: rule["max-length"],
      pattern,
      values: rule.values,
      min: rule.min,
      max: rule.max,
      severity: rule.severity ?? "fail",
    };
  });
}
