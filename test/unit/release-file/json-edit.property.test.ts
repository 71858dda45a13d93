/**
 * Properties of the JSON editor over random documents printed in random styles: an edit
 * touches only the bytes of the edited value (or the inserted member), the result parses to
 * the intended document, and repeating the edit changes nothing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JsonValue, PathSegment } from "../../../src/release-file/document.js";
import type { JsonObject } from "../../helpers/json-values.js";
import { allPaths, jsonValue, valueAt, withValue } from "../../helpers/json-values.js";
import { parseJsonDocument } from "../../../src/release-file/json-document.js";

interface Style {
  indent: string;
  eol: string;
  colon: string;
  comma: string;
  /** Containers nested at least this deep are printed on one line. */
  inlineDepth: number;
  trailingNewline: boolean;
  bom: boolean;
}

interface Printed {
  text: string;
  /** Where each value was printed, by JSON.stringify(path). */
  spans: Map<string, { start: number; end: number }>;
}

function print(root: JsonObject, style: Style): Printed {
  let out = style.bom ? "\uFEFF" : "";
  const spans = new Map<string, { start: number; end: number }>();
  const walk = (value: JsonValue, path: PathSegment[], depth: number) => {
    const start = out.length;
    if (value === null || typeof value !== "object") {
      out += JSON.stringify(value);
    } else {
      const entries: [PathSegment, JsonValue][] = Array.isArray(value)
        ? value.map((item, i) => [i, item])
        : Object.entries(value);
      const multiline = style.indent !== "" && depth < style.inlineDepth && entries.length > 0;
      out += Array.isArray(value) ? "[" : "{";
      entries.forEach(([key, item], i) => {
        if (i > 0) out += multiline ? "," : style.comma;
        if (multiline) out += style.eol + style.indent.repeat(depth + 1);
        if (typeof key === "string") out += JSON.stringify(key) + style.colon;
        walk(item, [...path, key], depth + 1);
      });
      if (multiline) out += style.eol + style.indent.repeat(depth);
      out += Array.isArray(value) ? "]" : "}";
    }
    spans.set(JSON.stringify(path), { start, end: out.length });
  };
  walk(root, [], 0);
  if (style.trailingNewline) out += style.eol;
  return { text: out, spans };
}

const key = fc
  .oneof(
    fc.string({ maxLength: 6 }),
    fc.string({ maxLength: 4, unit: "binary" }),
    fc.constantFrom("a", "name", "é", "日本", "a b", 'q"uote', "back\\slash", "", "0"),
  )
  .filter((k) => k !== "__proto__");

const scalar: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.integer(),
  fc
    .double({ noNaN: true, noDefaultInfinity: true })
    .map((d) => (Object.is(d, -0) ? 0 : d))
    // Integers beyond 2^53 are refused (they would be rounded), so documents hold none.
    .filter((d) => !Number.isInteger(d) || Number.isSafeInteger(d)),
  fc.string({ maxLength: 8, unit: "binary" }),
  fc.boolean(),
  fc.constant(null),
);

const json = jsonValue(scalar, key);

const document = fc.dictionary(key, json, { maxKeys: 6, noNullPrototype: true });

const style: fc.Arbitrary<Style> = fc.record({
  indent: fc.constantFrom("", "  ", "    ", "\t"),
  eol: fc.constantFrom("\n", "\r\n"),
  colon: fc.constantFrom(":", ": ", " : "),
  comma: fc.constantFrom(",", ", "),
  inlineDepth: fc.integer({ min: 1, max: 4 }),
  trailingNewline: fc.boolean(),
  bom: fc.boolean(),
});

const withoutBom = (text: string) => text.replace(/^\uFEFF/, "");

/** New line breaks follow the file's; a file without any may get either. */
function expectLineEndings(before: string, text: string, eol: string) {
  if (!before.includes("\n")) return;
  if (eol === "\r\n") expect(text).not.toMatch(/(?<!\r)\n/);
  else expect(text).not.toContain("\r");
}

const RUNS = { numRuns: 1000 };

describe("JSON edits (property)", () => {
  it("replacing an existing value changes only its bytes, yields the intended document and is idempotent", () => {
    fc.assert(
      fc.property(document, style, fc.nat(), json, (root, s, pick, value) => {
        const paths = allPaths(root);
        fc.pre(paths.length > 0);
        const path = paths[pick % paths.length]!;
        const { text, spans } = print(root, s);
        const span = spans.get(JSON.stringify(path))!;

        const after = parseJsonDocument(text, "p.json").set(path, value);

        const replacement = after.text.slice(
          span.start,
          after.text.length - (text.length - span.end),
        );
        expect(after.text).toBe(text.slice(0, span.start) + replacement + text.slice(span.end));
        expect(JSON.parse(replacement)).toEqual(value);
        const intended = withValue(root, path, value);
        expect(JSON.parse(withoutBom(after.text))).toEqual(intended);
        expect(after.data).toEqual(intended);
        expectLineEndings(text, after.text, s.eol);
        expect(after.set(path, value).text).toBe(after.text);
      }),
      RUNS,
    );
  });

  it("creating a key inserts only the new member, yields the intended document and is idempotent", () => {
    fc.assert(
      fc.property(document, style, fc.nat(), key, json, (root, s, pick, newKey, value) => {
        const objects = [[], ...allPaths(root)].filter((p) => {
          const node = valueAt(root, p);
          return node !== null && typeof node === "object" && !Array.isArray(node);
        });
        const parentPath = objects[pick % objects.length]!;
        const parent = valueAt(root, parentPath) as JsonObject;
        let name = newKey;
        while (Object.hasOwn(parent, name)) name += "_";
        const path = [...parentPath, name];
        const { text, spans } = print(root, s);
        const parentSpan = spans.get(JSON.stringify(parentPath))!;
        const keys = Object.keys(parent);
        const lastKey = keys[keys.length - 1];
        const [cutStart, cutEnd] =
          lastKey === undefined
            ? [parentSpan.start + 1, parentSpan.end - 1]
            : [
                spans.get(JSON.stringify([...parentPath, lastKey]))!.end,
                spans.get(JSON.stringify([...parentPath, lastKey]))!.end,
              ];

        const after = parseJsonDocument(text, "p.json").set(path, value, { create: true });

        const inserted = after.text.slice(cutStart, after.text.length - (text.length - cutEnd));
        expect(after.text).toBe(text.slice(0, cutStart) + inserted + text.slice(cutEnd));
        const member = lastKey === undefined ? inserted : inserted.replace(/^\s*,/, "");
        expect(JSON.parse(`{${member}}`)).toEqual({ [name]: value });
        const intended = withValue(root, path, value);
        expect(JSON.parse(withoutBom(after.text))).toEqual(intended);
        expectLineEndings(text, after.text, s.eol);
        expect(after.set(path, value, { create: true }).text).toBe(after.text);
      }),
      RUNS,
    );
  });
});
