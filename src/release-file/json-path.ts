/** Reading single values by JSONPath from a parsed tfvars document. */
import { JSONPath } from "jsonpath-plus";
import { formatPath } from "./assignments.js";
import type { JsonValue } from "./document.js";
import { evaluateFilter } from "./path-filter.js";

/** The value at a definite JSONPath, or undefined when nothing is there. */
export function readPath(data: JsonValue, path: string): JsonValue | undefined {
  const found = readAll(data, path);
  return found.length === 1 ? found[0] : undefined;
}

/** Every value a JSONPath matches; filters are read by path-filter.ts, never run as code. */
export function readAll(data: JsonValue, path: string): JsonValue[] {
  return JSONPath({
    path,
    json: data as object,
    wrap: true,
    eval: evaluateFilter,
    ignoreEvalErrors: true,
  }) as JsonValue[];
}

export function hasPath(data: JsonValue, path: string): boolean {
  return readPath(data, path) !== undefined;
}

/**
 * The canonical spelling of a definite JSONPath (`$.a['b c'][0]`), so that paths written
 * differently (`$['a']` and `$.a`) compare equal.
 */
export function normalisePath(path: string): string {
  const segments = JSONPath.toPathArray(path).slice(1);
  return formatPath(segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
}
