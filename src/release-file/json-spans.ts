/**
 * A strict RFC 8259 JSON parser that remembers where every value, key and member sits in
 * the text. JSON.parse cannot serve the editor: it returns values without positions, and it
 * silently keeps the last of two duplicate keys, which would let an edit land on a key that
 * Terraform reads differently. Offsets are indices into the JavaScript string.
 */
import { ConfigurationError } from "../core/errors.js";
import type { JsonValue } from "./document.js";
import { inexactNumber } from "./json-values.js";

export interface Span {
  start: number;
  end: number;
}

export interface ObjectNode extends Span {
  kind: "object";
  members: MemberNode[];
  value: { [key: string]: JsonValue };
}

export interface ArrayNode extends Span {
  kind: "array";
  items: JsonNode[];
  value: JsonValue[];
}

export interface ScalarNode extends Span {
  kind: "scalar";
  value: string | number | boolean | null;
}

export type JsonNode = ObjectNode | ArrayNode | ScalarNode;

/** `"key": value`, spanning from the key's opening quote to the end of the value. */
export interface MemberNode extends Span {
  key: string;
  keySpan: Span;
  node: JsonNode;
}

const BOM = "\uFEFF";
/** Far deeper than any variable file; stops a hostile file from exhausting the stack. */
const MAX_DEPTH = 256;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[\w$.+-]+/y;
const WHITESPACE = /[ \t\n\r]*/y;

/** 1-based line and column of an offset, not counting a leading byte-order mark. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  const bom = lineStart === 0 && text.startsWith(BOM) ? 1 : 0;
  return { line: before.split("\n").length, column: offset - lineStart - bom + 1 };
}

/** Sets a key the way JSON.parse does, so a key named `__proto__` stays an ordinary key. */
export function defineKey(
  target: { [key: string]: JsonValue },
  key: string,
  value: JsonValue,
): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

class SpanParser {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  parseDocument(): JsonNode {
    if (this.text.startsWith(BOM)) this.pos = 1;
    this.skipWhitespace();
    if (this.pos >= this.text.length) {
      throw new ConfigurationError(
        `File "${this.file}" is empty; a Terraform variable file in JSON holds an object such as {"replicas": 2}.`,
      );
    }
    const root = this.parseValue(0);
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail("the end of the document");
    return root;
  }

