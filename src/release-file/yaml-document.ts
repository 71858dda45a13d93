/**
 * YAML release files (Helm values, kustomizations, Kubernetes manifests) edited in place.
 * An edit replaces the bytes of one scalar (or inserts one mapping entry) and leaves every
 * other byte alone: comments, key order, indentation, quoting and flow style, document
 * markers and line endings, so a reviewer's diff shows only the values that changed.
 *
 * A path that runs through an alias, a merge key (`<<`) or an anchored node that other
 * nodes refer to is refused: changing the bytes there would change other values too.
 * Every result is read again by both parsers (see yaml-parse.ts) and compared with the
 * intended value; a string style that does not read back is replaced by double quotes.
 */
import type { Node, Pair, Scalar, YAMLMap } from "yaml";
import { isAlias, isMap, isScalar, isSeq } from "yaml";
import { ConfigurationError, errorMessage } from "../core/errors.js";
import { formatPath } from "./assignments.js";
import type { JsonValue, PathSegment, SetOptions, TfvarsDocument } from "./document.js";
import { describeType, sameJson } from "./json-values.js";
import type { ParsedYaml } from "./yaml-parse.js";
import { parseYamlSpans } from "./yaml-parse.js";
import type { QuoteStyle } from "./yaml-render.js";
import { doubleQuoted, hasPlainCharacters, renderFlow, renderString } from "./yaml-render.js";
import { lineIndent, lineStart } from "./span-edit.js";

interface Span {
  start: number;
  end: number;
}

/** Where a path leads: the node, or the mapping that lacks its last key. */
type Located = { node: Node; parent?: undefined } | { node?: undefined; parent: YAMLMap };

/** A parsed node's source range: start, end of its value, end of its trailing comment. */
function rangeOf(node: Node): [number, number, number] {
  if (!node.range) throw new Error("A YAML node read from text has no source range.");
  return node.range;
}

function quoteStyleOf(node: Node | undefined): QuoteStyle {
  if (!isScalar(node)) return "plain";
  if (node.type === "QUOTE_SINGLE") return "single";
  if (node.type === "QUOTE_DOUBLE") return "double";
  return "plain";
}

function isMergeKey(pair: Pair): boolean {
  // With merge keys on, the yaml package reads `<<` as a symbol, not a string.
  return isScalar(pair.key) && typeof (pair.key as Scalar).value === "symbol";
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) && !isMergeKey(pair) ? String((pair.key as Scalar).value) : undefined;
}

