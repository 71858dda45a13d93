/**
 * A parser for the subset of HCL that Terraform variable files use for literal values —
 * top-level `name = value` attributes whose values are quoted strings, numbers, booleans,
 * null, tuples and objects — remembering where every value, key and attribute sits in the
 * text. Anything beyond the subset (references, function calls, operators, heredocs, blocks,
 * `${…}` templates) is rejected with its line and column instead of guessed at: an edit
 * must never land on a value whose meaning depends on evaluation.
 *
 * This is the grammar; hcl-lexer.ts reads the tokens. The nodes share their shape with the
 * JSON editor's (json-spans.ts), so both editors walk paths the same way. Offsets are
 * indices into the JavaScript string.
 */
import { ConfigurationError } from "../core/errors.js";
import { HclCursor } from "./hcl-lexer.js";
import type { ArrayNode, JsonNode, MemberNode, ObjectNode, Span } from "./json-spans.js";
import { defineKey, lineAndColumn } from "./json-spans.js";

/** An attribute, or a member of an object constructor, with what surrounds it on its line. */
export interface HclMember extends MemberNode {
  /** The `=` or `:` between key and value. */
  separator: Span;
  /** Whether a comma follows the value. */
  comma: boolean;
  /**
   * Just after the value, its comma and any comment on the same line: the line break, the
   * end of the file, or the next token on the same line.
   */
  restOfLine: number;
}

export interface HclObjectNode extends ObjectNode {
  members: HclMember[];
}

/** The file's body: its attributes, in order. `start`/`end` cover the whole text. */
export interface HclBody extends HclObjectNode {
  body: true;
}

const BOM = "\uFEFF";
/** Far deeper than any variable file; stops a hostile file from exhausting the stack. */
const MAX_DEPTH = 256;
const IDENTIFIER_START = /^[\p{ID_Start}_]/u;

class HclSpanParser extends HclCursor {
  parseBody(): HclBody {
    const body: HclBody = {
      kind: "object",
      body: true,
      start: 0,
      end: this.text.length,
      members: [],
      value: {},
    };
    if (this.text.startsWith(BOM)) this.pos = 1;
    for (;;) {
      this.skipSpace(true);
      if (this.pos >= this.text.length) return body;
      const attribute = this.parseAttribute();
      this.addMember(body, attribute);
    }
  }

  private parseAttribute(): HclMember {
    const start = this.pos;
    const name = this.identifier();
    if (name === undefined) {
      return this.fail(
        "a variable name such as replicas",
        undefined,
        this.peek() === '"' ? "variable names take no quotes" : undefined,
      );
    }
    const keySpan = { start, end: this.pos };
    this.skipSpace(false);
    const ch = this.peek();
    if (ch === "{" || ch === '"' || (ch !== undefined && IDENTIFIER_START.test(ch))) {
      this.outsideSubset(`a block ("${name} {…}")`, start);
    }
    if (ch !== "=" || this.peek(1) === "=") this.fail(`"=" after ${name}`);
    const separator = { start: this.pos, end: this.pos + 1 };
    this.pos++;
    this.skipSpace(false);
    const node = this.parseValue(0, false);
    this.skipSpace(false);
    const restOfLine = this.pos;
    if (!this.atLineEnd()) this.afterValue(node, "the end of the line");
    return { key: name, keySpan, node, start, end: node.end, separator, comma: false, restOfLine };
  }

