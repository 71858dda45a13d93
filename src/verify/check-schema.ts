/**
 * The shape of one check as written in YAML or JSON (the `checks` input, a checks file, or
 * the config file). Keys are kebab-case like the action's inputs. Values are validated and
 * turned into their typed form here, with messages that say what would be right.
 */
import { z } from "zod";
import { inputProblem, parseDuration } from "../core/inputs.js";
import { BYTE_SIZE_FORMS, parseByteSize } from "../core/quantity.js";
import type { HeaderExpectation } from "./header-expectation.js";
import { parseHeaderRule } from "./header-expectation.js";
import type { JsonAssertion } from "./json-assertion.js";
import { makeAssertion, parseAssertion, parsePattern } from "./json-assertion.js";
import type { StatusExpectation } from "./status-expectation.js";
import { parseStatusExpectation } from "./status-expectation.js";

type Ctx = z.core.$RefinementCtx;

/** A duration: `10s`, `500ms`, `1m30s`, or a number of seconds. */
export const durationValue = z
  .union([z.number(), z.string()], { error: "expected a duration such as 10s or 500ms" })
  .transform((value, ctx) => {
    const ms = typeof value === "number" ? Math.round(value * 1000) : parseDuration(value);
    if (ms === undefined || ms < 0) {
      return inputProblem(ctx, `"${value}" is not a duration; write it like 10s, 500ms or 1m30s`);
    }
    return ms;
  });

/** A size in bytes: `1MiB`, `512KiB`, or a number of bytes. */
export const sizeValue = z
  .union([z.number(), z.string()], { error: `expected a size; ${BYTE_SIZE_FORMS}` })
  .transform((value, ctx) => {
    const bytes = typeof value === "number" ? value : parseByteSize(value);
    if (bytes === undefined || bytes <= 0) {
      return inputProblem(ctx, `"${value}" is not a size; ${BYTE_SIZE_FORMS}`);
    }
    return bytes;
  });

/** A rate: `1%`, `0.5%`, or a fraction between 0 and 1. */
export const rateValue = z
  .union([z.number(), z.string()], { error: "expected a percentage such as 1%" })
  .transform((value, ctx) => {
    const text = String(value).trim();
    const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text);
    const rate = percent ? Number(percent[1]) / 100 : Number(text);
    if (!Number.isFinite(rate) || rate < 0 || rate > 1 || text === "") {
      return inputProblem(ctx, `"${value}" is not a rate; write a percentage such as 1% or 0.5%`);
    }
    return rate;
  });

/** A message for a value that is not a map at all; other issues keep their own messages. */
function notAMap(message: string) {
  return (issue: z.core.$ZodRawIssue) => (issue.code === "invalid_type" ? message : undefined);
}

const positiveInteger = z
  .number({ error: "expected a whole number" })
  .int({ error: "expected a whole number" })
  .min(1, { error: "must be at least 1" });

const statusValue = z
  .union([z.number(), z.string(), z.array(z.union([z.number(), z.string()]))], {
    error: "expected a status code (200), a class (2xx), a range (200-299) or a list of those",
  })
  .transform((value, ctx): StatusExpectation => {
    const parsed = parseStatusExpectation(value);
    return typeof parsed === "string" ? inputProblem(ctx, parsed) : parsed;
  });

function toAssertion(item: unknown, ctx: Ctx): JsonAssertion | undefined {
  try {
    if (typeof item === "string") return parseAssertion(item);
    if (typeof item === "object" && item !== null && !Array.isArray(item)) {
      const { path, op, value, ...rest } = item as Record<string, unknown>;
      const extra = Object.keys(rest);
      if (typeof path !== "string" || extra.length > 0) {
        throw new Error(
          `an assertion object has the keys path, op and value${extra.length ? ` (not ${extra.join(", ")})` : ""}`,
        );
      }
      const operator = typeof op === "string" ? op : value === undefined ? "exists" : "==";
      return makeAssertion(path, operator, value);
    }
    throw new Error(`${JSON.stringify(item)} is not an assertion; write e.g. $.status == "ok"`);
  } catch (error) {
    inputProblem(ctx, (error as Error).message);
    return undefined;
  }
}

