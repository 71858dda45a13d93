/** Plain JSON values for property tests that edit a generated document: made up, and reached into by path. */
import fc from "fast-check";
import type { JsonValue, PathSegment } from "../../src/release-file/document.js";

export type JsonObject = { [key: string]: JsonValue };

/** Every path below `value` (not `value` itself), parents before their children. */
export function allPaths(value: JsonValue, path: PathSegment[] = []): PathSegment[][] {
  if (value === null || typeof value !== "object") return [];
  const entries: [PathSegment, JsonValue][] = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : Object.entries(value);
  return entries.flatMap(([key, item]) => [[...path, key], ...allPaths(item, [...path, key])]);
}

/** The value at `path`, which must exist. */
export function valueAt(root: JsonValue, path: PathSegment[]): JsonValue {
  return path.reduce<JsonValue>((node, key) => (node as Record<string, JsonValue>)[key]!, root);
}

/** A copy of `root` with `value` at `path`, whose parent must exist. */
export function withValue(root: JsonObject, path: PathSegment[], value: JsonValue): JsonObject {
  const copy = structuredClone(root);
  const parent = valueAt(copy, path.slice(0, -1)) as Record<string | number, JsonValue>;
  parent[path[path.length - 1]!] = value;
  return copy;
}

/** Any JSON value of `scalar`s, with object keys from `key`, a few levels deep. */
export function jsonValue(
  scalar: fc.Arbitrary<JsonValue>,
  key: fc.Arbitrary<string>,
): fc.Arbitrary<JsonValue> {
  return fc.letrec<{ json: JsonValue; array: JsonValue[]; object: JsonObject }>((tie) => ({
    json: fc.oneof({ depthSize: "small" }, scalar, tie("array"), tie("object")),
    array: fc.array(tie("json"), { maxLength: 4 }),
    object: fc.dictionary(key, tie("json"), { maxKeys: 4, noNullPrototype: true }),
  })).json;
}
