/**
 * The lexical layer of the HCL editor's parser: a cursor over the text that skips space and
 * comments the way HCL does (line breaks matter outside brackets, so callers say whether to
 * skip them), reads the literal tokens of the supported subset — names, numbers, quoted
 * strings with their escapes — and words every error with the file, line and column.
 */
import { ConfigurationError } from "../core/errors.js";
import type { ScalarNode } from "./json-spans.js";
import { lineAndColumn } from "./json-spans.js";
import { inexactNumber } from "./json-values.js";

const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const IDENTIFIER = /[\p{ID_Start}_][\p{ID_Continue}-]*/uy;
const INLINE_SPACE = /[ \t]*/y;
const SIMPLE_ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };
const SUBSET =
  "the subset of HCL that Greenlight edits (quoted strings, numbers, booleans, null, lists and objects)";

export class HclCursor {
  protected pos = 0;

  constructor(
    protected readonly text: string,
    protected readonly file: string,
  ) {}

  protected parseNumber(): ScalarNode {
    const start = this.pos;
    if (this.peek() === "-") {
      this.pos++;
      this.skipSpace(false);
    }
    NUMBER.lastIndex = this.pos;
    const digits = NUMBER.exec(this.text)?.[0];
    if (digits === undefined) return this.fail("a number");
    const negative = this.text[start] === "-";
    const value = negative ? -Number(digits) : Number(digits);
    const inexact = inexactNumber(negative ? `-${digits}` : digits, value);
    if (inexact) this.fail("a number that can be held exactly", `"${digits}"`, inexact);
    this.pos += digits.length;
    return { kind: "scalar", start, end: this.pos, value };
  }

  protected parseString(): ScalarNode {
    const start = this.pos;
    let value = "";
    this.pos++;
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined || ch === "\n" || ch === "\r") {
        this.fail("a closing double quote", undefined, "quoted strings cannot span lines");
      }
      if (ch === '"') break;
      const next = this.text[this.pos + 1];
      if (ch === "\\") {
        value += this.parseEscape();
      } else if ((ch === "$" || ch === "%") && next === "{") {
        this.outsideSubset(
          ch === "$" ? "an interpolation (${…})" : "a template directive (%{…})",
          this.pos,
        );
      } else if ((ch === "$" || ch === "%") && next === ch && this.text[this.pos + 2] === "{") {
        // `$${` and `%%{` are HCL's escapes for a literal `${` and `%{`.
        value += ch + "{";
        this.pos += 3;
      } else if (ch < " " && ch !== "\t") {
        this.fail("a character that is not a control character (write it as an escape)");
      } else {
        value += ch;
        this.pos++;
      }
    }
    this.pos++;
    // HCL reads every string in Unicode NFC (escapes included), and so must the editor.
    return { kind: "scalar", start, end: this.pos, value: value.normalize("NFC") };
  }

  protected parseEscape(): string {
    const next = this.text[this.pos + 1];
    const simple = next === undefined ? undefined : SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      this.pos += 2;
      return simple;
    }
    const width = next === "u" ? 4 : next === "U" ? 8 : 0;
    const hex = this.text.slice(this.pos + 2, this.pos + 2 + width);
    const code = Number.parseInt(hex, 16);
    const valid = width > 0 && new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex);
    if (!valid || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      this.fail(
        'an escape such as \\n, \\" or \\u00e9',
        `"${this.text.slice(this.pos, this.pos + 2 + width)}"`,
      );
    }
    this.pos += 2 + width;
    return String.fromCodePoint(code);
  }

  protected identifier(): string | undefined {
    IDENTIFIER.lastIndex = this.pos;
    const word = IDENTIFIER.exec(this.text)?.[0];
    if (word !== undefined) this.pos += word.length;
    return word;
  }

  protected peek(ahead = 0): string | undefined {
    return this.text[this.pos + ahead];
  }

  protected atLineEnd(): boolean {
    const ch = this.peek();
    return ch === undefined || ch === "\n" || (ch === "\r" && this.peek(1) === "\n");
  }

  /**
   * Skips spaces, tabs and comments; with `newlines`, line breaks too. Without, a line
   * comment is skipped up to (not over) the line break that ends it, so the caller still
   * sees where the line ends. Block comments never end a line, as in HCL.
   */
  protected skipSpace(newlines: boolean): void {
    for (;;) {
      INLINE_SPACE.lastIndex = this.pos;
      INLINE_SPACE.exec(this.text);
      this.pos = INLINE_SPACE.lastIndex;
      const ch = this.peek();
      const next = this.peek(1);
      if (ch === "#" || (ch === "/" && next === "/")) {
        const eol = this.text.indexOf("\n", this.pos);
        this.pos = eol === -1 ? this.text.length : this.text[eol - 1] === "\r" ? eol - 1 : eol;
      } else if (ch === "/" && next === "*") {
        const close = this.text.indexOf("*/", this.pos + 2);
        if (close === -1) this.fail('"*/" to close the comment', "the end of the file");
        this.pos = close + 2;
      } else if (newlines && (ch === "\n" || (ch === "\r" && next === "\n"))) {
        this.pos += ch === "\n" ? 1 : 2;
      } else {
        return;
      }
    }
  }

  protected describeHere(): string {
    const ch = this.peek();
    if (ch === undefined) return "the end of the file";
    if (ch === "\n" || (ch === "\r" && this.peek(1) === "\n")) return "the end of the line";
    if (ch < " ")
      return `the control character U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    return `"${String.fromCodePoint(ch.codePointAt(0) ?? 0)}"`;
  }

  protected fail(expected: string, found = this.describeHere(), note?: string): never {
    const { line, column } = lineAndColumn(this.text, this.pos);
    throw new ConfigurationError(
      `File "${this.file}" is not valid HCL at line ${line}, column ${column}: expected ${expected} but found ${found}${note ? ` (${note})` : ""}; fix the file and run again.`,
    );
  }

  protected outsideSubset(what: string, offset: number): never {
    const { line, column } = lineAndColumn(this.text, offset);
    throw new ConfigurationError(
      `File "${this.file}" has ${what} at line ${line}, column ${column}, which is outside ${SUBSET}; write a literal value there, or keep the variable in a file Greenlight does not edit.`,
    );
  }
}