/** `value` at `path` inside a copy of `data`. */
function withValue(data: JsonValue, path: PathSegment[], value: JsonValue): JsonValue {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(data)) {
    const copy = [...data];
    copy[head as number] = withValue(copy[head as number]!, rest, value);
    return copy;
  }
  const object = data as { [key: string]: JsonValue };
  const copy = { ...object };
  Object.defineProperty(copy, String(head), {
    value: withValue(
      Object.hasOwn(object, String(head)) ? object[String(head)]! : null,
      rest,
      value,
    ),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

function eolOf(text: string): string {
  const newline = text.indexOf("\n");
  return newline > 0 && text[newline - 1] === "\r" ? "\r\n" : "\n";
}

class YamlDocument implements TfvarsDocument {
  readonly format = "yaml";

  constructor(
    readonly file: string,
    readonly text: string,
    private readonly parsed: ParsedYaml,
  ) {}

  get data(): JsonValue {
    return this.parsed.data;
  }

  set(path: PathSegment[], value: JsonValue, options: SetOptions = {}): TfvarsDocument {
    const multi = this.parsed.docs.length > 1;
    if (path.length === 0 || (multi && path.length === 1)) {
      throw new ConfigurationError(
        `File "${this.file}" cannot have a whole document replaced (${formatPath(path)}); set the values inside it.`,
      );
    }
    const located = this.locate(path, options);
    if (located.node) {
      if (sameJson(located.node.toJSON() as JsonValue, value)) return this;
      return this.replace(path, located.node, value);
    }
    return this.insert(path, located.parent, value);
  }

  private refuse(path: PathSegment[], depth: number, why: string): never {
    const at = formatPath(path.slice(0, depth));
    throw new ConfigurationError(
      `File "${this.file}" reaches ${formatPath(path)} through ${why} at ${at}, so changing it would change other values too; edit the values the anchor or merge is made from, or write the value out in place.`,
    );
  }

  private checkNode(node: Node, path: PathSegment[], depth: number, anchors: Set<string>): void {
    if (isAlias(node)) this.refuse(path, depth, `the alias *${node.source}`);
    if (node.anchor && anchors.has(node.anchor)) {
      this.refuse(path, depth, `the anchor &${node.anchor}, which other nodes refer to,`);
    }
  }

  private locate(path: PathSegment[], options: SetOptions): Located {
    const multi = this.parsed.docs.length > 1;
    const docIndex = multi ? Number(path[0]) : 0;
    const doc = this.parsed.docs[docIndex];
    const anchors = this.parsed.referencedAnchors[docIndex] ?? new Set<string>();
    if (!doc) {
      throw new ConfigurationError(
        `File "${this.file}" has ${this.parsed.docs.length} documents, so ${formatPath(path)} names none of them; documents are numbered from 0.`,
      );
    }
    const start = multi ? 1 : 0;
    let node = doc.contents as Node;
    this.checkNode(node, path, start, anchors);
    for (let depth = start; depth < path.length; depth++) {
      const segment = path[depth]!;
      let child: Node | undefined;
      if (isMap(node)) {
        const pair = node.items.find((item) => keyOf(item) === String(segment));
        // A key the mapping does not write itself may come from a merge: its bytes are elsewhere.
        if (!pair && node.items.some(isMergeKey)) this.refuse(path, depth, "a merge key (<<)");
        child = pair ? ((pair.value as Node | null) ?? undefined) : undefined;
        // `key:` with nothing after it reads as null but has no bytes to replace.
        const empty = child && isScalar(child) && rangeOf(child)[0] === rangeOf(child)[1];
        if (pair && (!child || empty)) {
          throw new ConfigurationError(
            `File "${this.file}" has the key ${formatPath(path.slice(0, depth + 1))} with no value written after it, so Greenlight cannot tell what style to keep; write a value such as "" or 0 there first.`,
          );
        }
        if (!pair && depth === path.length - 1 && options.create) return { parent: node };
      } else if (isSeq(node) && typeof segment === "number") {
        child = (node.items[segment] as Node | undefined) ?? undefined;
      }
      if (!child) {
        throw new ConfigurationError(
          `File "${this.file}" has no value at ${formatPath(path.slice(0, depth + 1))}, so ${formatPath(path)} cannot be set; check the path${depth === path.length - 1 && isMap(node) ? ", or pass create to add the key" : ""}.`,
        );
      }
      this.checkNode(child, path, depth + 1, anchors);
      node = child;
    }
    return { node };
  }

  private replace(path: PathSegment[], node: Node, value: JsonValue): TfvarsDocument {
    const [start, end] = rangeOf(node);
    const style = quoteStyleOf(node);
    let span: Span = { start, end };
    if (isScalar(node) && (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED")) {
      // A block scalar's range runs to the end of its last line; keep that line break.
      const eol = /\r?\n$/.exec(this.text.slice(start, end))?.[0] ?? "";
      span = { start, end: end - eol.length };
    } else if (!isScalar(node)) {
      // A block collection spans lines; its flow replacement goes on the key's line.
      span = this.collectionSpan(node, start, end);
    }
    const candidates = [renderFlow(value, style, this.file)];
    // `!!str 6`: the tag, not the style, makes it a string; plain text stays plain.
    if (typeof value === "string" && isScalar(node) && node.tag && style === "plain") {
      if (hasPlainCharacters(value)) candidates.unshift(value);
    }
    if (typeof value === "string") candidates.push(doubleQuoted(value));
    return this.spliceChecked(span, candidates, path, value);
  }

  /** A collection's span, trimmed of the trailing line break a block collection ends with. */
  private collectionSpan(node: Node, start: number, end: number): Span {
    const body = this.text.slice(start, end);
    const trailing = /\s*$/.exec(body)?.[0] ?? "";
    const isBlock = !(isMap(node) || isSeq(node)) || !node.flow;
    return { start, end: isBlock ? end - trailing.length : end };
  }

  private insert(path: PathSegment[], parent: YAMLMap, value: JsonValue): TfvarsDocument {
    const key = String(path[path.length - 1]);
    const last = parent.items[parent.items.length - 1];
    const lastNode = (last?.value as Node | null) ?? (last?.key as Node | null);
    const style = quoteStyleOf(lastNode ?? undefined);
    const rendered = renderFlow(value, style, this.file);
    const name = renderString(key, "plain");
    if (parent.flow || !last || !lastNode) {
      const close = rangeOf(parent)[1] - 1;
      if (this.text[close] !== "}") {
        throw new ConfigurationError(
          `File "${this.file}" has a mapping at ${formatPath(path.slice(0, -1))} that Greenlight cannot add ${JSON.stringify(key)} to; add the key by hand once.`,
        );
      }
      const separator = last ? ", " : "";
      const member = `${separator}${name}: ${rendered}`;
      const at = last && lastNode ? rangeOf(lastNode)[1] : close;
      return this.spliceChecked({ start: at, end: at }, [member], path, value);
    }
    const keyStart = rangeOf(last.key as Node)[0];
    const indent = " ".repeat(keyStart - lineStart(this.text, keyStart));
    if (lineIndent(this.text, keyStart).length !== indent.length) {
      throw new ConfigurationError(
        `File "${this.file}" has a mapping at ${formatPath(path.slice(0, -1))} that starts on a line with other content, so Greenlight cannot add ${JSON.stringify(key)} to it; add the key by hand once.`,
      );
    }
    const eol = eolOf(this.text);
    const valueEnd = rangeOf(lastNode)[1];
    const newline = this.text.indexOf("\n", Math.max(valueEnd - 1, 0));
    const member = `${indent}${name}: ${rendered}`;
    if (newline === -1) {
      return this.spliceChecked(
        { start: this.text.length, end: this.text.length },
        [eol + member],
        path,
        value,
      );
    }
    const at = newline + 1;
    return this.spliceChecked({ start: at, end: at }, [member + eol], path, value);
  }

  /**
   * The first candidate text whose result both parsers read as the intended value. A
   * candidate that reads otherwise is a writer bug, never the user's: none reading back is
   * an error, not a ConfigurationError.
   */
  private spliceChecked(
    span: Span,
    candidates: string[],
    path: PathSegment[],
    value: JsonValue,
  ): TfvarsDocument {
    const intended = withValue(this.parsed.data, path, value);
    const problems: string[] = [];
    for (const replacement of candidates) {
      const text = this.text.slice(0, span.start) + replacement + this.text.slice(span.end);
      try {
        const parsed = parseYamlSpans(text, this.file);
        if (sameJson(parsed.data, intended)) return new YamlDocument(this.file, text, parsed);
        problems.push(`${replacement.trim()} reads back differently`);
      } catch (error) {
        problems.push(`${replacement.trim()}: ${errorMessage(error)}`);
      }
    }
    throw new Error(
      `Writing ${describeType(value)} at ${formatPath(path)} in "${this.file}" did not read back as intended (${problems.join("; ")}).`,
    );
  }
}

/** Parses a YAML release file; anything invalid or ambiguous is a ConfigurationError naming the file. */
export function parseYamlDocument(text: string, file: string): TfvarsDocument {
  return new YamlDocument(file, text, parseYamlSpans(text, file));
}
