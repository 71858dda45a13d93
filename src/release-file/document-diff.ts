/**
 * The changes between two versions of a tfvars document, value by value. open-pr uses it
 * to describe everything a pull request changes relative to its base, including changes
 * that earlier runs made on the same branch.
 */
import type { Change } from "./assignments.js";
import { formatPath } from "./assignments.js";
import type { JsonValue, PathSegment } from "./document.js";

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function diffDocuments(file: string, before: JsonValue, after: JsonValue): Change[] {
  const changes: Change[] = [];
  const walk = (path: PathSegment[], a: JsonValue | undefined, b: JsonValue | undefined) => {
    if (isObject(a) && isObject(b)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
        walk([...path, key], a[key], b[key]);
      return;
    }
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      a.forEach((item, i) => walk([...path, i], item, b[i]));
      return;
    }
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    if (b === undefined) return; // Removals are not something Greenlight does; nothing to describe.
    changes.push({ file, path: formatPath(path), old: a, new: b });
  };
  walk([], before, after);
  return changes;
}