  private parseValue(depth: number): JsonNode {
    if (depth > MAX_DEPTH) this.fail(`at most ${MAX_DEPTH} levels of nesting`);
    const ch = this.text[this.pos];
    if (ch === "{") return this.parseObject(depth);
    if (ch === "[") return this.parseArray(depth);
    if (ch === '"') return this.parseString();
    const start = this.pos;
    WORD.lastIndex = start;
    const word = WORD.exec(this.text)?.[0] ?? "";
    if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) {
      NUMBER.lastIndex = start;
      if (NUMBER.exec(this.text)?.[0] !== word) this.fail("a JSON number", `"${word}"`);
      const value = Number(word);
      const inexact = inexactNumber(word, value);
      if (inexact) this.fail("a number that can be held exactly", `"${word}"`, inexact);
      this.pos += word.length;
      return { kind: "scalar", start, end: this.pos, value };
    }
    const literals: Record<string, boolean | null> = { true: true, false: false, null: null };
    if (Object.hasOwn(literals, word)) {
      this.pos += word.length;
      return { kind: "scalar", start, end: this.pos, value: literals[word] ?? null };
    }
    return this.fail("a value", word ? `"${word}"` : undefined);
  }

  private parseObject(depth: number): ObjectNode {
    const node: ObjectNode = { kind: "object", start: this.pos, end: 0, members: [], value: {} };
    const seen = new Set<string>();
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === "}") return this.close(node);
    for (;;) {
      if (this.text[this.pos] !== '"') {
        const trailing = node.members.length > 0 && this.text[this.pos] === "}";
        this.fail(
          "a key in double quotes",
          undefined,
          trailing ? "JSON allows no trailing comma" : undefined,
        );
      }
      const key = this.parseString();
      if (seen.has(key.value as string)) this.duplicate(key);
      seen.add(key.value as string);
      this.skipWhitespace();
      if (this.text[this.pos] !== ":") this.fail('":" after the key');
      this.pos++;
      this.skipWhitespace();
      const value = this.parseValue(depth + 1);
      const member = {
        key: key.value as string,
        keySpan: key,
        node: value,
        start: key.start,
        end: value.end,
      };
      node.members.push(member);
      defineKey(node.value, member.key, value.value);
      if (this.afterItem("}")) return this.close(node);
    }
  }

  private parseArray(depth: number): ArrayNode {
    const node: ArrayNode = { kind: "array", start: this.pos, end: 0, items: [], value: [] };
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === "]") return this.close(node);
    for (;;) {
      if (node.items.length > 0 && this.text[this.pos] === "]") {
        this.fail("a value", undefined, "JSON allows no trailing comma");
      }
      const item = this.parseValue(depth + 1);
      node.items.push(item);
      node.value.push(item.value);
      if (this.afterItem("]")) return this.close(node);
    }
  }

  /** After a member or item: true at the closing bracket, false after a comma. */
  private afterItem(closer: "}" | "]"): boolean {
    this.skipWhitespace();
    const ch = this.text[this.pos];
    if (ch === closer) return true;
    if (ch !== ",") this.fail(`"," or "${closer}"`);
    this.pos++;
    this.skipWhitespace();
    return false;
  }

  private close<T extends ObjectNode | ArrayNode>(node: T): T {
    this.pos++;
    node.end = this.pos;
    return node;
  }

  private parseString(): ScalarNode {
    const start = this.pos;
    this.pos++;
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined || ch === "\n" || ch === "\r") this.fail("a closing double quote");
      if (ch === '"') break;
      if (ch < " ")
        this.fail("a character that is not a control character (write it as an escape)");
      if (ch === "\\") this.parseEscape();
      else this.pos++;
    }
    this.pos++;
    // The slice is valid JSON by now, so JSON.parse only decodes the escapes.
    return {
      kind: "scalar",
      start,
      end: this.pos,
      value: JSON.parse(this.text.slice(start, this.pos)) as string,
    };
  }

  private parseEscape(): void {
    const next = this.text[this.pos + 1];
    if (next !== undefined && '"\\/bfnrt'.includes(next)) {
      this.pos += 2;
    } else if (
      next === "u" &&
      /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))
    ) {
      this.pos += 6;
    } else {
      this.fail("an escape such as \\n or \\u00e9", `"${this.text.slice(this.pos, this.pos + 2)}"`);
    }
  }

  private skipWhitespace(): void {
    WHITESPACE.lastIndex = this.pos;
    WHITESPACE.exec(this.text);
    this.pos = WHITESPACE.lastIndex;
  }

  private describeHere(): string {
    const ch = this.text[this.pos];
    if (ch === undefined) return "the end of the file";
    if (ch === "\n" || ch === "\r") return "the end of the line";
    if (ch < " ")
      return `the control character U+${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
    return `"${ch}"`;
  }

  private hint(): string {
    const ch = this.text[this.pos];
    if (ch === "/" || ch === "#") return "JSON allows no comments";
    if (ch === "'") return "JSON strings take double quotes";
    return "";
  }

  private fail(expected: string, found = this.describeHere(), note = this.hint()): never {
    const { line, column } = lineAndColumn(this.text, this.pos);
    throw new ConfigurationError(
      `File "${this.file}" is not valid JSON at line ${line}, column ${column}: expected ${expected} but found ${found}${note ? ` (${note})` : ""}; fix the file and run again.`,
    );
  }

  private duplicate(key: ScalarNode): never {
    const { line, column } = lineAndColumn(this.text, key.start);
    throw new ConfigurationError(
      `File "${this.file}" has the key ${JSON.stringify(key.value)} twice in one object (again at line ${line}, column ${column}); Terraform would read only one of them, so remove the other.`,
    );
  }
}

/** Parses `text` strictly; every syntax error is a ConfigurationError naming `file`, line and column. */
export function parseJsonSpans(text: string, file: string): JsonNode {
  return new SpanParser(text, file).parseDocument();
}
