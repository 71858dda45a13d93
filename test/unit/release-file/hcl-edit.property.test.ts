/**
 * Properties of the HCL editor over random variable files printed in random styles (indent,
 * line endings, `=` or `:`, commas, comments, one-line or multi-line containers): an edit
 * touches only the bytes of the edited value (or inserts the new member inside its parent),
 * the result parses to the intended document, and repeating the edit changes nothing. A
 * smaller run checks the same edits with HashiCorp's own parser.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JsonValue, PathSegment } from "../../../src/release-file/document.js";
import type { JsonObject } from "../../helpers/json-values.js";
import { allPaths, jsonValue, valueAt, withValue } from "../../helpers/json-values.js";
import { parseHclDocument } from "../../../src/release-file/hcl-document.js";
import { verifyHclEdit } from "../../../src/release-file/hcl-verify.js";

interface Style {
  indent: string;
  eol: string;
  equals: string;
  /** What separates an object member's key from its value: `=` or `:`. */
  memberSeparator: string;
  comma: string;
  /** Whether members and items of multi-line containers end with a comma. */
  trailingCommas: boolean;
  comments: boolean;
  /** Containers nested at least this deep are printed on one line. */
  inlineDepth: number;
  trailingNewline: boolean;
}

interface Printed {
  text: string;
  /** Where each value was printed, by JSON.stringify(path). */
  spans: Map<string, { start: number; end: number }>;
}

const KEYWORDS = new Set(["true", "false", "null", "for", "in", "if"]);

/** An HCL quoted string, written independently of the editor's renderer. */
function quote(value: string): string {
  return JSON.stringify(value)
    .replace(/\\(.)/g, (escape, ch: string) =>
      ch === "b" ? "\\u0008" : ch === "f" ? "\\u000c" : escape,
    )
    .replace(/([$%])\{/g, "$1$1{");
}

function printKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) && !KEYWORDS.has(key) ? key : quote(key);
}

function print(root: JsonObject, style: Style): Printed {
  let out = "";
  const spans = new Map<string, { start: number; end: number }>();
  const comment = (text: string) => (style.comments ? text : "");
  const walk = (value: JsonValue, path: PathSegment[], depth: number) => {
    const start = out.length;
    if (value === null || typeof value !== "object") {
      out += typeof value === "string" ? quote(value) : String(value);
    } else {
      const isArray = Array.isArray(value);
      const entries: [PathSegment, JsonValue][] = isArray
        ? value.map((item, i) => [i, item])
        : Object.entries(value);
      const multiline = depth < style.inlineDepth && entries.length > 0;
      out += isArray ? "[" : "{";
      if (!multiline && !isArray && entries.length > 0) out += " ";
      entries.forEach(([key, item], i) => {
        const last = i === entries.length - 1;
        if (multiline) out += style.eol + style.indent.repeat(depth + 1);
        else if (i > 0) out += style.comma;
        if (typeof key === "string") out += printKey(key) + ` ${style.memberSeparator} `;
        walk(item, [...path, key], depth + 1);
        if (multiline && (style.trailingCommas || (isArray && !last))) out += ",";
        if (multiline && !isArray) out += comment(" # note");
      });
      if (multiline) out += style.eol + style.indent.repeat(depth);
      else if (!isArray && entries.length > 0) out += " ";
      out += isArray ? "]" : "}";
    }
    spans.set(JSON.stringify(path), { start, end: out.length });
  };
  const names = Object.keys(root);
  names.forEach((name, i) => {
    out += comment(`# about ${name}${style.eol}`);
    out += name + style.equals;
    walk(root[name]!, [name], 0);
    out += comment(" // trailing");
    if (i < names.length - 1 || style.trailingNewline) out += style.eol;
  });
  return { text: out, spans };
}

const isNfc = (s: string) => s === s.normalize("NFC");

const name = fc.stringMatching(/^[a-z_][a-z0-9_-]{0,6}$/).filter((k) => !KEYWORDS.has(k));

const key = fc
  .oneof(
    name,
    fc.string({ maxLength: 4, unit: "binary" }),
    fc.constantFrom("a", "é", "日本", "a b", 'q"uote', "back\\slash", "", "0", "${x}", "null"),
  )
  .filter((k) => k !== "__proto__" && isNfc(k));

const scalar: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.integer(),
  fc
    .double({ noNaN: true, noDefaultInfinity: true })
    .map((d) => (Object.is(d, -0) ? 0 : d))
    // Integers beyond 2^53 are refused (they would be rounded), so documents hold none.
    .filter((d) => !Number.isInteger(d) || Number.isSafeInteger(d)),
  fc.string({ maxLength: 8, unit: "binary" }).filter(isNfc),
  fc.constantFrom("${var.x}", "%{ if x }", "$${", "a\tb", "\r\n", "\u0008\u000c"),
  fc.boolean(),
  fc.constant(null),
);

const json = jsonValue(scalar, key);

const document = fc.dictionary(name, json, { maxKeys: 6, noNullPrototype: true });