  private parseValue(depth: number, inTuple: boolean): JsonNode {
    if (depth > MAX_DEPTH) this.fail(`at most ${MAX_DEPTH} levels of nesting`);
    const ch = this.peek();
    const start = this.pos;
    if (ch === "{") return this.parseObject(depth);
    if (ch === "[") return this.parseTuple(depth);
    if (ch === '"') return this.parseString();
    if (ch === "<" && this.peek(1) === "<") this.outsideSubset("a heredoc (<<EOT)", start);
    if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) return this.parseNumber();
    const word = this.identifier();
    if (word === undefined) {
      if (ch === "(") this.outsideSubset("an expression in parentheses", start);
      if (ch === "!") this.outsideSubset("an expression", start);
      return this.fail(
        "a value",
        undefined,
        ch === "'" ? "HCL strings take double quotes" : undefined,
      );
    }
    const literals: Record<string, boolean | null> = { true: true, false: false, null: null };
    if (Object.hasOwn(literals, word)) {
      return { kind: "scalar", start, end: this.pos, value: literals[word] ?? null };
    }
    this.skipSpace(false);
    if (this.peek() === "(") this.outsideSubset(`a function call (${word}(…))`, start);
    if (word === "for" && inTuple) this.outsideSubset("a for expression", start);
    return this.outsideSubset(`a reference to ${word}`, start);
  }

  /** `{ k = v, "k" = v, k: v }`; members end at a comma or a line break. */
  private parseObject(depth: number): HclObjectNode {
    const node: HclObjectNode = { kind: "object", start: this.pos, end: 0, members: [], value: {} };
    this.pos++;
    for (;;) {
      this.skipSpace(true);
      if (this.peek() === "}") return this.close(node);
      const member = this.parseMember(depth);
      this.addMember(node, member);
      if (this.peek() === "}") return this.close(node);
    }
  }

  private parseMember(depth: number): HclMember {
    const start = this.pos;
    let key: string | undefined;
    if (this.peek() === '"') {
      key = this.parseString().value as string;
    } else {
      key = this.identifier();
      if (key === undefined) {
        if (this.peek() === "(") this.outsideSubset("a computed key in parentheses", start);
        this.fail('a key (a name or a quoted string) or "}"');
      }
    }
    const keySpan = { start, end: this.pos };
    this.skipSpace(false);
    const ch = this.peek();
    if (key === "for" && keySpan.end - start === 3 && ch !== "=" && ch !== ":") {
      this.outsideSubset("a for expression", start);
    }
    if ((ch !== "=" && ch !== ":") || this.peek(1) === "=") this.fail('"=" or ":" after the key');
    const separator = { start: this.pos, end: this.pos + 1 };
    this.pos++;
    this.skipSpace(false);
    const node = this.parseValue(depth + 1, false);
    this.skipSpace(false);
    const comma = this.peek() === ",";
    if (comma) this.pos++;
    this.skipSpace(false);
    const restOfLine = this.pos;
    if (!comma && !this.atLineEnd() && this.peek() !== "}") {
      this.afterValue(node, '",", a new line or "}"');
    }
    return { key, keySpan, node, start, end: node.end, separator, comma, restOfLine };
  }

  /** `[a, b]`; line breaks mean nothing inside brackets. */
  private parseTuple(depth: number): ArrayNode {
    const node: ArrayNode = { kind: "array", start: this.pos, end: 0, items: [], value: [] };
    this.pos++;
    for (;;) {
      this.skipSpace(true);
      if (this.peek() === "]") return this.close(node);
      const item = this.parseValue(depth + 1, true);
      node.items.push(item);
      node.value.push(item.value);
      this.skipSpace(true);
      if (this.peek() === ",") this.pos++;
      else if (this.peek() !== "]") this.afterValue(item, '"," or "]"');
    }
  }

  private addMember(node: HclObjectNode, member: HclMember): void {
    if (Object.hasOwn(node.value, member.key)) {
      const { line, column } = lineAndColumn(this.text, member.start);
      throw new ConfigurationError(
        `File "${this.file}" sets ${JSON.stringify(member.key)} twice in one ${"body" in node ? "file" : "object"} (again at line ${line}, column ${column}); remove one of them.`,
      );
    }
    node.members.push(member);
    defineKey(node.value, member.key, member.node.value);
  }

  private close<T extends HclObjectNode | ArrayNode>(node: T): T {
    this.pos++;
    node.end = this.pos;
    return node;
  }

  /** Something other than `expected` follows a complete value: an operator, an index, … */
  private afterValue(node: JsonNode, expected: string): never {
    const ch = this.peek();
    if (ch !== undefined && "+-*/%<>=!&|?:.[(".includes(ch)) {
      this.outsideSubset(`an expression (found "${ch}" after the value)`, node.start);
    }
    return this.fail(expected);
  }
}

/** Parses `text` as an HCL variable file; every problem is a ConfigurationError naming `file`, line and column. */
export function parseHclSpans(text: string, file: string): HclBody {
  return new HclSpanParser(text, file).parseBody();
}
