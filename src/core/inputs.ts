/**
 * Action inputs arrive as strings (GitHub passes every input as text, and the CLI reads
 * flags as text). Each action declares one zod schema over those strings, composed from
 * the fragments here; parsing turns them into typed params or one readable sentence.
 */
import { z } from "zod";
import YAML from "yaml";
import { parseBooleanText } from "./boolean-text.js";
import { MAX_TIMER_MS } from "./clock.js";
import { ConfigurationError } from "./errors.js";
import { BYTE_SIZE_FORMS, parseByteSize } from "./quantity.js";
import { requiredInputMessage } from "./required-inputs.js";

/** The raw input map of an action: every declared input, as text or absent. */
export type RawInputs<Names extends string = string> = Record<Names, string | undefined>;

/**
 * Records `message` as what is wrong with the input a transform is parsing; the returned
 * z.NEVER stands in for the value that could not be made.
 */
export function inputProblem(ctx: z.core.$RefinementCtx, message: string): typeof z.NEVER {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
}

export const booleanInput = z.string().transform((value, ctx) => {
  const parsed = parseBooleanText(value);
  if (parsed !== undefined) return parsed;
  ctx.addIssue({ code: "custom", message: `expected true or false, got "${value}"` });
  return z.NEVER;
});

/** A list given one item per line or separated by commas; blank items are dropped. */
export const listInput = z.string().transform((value) =>
  value
    .split(/\r?\n|,/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0),
);

/** A list given one item per line (items may contain commas, e.g. `PATH=VALUE` pairs). */
export const linesInput = z.string().transform((value) =>
  value
    .split(/\r?\n/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0 && !item.startsWith("#")),
);

const DURATION_UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** Ten years: longer than any retention or wait Greenlight has a use for. */
export const MAX_DURATION_MS = 3650 * DURATION_UNITS["d"]!;

/** Parses `90s`, `10m`, `1h30m`, `500ms` or a bare number of seconds into milliseconds. */
export function parseDuration(text: string): number | undefined {
  const value = text.trim();
  let total = 0;
  if (/^\d+(\.\d+)?$/.test(value)) {
    total = Number(value) * 1000;
  } else {
    const pattern = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
    let consumed = 0;
    for (const match of value.matchAll(pattern)) {
      total += Number(match[1]) * (DURATION_UNITS[match[2] ?? ""] ?? 0);
      consumed += match[0].length;
    }
    if (consumed === 0 || consumed !== value.length) return undefined;
  }
  // Too many digits make Infinity, which must never become a timer or a window.
  return Number.isFinite(total) ? Math.round(total) : undefined;
}

function formatDurationLimit(ms: number): string {
  return ms % DURATION_UNITS["d"]! === 0
    ? `${ms / DURATION_UNITS["d"]!}d`
    : `${Math.floor(ms / DURATION_UNITS["h"]!)}h`;
}

/** A duration input of at most `maxMs`. */
export function boundedDurationInput(maxMs: number) {
  return z.string().transform((value, ctx) => {
    const ms = parseDuration(value);
    if (ms === undefined) {
      return inputProblem(
        ctx,
        `"${value}" is not a duration; write it like 30s, 10m, 1h30m or 500ms`,
      );
    }
    if (ms > maxMs) {
      return inputProblem(
        ctx,
        `is "${value}", longer than the ${formatDurationLimit(maxMs)} it may be`,
      );
    }
    return ms;
  });
}

/** A duration (a retention window, a bake time): at most ten years. */
export const durationInput = boundedDurationInput(MAX_DURATION_MS);

/**
 * A duration a timer waits for (a timeout, a deadline, a pause): at most what a Node timer
 * can wait in one go, about 24.8 days, since a longer one would fire after 1 ms.
 */
export const timerDurationInput = boundedDurationInput(MAX_TIMER_MS - (MAX_TIMER_MS % 3_600_000));

/** The most any count input may be: a bound on work, not a real limit. */
const MAX_COUNT = 1_000_000;

/** A non-negative integer given as text, at most `max`. */
export function countInput(max: number) {
  return z.string().transform((value, ctx) => {
    const trimmed = value.trim();
    if (!/^\d+$/.test(trimmed)) return inputProblem(ctx, `expected a whole number, got "${value}"`);
    const count = Number(trimmed);
    if (!Number.isSafeInteger(count) || count > max) {
      return inputProblem(ctx, `is ${trimmed}, more than the ${max} it may be`);
    }
    return count;
  });
}

/** A non-negative integer given as text. */
export const integerInput = countInput(MAX_COUNT);

/** A JSON or YAML value given as text (JSON is YAML, so one parser takes both). */
export const structuredInput = z.string().transform((value, ctx) => {
  try {
    return YAML.parse(value, { prettyErrors: false }) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    ctx.addIssue({ code: "custom", message: `is not valid JSON or YAML (${reason})` });
    return z.NEVER;
  }
});

/** Treat an empty string as "not given": that is how GitHub passes an unset input. */
export function normaliseRawInputs(raw: Record<string, string | undefined>): RawInputs {
  const out: RawInputs = {};
  for (const [name, value] of Object.entries(raw)) {
    out[name] = value === undefined || value === "" ? undefined : value;
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue, given: Record<string, unknown>): string {
  const name = issue.path.length > 0 ? String(issue.path[0]) : undefined;
  const rest = issue.path.slice(1).map(String);
  const where = name ? `Input "${name}"${rest.length ? ` (at ${rest.join(".")})` : ""}` : "Inputs";
  // zod 4 leaves the offending value off its issues, so look at what was given.
  if (issue.code === "invalid_type" && name && given[name] === undefined) {
    return requiredInputMessage(name);
  }
  const message = issue.message.replace(/\.$/, "");
  return `${where} ${/^(is|must|has|does|expected|should)\b/.test(message) ? "" : "is invalid: "}${message}.`;
}

/**
 * Validates raw inputs against an action's schema. Throws one ConfigurationError whose
 * message is a line per problem (normally one), never a raw zod dump.
 */
export function parseInputs<T>(schema: z.ZodType<T>, raw: Record<string, string | undefined>): T {
  const given = normaliseRawInputs(raw);
  const result = schema.safeParse(given);
  if (result.success) return result.data;
  const sentences = [...new Set(result.error.issues.map((issue) => describeIssue(issue, given)))];
  // One problem a line: the runner makes each line its own annotation.
  throw new ConfigurationError(sentences.join("\n"));
}

/** A positive byte size (`500MB`, `1MiB`, `65536`), the same units in every input. */
export const byteSizeInput = z.string().transform((value, ctx) => {
  const bytes = parseByteSize(value);
  return bytes === undefined || bytes <= 0
    ? inputProblem(ctx, `is "${value}", which is not a size; ${BYTE_SIZE_FORMS}`)
    : bytes;
});
