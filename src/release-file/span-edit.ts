/**
 * What the HCL and JSON editors share: finding the node a path names, refusing a path that
 * cannot be created, and reading how the text around a span is laid out (line breaks,
 * indentation), so that both editors copy a file's layout the same way.
 */
import { ConfigurationError } from "../core/errors.js";
import { formatPath } from "./assignments.js";
import type { PathSegment, SetOptions } from "./document.js";
import type { JsonNode, ObjectNode, Span } from "./json-spans.js";
import { describeType } from "./json-values.js";

/** Whether the span holds a line break. */
export function spansLines(text: string, span: Span): boolean {
  const newline = text.indexOf("\n", span.start);
  return newline !== -1 && newline < span.end;
}

/** The offset where the line that `offset` is on begins. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** The leading whitespace of the line that `offset` is on. */
export function lineIndent(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, offset), offset))?.[0] ?? "";
}

function childOf(node: JsonNode, segment: PathSegment): JsonNode | undefined {
  if (node.kind === "object") return node.members.find((m) => m.key === String(segment))?.node;
  if (node.kind === "array" && /^\d+$/.test(String(segment))) return node.items[Number(segment)];
  return undefined;
}

/**
 * The nodes from `root` along `path`, `root` first. Where a segment names nothing, the chain
 * stops at that segment's parent and `missing` is the segment's index.
 */
export function walkPath(
  root: JsonNode,
  path: PathSegment[],
): { chain: JsonNode[]; missing?: number } {
  const chain: JsonNode[] = [root];
  for (const [depth, segment] of path.entries()) {
    const child = childOf(chain[depth]!, segment);
    if (!child) return { chain, missing: depth };
    chain.push(child);
  }
  return { chain };
}

/**
 * `parent`, where `path[depth]` is missing from it, if that key may be created there: it is
 * the path's last segment, `create` was passed and `parent` is an object. Otherwise a
 * ConfigurationError naming `file` and the path.
 */
export function creatableParent(
  file: string,
  path: PathSegment[],
  depth: number,
  parent: JsonNode,
  options: SetOptions,
): ObjectNode {
  const where = formatPath(path);
  if (depth < path.length - 1) {
    throw new ConfigurationError(
      `File "${file}" has no value at ${formatPath(path.slice(0, depth + 1))}, so ${where} cannot be set there; check the path.`,
    );
  }
  if (!options.create) {
    throw new ConfigurationError(
      `File "${file}" has no value at ${where}; check the path, or pass create to add the key.`,
    );
  }
  if (parent.kind !== "object") {
    throw new ConfigurationError(
      `File "${file}" has no value at ${where}, and only object keys can be created, but ${formatPath(path.slice(0, depth))} is ${describeType(parent.value)}.`,
    );
  }
  return parent;
}