/** A list of `PATH OP VALUE` strings or {path, op, value} objects, or a map of path → value. */
const jsonAssertions = z.unknown().transform((value, ctx): JsonAssertion[] => {
  const items =
    typeof value === "string"
      ? [value]
      : Array.isArray(value)
        ? value
        : typeof value === "object" && value !== null
          ? Object.entries(value).map(([path, expected]) => ({ path, op: "==", value: expected }))
          : undefined;
  if (!items) return inputProblem(ctx, 'expected a list of assertions such as $.status == "ok"');
  const out: JsonAssertion[] = [];
  for (const item of items) {
    const assertion = toAssertion(item, ctx);
    if (!assertion) return z.NEVER;
    out.push(assertion);
  }
  return out;
});

const patterns = z
  .union([z.string(), z.array(z.string())], { error: "expected a regular expression or a list" })
  .transform((value, ctx): RegExp[] => {
    try {
      return (Array.isArray(value) ? value : [value]).map(parsePattern);
    } catch (error) {
      return inputProblem(ctx, (error as Error).message);
    }
  });

const headerExpectations = z
  .record(z.string(), z.union([z.string(), z.boolean(), z.number()]), {
    error: "expected a map of header name to true, false, a value or a /regex/",
  })
  .transform((value, ctx): HeaderExpectation[] => {
    try {
      return Object.entries(value).map(([name, rule]) => ({ name, rule: parseHeaderRule(rule) }));
    } catch (error) {
      return inputProblem(ctx, (error as Error).message);
    }
  });

export const expectSchema = z.strictObject(
  {
    status: statusValue.optional(),
    json: jsonAssertions.optional(),
    "body-matches": patterns.optional(),
    "body-not-matches": patterns.optional(),
    headers: headerExpectations.optional(),
    "security-headers": z.boolean({ error: "expected true or false" }).optional(),
    "max-latency": durationValue.optional(),
  },
  { error: notAMap("expected a map such as {status: 200, json: ['$.status == \"ok\"']}") },
);

export const tlsSchema = z.strictObject(
  {
    verify: z.boolean({ error: "expected true or false" }).optional(),
    "ca-file": z.string({ error: "expected a file path" }).optional(),
    "min-days": z.number({ error: "expected a number of days" }).min(0).optional(),
  },
  { error: notAMap("expected a map such as {verify: true, min-days: 14}") },
);

export const latencySchema = z.strictObject(
  {
    requests: positiveInteger.max(100_000, { error: "must be at most 100000" }).optional(),
    concurrency: positiveInteger.max(256, { error: "must be at most 256" }).optional(),
    p50: durationValue.optional(),
    p95: durationValue.optional(),
    p99: durationValue.optional(),
    "max-error-rate": rateValue.optional(),
    "min-throughput": z.number({ error: "expected requests per second" }).positive().optional(),
  },
  { error: notAMap("expected a map such as {requests: 200, concurrency: 10, p95: 2s}") },
);

const headerValues = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean()]), {
    error: "expected a map of header name to value",
  })
  .transform((value) =>
    Object.fromEntries(Object.entries(value).map(([name, v]) => [name, String(v)])),
  );

export const checkEntrySchema = z.strictObject(
  {
    name: z.string({ error: "expected text" }).min(1).optional(),
    url: z.string({ error: "expected the URL to check, e.g. https://api.example.com/health" }),
    method: z
      .string({ error: "expected an HTTP method such as GET" })
      .regex(/^[A-Za-z]+$/, { error: "expected an HTTP method such as GET or POST" })
      .optional(),
    headers: headerValues.optional(),
    "secret-headers": z.array(z.string(), { error: "expected a list of header names" }).optional(),
    body: z
      .unknown()
      .transform((value) => (typeof value === "string" ? value : JSON.stringify(value)))
      .optional(),
    expect: expectSchema.optional(),
    tls: tlsSchema.optional(),
    timeout: durationValue.optional(),
    attempts: positiveInteger.optional(),
    interval: durationValue.optional(),
    "follow-redirects": z.boolean({ error: "expected true or false" }).optional(),
    "max-redirects": z.number({ error: "expected a whole number" }).int().min(0).optional(),
    "max-body": sizeValue.optional(),
    latency: latencySchema.optional(),
  },
  { error: notAMap("expected a map with at least url") },
);

export type CheckEntry = z.output<typeof checkEntrySchema>;
export type LatencyEntry = z.output<typeof latencySchema>;
