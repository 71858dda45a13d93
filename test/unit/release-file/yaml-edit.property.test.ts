/**
 * Properties of the YAML editor over random documents printed in random styles (block and
 * flow collections, plain and quoted strings, 2- and 4-space indentation, CRLF, comments,
 * document markers, several documents): an edit of a scalar touches only that scalar's
 * bytes, the result reads (in yaml and js-yaml) as the intended document, and repeating the
 * edit changes nothing.
 */
import fc from "fast-check";
import { loadAll } from "js-yaml";
import type { Node } from "yaml";
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../../../src/core/errors.js";
import type { JsonValue, PathSegment } from "../../../src/release-file/document.js";
import { parseYamlDocument } from "../../../src/release-file/yaml-document.js";
import type { JsonObject } from "../../helpers/json-values.js";
import { jsonValue } from "../../helpers/json-values.js";

const key = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 6 }),
    fc.constantFrom("image", "tag", "a b", "on", "1.10", "é", "x:y", "- z", "#k"),
  )
  .filter((k) => k !== "__proto__" && k !== "<<" && k.trim() !== "" && !/[\r\n]/.test(k));

const scalar: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => (Object.is(d, -0) ? 0 : d)),
  fc.string({ maxLength: 8 }),
  fc.constantFrom("1.10", "yes", "on", "No", "y", "null", "~", "", " lead", "a: b", "#x", "0777"),
  fc.constantFrom("ghcr.io/acme/api:1.4.0", "ghcr.io/acme/api@sha256:" + "a".repeat(64)),
  fc.boolean(),
  fc.constant(null),
);

const object = fc.dictionary(key, jsonValue(scalar, key), {
  minKeys: 1,
  maxKeys: 5,
  noNullPrototype: true,
}) as fc.Arbitrary<JsonObject>;

interface Style {
  indent: 2 | 4;
  stringType: "PLAIN" | "QUOTE_DOUBLE" | "QUOTE_SINGLE";
  collectionStyle: "any" | "block" | "flow";
  crlf: boolean;
  comment: boolean;
  marker: boolean;
}

const style: fc.Arbitrary<Style> = fc.record({
  indent: fc.constantFrom(2 as const, 4 as const),
  stringType: fc.constantFrom("PLAIN" as const, "QUOTE_DOUBLE" as const, "QUOTE_SINGLE" as const),
  collectionStyle: fc.constantFrom("any" as const, "block" as const, "flow" as const),
  crlf: fc.boolean(),
  comment: fc.boolean(),
  marker: fc.boolean(),
});

function print(docs: JsonObject[], s: Style): string {
  const options = {
    indent: s.indent,
    defaultStringType: s.stringType,
    defaultKeyType: "PLAIN" as const,
    collectionStyle: s.collectionStyle,
    lineWidth: 0,
  };
  const bodies = docs.map((doc) => stringify(doc, options));
  let text =
    bodies.length === 1 && !s.marker ? bodies[0]! : bodies.map((b) => `---\n${b}`).join("");
  if (s.comment) text = `# release file\n${text}`;
  return s.crlf ? text.replace(/\n/g, "\r\n") : text;
}

interface Leaf {
  path: PathSegment[];
  start: number;
  end: number;
}

/** Every mapping in the text, with its path and whether it has a key of its own. */
function mappings(text: string): { path: PathSegment[]; keys: string[] }[] {
  const docs = parseAllDocuments(text).filter((d) => d.contents !== null);
  const found: { path: PathSegment[]; keys: string[] }[] = [];
  const walk = (node: Node | null, path: PathSegment[]) => {
    if (isMap(node)) {
      const keys = node.items.flatMap((p) => (isScalar(p.key) ? [String(p.key.value)] : []));
      found.push({ path, keys });
      for (const pair of node.items) {
        if (isPair(pair) && isScalar(pair.key)) {
          walk(pair.value as Node | null, [...path, String(pair.key.value)]);
        }
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item as Node, [...path, i]));
  };
  docs.forEach((doc, i) => walk(doc.contents as Node, docs.length > 1 ? [i] : []));
  return found;
}