const style: fc.Arbitrary<Style> = fc.record({
  indent: fc.constantFrom("  ", "    ", "\t"),
  eol: fc.constantFrom("\n", "\r\n"),
  equals: fc.constantFrom(" = ", "=", "   = "),
  memberSeparator: fc.constantFrom("=", ":"),
  comma: fc.constantFrom(", ", ","),
  trailingCommas: fc.boolean(),
  comments: fc.boolean(),
  inlineDepth: fc.integer({ min: 0, max: 3 }),
  trailingNewline: fc.boolean(),
});

/** New line breaks follow the file's; a file without any may get either. */
function expectLineEndings(before: string, text: string, eol: string) {
  if (!before.includes("\n")) return;
  if (eol === "\r\n") expect(text).not.toMatch(/(?<!\r)\n/);
  else expect(text).not.toContain("\r");
}

/** Where `after` differs from `before` when it is `before` with one run of text inserted. */
function insertionPoint(before: string, after: string): number {
  let prefix = 0;
  while (prefix < before.length && before[prefix] === after[prefix]) prefix++;
  expect(after.slice(after.length - (before.length - prefix))).toBe(before.slice(prefix));
  return prefix;
}

interface Replacement {
  text: string;
  path: PathSegment[];
  value: JsonValue;
  span: { start: number; end: number };
  intended: JsonObject;
}

const replacement = fc
  .tuple(document, style, fc.nat(), json)
  .filter(([root]) => allPaths(root).length > 0)
  .map(([root, s, pick, value]): Replacement & { style: Style } => {
    const paths = allPaths(root);
    const path = paths[pick % paths.length]!;
    const { text, spans } = print(root, s);
    const intended = withValue(root, path, value);
    return { text, path, value, span: spans.get(JSON.stringify(path))!, intended, style: s };
  });

interface Creation {
  text: string;
  path: PathSegment[];
  value: JsonValue;
  parentSpan: { start: number; end: number };
  intended: JsonObject;
  style: Style;
}

const creation = fc
  .tuple(document, style, fc.nat(), key, name, json)
  .map(([root, s, pick, newKey, newName, value]): Creation => {
    const objects = [[], ...allPaths(root)].filter((p) => {
      const node = valueAt(root, p);
      return node !== null && typeof node === "object" && !Array.isArray(node);
    });
    const parentPath = objects[pick % objects.length]!;
    const parent = valueAt(root, parentPath) as JsonObject;
    // Top-level variables are identifiers; keys of objects can be anything.
    let created = parentPath.length === 0 ? newName : newKey;
    while (Object.hasOwn(parent, created)) created += "_";
    const path = [...parentPath, created];
    const { text, spans } = print(root, s);
    const parentSpan = spans.get(JSON.stringify(parentPath)) ?? { start: 0, end: text.length };
    return { text, path, value, parentSpan, intended: withValue(root, path, value), style: s };
  });

describe("HCL edits (property)", () => {
  it("replacing an existing value changes only its bytes, yields the intended document and is idempotent", () => {
    fc.assert(
      fc.property(replacement, ({ text, path, value, span, intended, style: s }) => {
        const after = parseHclDocument(text, "p.tfvars").set(path, value);

        const replaced = after.text.slice(span.start, after.text.length - (text.length - span.end));
        expect(after.text).toBe(text.slice(0, span.start) + replaced + text.slice(span.end));
        expect(parseHclDocument(`x = ${replaced}`, "v.tfvars").data).toEqual({ x: value });
        expect(after.data).toEqual(intended);
        expect(parseHclDocument(after.text, "p.tfvars").data).toEqual(intended);
        expectLineEndings(text, after.text, s.eol);
        expect(after.set(path, value).text).toBe(after.text);
      }),
      { numRuns: 1000 },
    );
  });

  it("creating a key inserts only the new member inside its parent, yields the intended document and is idempotent", () => {
    fc.assert(
      fc.property(creation, ({ text, path, value, parentSpan, intended, style: s }) => {
        const after = parseHclDocument(text, "p.tfvars").set(path, value, { create: true });

        const at = insertionPoint(text, after.text);
        expect(at).toBeGreaterThanOrEqual(parentSpan.start);
        expect(at).toBeLessThanOrEqual(parentSpan.end);
        expect(after.data).toEqual(intended);
        expectLineEndings(text, after.text, s.eol);
        expect(after.set(path, value, { create: true }).text).toBe(after.text);
      }),
      { numRuns: 1000 },
    );
  });

  it("HashiCorp's HCL parser reads every file and every edit as the editor does", async () => {
    await fc.assert(
      fc.asyncProperty(replacement, creation, async (r, c) => {
        const replaced = parseHclDocument(r.text, "p.tfvars").set(r.path, r.value);
        await verifyHclEdit(r.text, replaced.text, "p.tfvars", replaced.data);
        const created = parseHclDocument(c.text, "p.tfvars").set(c.path, c.value, {
          create: true,
        });
        await verifyHclEdit(c.text, created.text, "p.tfvars", created.data);
      }),
      { numRuns: 300 },
    );
  });
});
