/** Comparing and describing JSON values the way a tfvars edit needs to. */
import type { JsonValue } from "./document.js";

export type JsonType = "null" | "boolean" | "number" | "string" | "array" | "object";

export function jsonTypeOf(value: JsonValue): JsonType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value as "boolean" | "number" | "string" | "object";
}

/** "a number", "an object", … for messages. */
export function describeType(value: JsonValue): string {
  const type = jsonTypeOf(value);
  return type === "object" || type === "array" ? `an ${type}` : `a ${type}`;
}

/**
 * Whether two values denote the same JSON: numbers by value (so `1.0` equals `1`) and object
 * keys in any order, because neither difference changes what Terraform reads.
 */
export function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameJson(item, b[i]));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
}

/**
 * Why the number written as `text` cannot be kept exactly (the rest of a phrase), or
 * undefined: 1e400 is Infinity and 2^53+1 rounds to 2^53, and a release file must hold the
 * number that was written, never a neighbour.
 */
export function inexactNumber(text: string, value: number): string | undefined {
  if (!Number.isFinite(value)) return `${text} is beyond the largest number`;
  if (/^-?\d+$/.test(text) && BigInt(text) !== BigInt(value)) {
    return `${text} is an integer beyond 2^53, which would be rounded`;
  }
  return undefined;
}

/** The first number written in JSON `text` (strings aside) that cannot be kept exactly. */
export function inexactNumberIn(text: string): string | undefined {
  const outsideStrings = text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  for (const [literal] of outsideStrings.matchAll(/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g)) {
    const problem = inexactNumber(literal, Number(literal));
    if (problem) return problem;
  }
  return undefined;
}