/** Every scalar value (not key) in the text, with its path and source range. */
function scalarLeaves(text: string): Leaf[] {
  const docs = parseAllDocuments(text).filter((d) => d.contents !== null);
  const leaves: Leaf[] = [];
  const walk = (node: Node | null, path: PathSegment[]) => {
    if (isScalar(node)) leaves.push({ path, start: node.range![0], end: node.range![1] });
    else if (isMap(node)) {
      for (const pair of node.items) {
        if (isPair(pair) && isScalar(pair.key)) {
          walk(pair.value as Node | null, [...path, String(pair.key.value)]);
        }
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item as Node, [...path, i]));
  };
  docs.forEach((doc, i) => walk(doc.contents as Node, docs.length > 1 ? [i] : []));
  return leaves;
}

function withValue(root: JsonValue, path: PathSegment[], value: JsonValue): JsonValue {
  const copy = structuredClone(root);
  if (path.length === 0) return value;
  let node = copy as Record<string | number, JsonValue>;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string, JsonValue>;
  node[path[path.length - 1]!] = value;
  return copy;
}

const RUNS = { numRuns: 300 };

describe("YAML edits (property)", () => {
  it("replacing a scalar changes only its bytes, reads as intended in both parsers and is idempotent", () => {
    fc.assert(
      fc.property(
        fc.array(object, { minLength: 1, maxLength: 3 }),
        style,
        fc.nat(),
        scalar,
        (docs, s, pick, value) => {
          const text = print(docs, s);
          const leaves = scalarLeaves(text);
          fc.pre(leaves.length > 0);
          const leaf = leaves[pick % leaves.length]!;
          const doc = parseYamlDocument(text, "values.yaml");

          const after = doc.set(leaf.path, value);

          const tail = text.length - leaf.end;
          expect(after.text.slice(0, leaf.start)).toBe(text.slice(0, leaf.start));
          expect(after.text.slice(after.text.length - tail)).toBe(text.slice(leaf.end));
          const intended = withValue(doc.data, leaf.path, value);
          expect(after.data).toEqual(intended);
          const both = loadAll(after.text).filter((d) => d !== null && d !== undefined);
          expect(both.length === 1 ? both[0] : both).toEqual(intended);
          expect(after.set(leaf.path, value).text).toBe(after.text);
        },
      ),
      RUNS,
    );
  });

  it("creating a key inserts one line or member and nothing else, reads as intended and is idempotent", () => {
    fc.assert(
      fc.property(
        fc.array(object, { minLength: 1, maxLength: 3 }),
        style,
        fc.nat(),
        key,
        scalar,
        (docs, s, pick, newKey, value) => {
          const text = print(docs, s);
          const candidates = mappings(text);
          const target = candidates[pick % candidates.length]!;
          let name = newKey;
          while (target.keys.includes(name)) name += "_";
          const path = [...target.path, name];
          const doc = parseYamlDocument(text, "values.yaml");

          let after;
          try {
            after = doc.set(path, value, { create: true });
          } catch (error) {
            // A mapping that starts on a line with other content (`- a: 1`) is refused, whole.
            expect(error).toBeInstanceOf(ConfigurationError);
            expect((error as Error).message).toContain("add the key by hand once");
            return;
          }

          const grown = after.text.length - text.length;
          expect(grown).toBeGreaterThan(0);
          let at = 0;
          while (at < text.length && text[at] === after.text[at]) at++;
          // One contiguous insertion: what follows it is the rest of the original text.
          const rest = after.text.slice(at + grown);
          const ok =
            rest === text.slice(at) ||
            after.text.slice(0, at - 1) + after.text.slice(at - 1 + grown) === text;
          expect(ok).toBe(true);
          expect(after.data).toEqual(withValue(doc.data, path, value));
          expect(after.set(path, value, { create: true }).text).toBe(after.text);
          if (s.crlf) expect(after.text).not.toMatch(/(?<!\r)\n/);
        },
      ),
      RUNS,
    );
  });
});
