/**
 * Generic edits: `PATH=VALUE` assignments where PATH is a JSONPath (jsonpath-plus) into
 * the file. The rules keep a typo from turning into a silent change: a path that matches
 * nothing is an error unless creation is asked for, a path that matches several values is
 * an error unless the path itself says it means several, and a value may not change its
 * JSON type unless forced.
 */
import { JSONPath } from "jsonpath-plus";
import { ConfigurationError, errorMessage } from "../core/errors.js";
import type { JsonValue, PathSegment, TfvarsDocument } from "./document.js";
import { evaluateFilter, filterProblem } from "./path-filter.js";
import { scanJsonPath } from "./json-path-scan.js";
import { describeType, inexactNumberIn, jsonTypeOf, sameJson } from "./json-values.js";

export interface Assignment {
  path: string;
  value: JsonValue;
}

export interface Change {
  file: string;
  /** The concrete path, in the canonical spelling of formatPath. */
  path: string;
  /** undefined when the key was created. */
  old: JsonValue | undefined;
  new: JsonValue;
}

export interface AssignOptions {
  create?: boolean;
  force?: boolean;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The canonical definite JSONPath of a concrete location: `$.a.b_c['b c'][0]`. */
export function formatPath(segments: PathSegment[]): string {
  return (
    "$" +
    segments
      .map((segment) => {
        if (typeof segment === "number") return `[${segment}]`;
        if (IDENTIFIER.test(segment)) return `.${segment}`;
        return `['${segment.replace(/[\\']/g, "\\$&")}']`;
      })
      .join("")
  );
}

/** Why a JSONPath cannot be used (the rest of a sentence), or undefined when it can. */
export function jsonPathProblem(path: string): string | undefined {
  const balance = scanJsonPath(path).problem;
  if (balance) return `has ${balance}`;
  if (!/^\$(?:$|[.[])/.test(path)) return "does not start with $";
  if (path.endsWith(".") || path.includes("[]")) return "has an empty key (a trailing dot or [])";
  const parts = JSONPath.toPathArray(path).slice(1);
  if (parts.some((part) => part === "~" || part.endsWith("~"))) {
    return "selects property names with ~, which cannot be assigned";
  }
  return filterProblem(parts);
}

function parseValue(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

/** Parses `PATH=VALUE` lines (VALUE as JSON when it parses, else a string); blank lines are skipped. */
export function parseAssignments(lines: string[], inputName: string): Assignment[] {
  const assignments: Assignment[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === "") continue;
    const { stop: equals, problem } = scanJsonPath(line, (ch) => ch === "=");
    if (problem) {
      // Name the path alone when an `=` shows where it ends.
      const path = line.includes("=") ? line.slice(0, line.indexOf("=")).trim() : line;
      throw new ConfigurationError(
        `Input "${inputName}" has the path "${path}" with ${problem}; close every bracket, parenthesis and quote, e.g. $.tags['team']=payments.`,
      );
    }
    const path = line.slice(0, Math.max(equals, 0)).trim();
    if (equals < 0 || path === "") {
      throw new ConfigurationError(
        `Input "${inputName}" has the line "${line}", which is not PATH=VALUE; write e.g. $.replicas=3.`,
      );
    }
    const invalid = jsonPathProblem(path);
    if (invalid) {
      const example = IDENTIFIER.test(path) ? `$.${path}` : "$.replicas";
      throw new ConfigurationError(
        `Input "${inputName}" has the path "${path}", which ${invalid}; write a JSONPath such as ${example}.`,
      );
    }
    const text = line.slice(equals + 1).trim();
    const value = parseValue(text);
    const inexact = typeof value === "string" ? undefined : inexactNumberIn(text);
    if (inexact) {
      throw new ConfigurationError(
        `Input "${inputName}" sets ${path} to a number that would be changed on writing: ${inexact}; give a smaller number, or a string in quotes.`,
      );
    }
    assignments.push({ path, value });
  }
  return assignments;
}

/** Whether the path says it may match several values: a wildcard, `..`, a filter, a slice or a union. */
function saysMany(path: string): boolean {
  return JSONPath.toPathArray(path)
    .slice(1)
    .some((part) => part === "*" || part === ".." || part.startsWith("?") || /[:,]/.test(part));
}

/** The path's keys and indices when it names one location whether or not it exists. */
function definiteSegments(path: string, data: JsonValue): PathSegment[] | undefined {
  const parts = JSONPath.toPathArray(path).slice(1);
  if (saysMany(path) || parts.some((p) => p === "^" || /^[(@]/.test(p))) return undefined;
  return toSegments(parts, data);
}

/** Keys and indices: a part is an index where the value it reads from is an array. */
function toSegments(parts: string[], data: JsonValue): PathSegment[] {
  let node: JsonValue | undefined = data;
  return parts.map((part) => {
    const isIndex = Array.isArray(node) && /^\d+$/.test(part);
    const segment = isIndex ? Number(part) : part;
    node = valueAt(node, [segment]);
    return segment;
  });
}

function valueAt(data: JsonValue | undefined, segments: PathSegment[]): JsonValue | undefined {
  let node = data;
  for (const segment of segments) {
    if (Array.isArray(node) && typeof segment === "number") node = node[segment];
    else if (
      node &&
      typeof node === "object" &&
      !Array.isArray(node) &&
      Object.hasOwn(node, segment)
    ) {
      node = node[segment];
    } else return undefined;
  }
  return node;
}

interface Match {
  segments: PathSegment[];
  value: JsonValue;
}

function findMatches(doc: TfvarsDocument, path: string): Match[] {
  const invalid = jsonPathProblem(path);
  if (invalid) {
    throw new ConfigurationError(`Path "${path}" ${invalid}; write a JSONPath such as $.replicas.`);
  }
  let results: { pointer: string }[];
  try {
    results = JSONPath({
      path,
      json: doc.data as object,
      resultType: "all",
      // Filters are read by path-filter.ts; nothing in a path runs as JavaScript.
      eval: evaluateFilter,
      ignoreEvalErrors: true,
      wrap: true,
    }) as { pointer: string }[];
  } catch (error) {
    const reason = errorMessage(error).replace(/\s+/g, " ").replace(/\.$/, "");
    throw new ConfigurationError(
      `Path ${path} cannot be evaluated against "${doc.file}" (${reason}); check its filter expression.`,
    );
  }
  const pointers = [...new Set(results.map((r) => r.pointer))];
  const matches = pointers.map((pointer) => {
    const parts = pointer === "" ? [] : pointer.slice(1).split("/");
    const segments = toSegments(
      parts.map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~")),
      doc.data,
    );
    return { segments, value: valueAt(doc.data, segments) };
  });
  // jsonpath-plus also reaches JavaScript properties such as a string's `length`; those are not in the file.
  return matches.filter((m): m is Match => m.value !== undefined);
}

/** Why nothing matched, as the end of a sentence that starts with the path. */
function explainNoMatch(
  path: string,
  file: string,
  data: JsonValue,
  options: AssignOptions,
): string {
  const segments = definiteSegments(path, data);
  if (!segments || segments.length === 0) {
    return options.create
      ? `matches nothing in "${file}", and only a path without wildcards, filters or slices can be created.`
      : `matches nothing in "${file}"; check the path.`;
  }
  const parentPath = segments.slice(0, -1);
  const parent = valueAt(data, parentPath);
  const last = segments[segments.length - 1]!;
  if (Array.isArray(parent)) {
    const range =
      parent.length === 0 ? "it is empty" : `indices run from 0 to ${parent.length - 1}`;
    return `is out of range in "${file}": ${formatPath(parentPath)} has ${parent.length} items (${range}), and Greenlight does not add array items.`;
  }
  if (parent === undefined) {
    return `matches nothing in "${file}", and neither does ${formatPath(parentPath)}; check the path.`;
  }
  if (jsonTypeOf(parent) !== "object") {
    return `matches nothing in "${file}": ${formatPath(parentPath)} is ${describeType(parent)}, which has no keys.`;
  }
  return `matches nothing in "${file}"; check the path, or pass create if the key ${JSON.stringify(last)} should be added.`;
}

function shortJson(value: JsonValue): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function checkType(file: string, match: Match, value: JsonValue, force: boolean | undefined): void {
  const was = jsonTypeOf(match.value);
  const becomes = jsonTypeOf(value);
  if (was === becomes || force) return;
  const path = formatPath(match.segments);
  const quoted = `${path}=${JSON.stringify(JSON.stringify(value))}`;
  const remedy =
    was === "string" && becomes !== "object" && becomes !== "array"
      ? `write ${quoted} to keep a string, or pass force to change the type`
      : "pass force if the type should change";
  throw new ConfigurationError(
    `Path ${path} in "${file}" holds ${describeType(match.value)}, but the new value ${shortJson(value)} is ${describeType(value)}; ${remedy}.`,
  );
}

function createAt(doc: TfvarsDocument, assignment: Assignment, options: AssignOptions) {
  const segments = options.create ? definiteSegments(assignment.path, doc.data) : undefined;
  const parent = segments && valueAt(doc.data, segments.slice(0, -1));
  if (
    !segments ||
    segments.length === 0 ||
    parent === undefined ||
    jsonTypeOf(parent) !== "object"
  ) {
    throw new ConfigurationError(
      `Path ${assignment.path} ${explainNoMatch(assignment.path, doc.file, doc.data, options)}`,
    );
  }
  return {
    doc: doc.set(segments, assignment.value, { create: true }),
    change: { file: doc.file, path: formatPath(segments), old: undefined, new: assignment.value },
  };
}

/**
 * Applies assignments in order, each evaluated against the document as the ones before it
 * left it. Returns the new document and one change per path whose value actually changed.
 */
export function applyAssignments(
  doc: TfvarsDocument,
  assignments: Assignment[],
  options: AssignOptions = {},
): { doc: TfvarsDocument; changes: Change[] } {
  let current = doc;
  const changes = new Map<string, Change>();
  const record = (change: Change) => {
    const earlier = changes.get(change.path);
    changes.set(change.path, earlier ? { ...change, old: earlier.old } : change);
  };
  for (const assignment of assignments) {
    const matches = findMatches(current, assignment.path);
    if (matches.length === 0) {
      const created = createAt(current, assignment, options);
      current = created.doc;
      record(created.change);
      continue;
    }
    if (matches.length > 1 && !saysMany(assignment.path)) {
      const listed = matches.slice(0, 3).map((m) => formatPath(m.segments));
      throw new ConfigurationError(
        `Path ${assignment.path} matches ${matches.length} values in "${doc.file}" (${listed.join(", ")}${matches.length > 3 ? ", …" : ""}); name one of them, or use [*], .. or a filter to change them all.`,
      );
    }
    for (const match of matches) checkType(doc.file, match, assignment.value, options.force);
    for (const match of matches) {
      if (sameJson(match.value, assignment.value)) continue;
      current = current.set(match.segments, assignment.value);
      record({
        file: doc.file,
        path: formatPath(match.segments),
        old: match.value,
        new: assignment.value,
      });
    }
  }
  const real = [...changes.values()].filter((c) => !sameJson(c.old, c.new));
  return { doc: current, changes: real };
}
