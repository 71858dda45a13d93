import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../../../src/core/errors.js";
import type { JsonValue, PathSegment } from "../../../src/release-file/document.js";
import { parseJsonDocument } from "../../../src/release-file/json-document.js";
import { readFixture, replaceOnce } from "../../helpers/tfvars-fixtures.js";

const FIXTURES = [
  "flat-2space.auto.tfvars.json",
  "nested-4space.auto.tfvars.json",
  "tabs.auto.tfvars.json",
  "crlf.auto.tfvars.json",
  "unicode.auto.tfvars.json",
];

function edit(name: string, path: PathSegment[], value: JsonValue, create = false): string {
  return parseJsonDocument(readFixture(name), name).set(path, value, { create }).text;
}

function parseError(text: string, file = "release.auto.tfvars.json"): string {
  try {
    parseJsonDocument(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

describe("parseJsonDocument", () => {
  it.each(FIXTURES)("reads %s to the same value as JSON.parse", (name) => {
    const text = readFixture(name);
    const doc = parseJsonDocument(text, name);
    expect(doc.format).toBe("json");
    expect(doc.file).toBe(name);
    expect(doc.text).toBe(text);
    expect(doc.data).toEqual(JSON.parse(text));
  });

  it("decodes escapes in keys and values", () => {
    const doc = parseJsonDocument(readFixture("unicode.auto.tfvars.json"), "u.json");
    expect(doc.data).toMatchObject({
      api_blue_image: "registry.example.com/café/api:1.0.0",
      greeting: "こんにちは",
      notes: { emoji: "🚀 launch", path: "C:\\deploys/api" },
    });
  });

  it("keeps a key named __proto__ as an ordinary key", () => {
    const doc = parseJsonDocument('{"__proto__": {"x": 1}}', "p.json");
    expect(Object.keys(doc.data as object)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(doc.data)).toBe(Object.prototype);
  });

  it("explains where the JSON is broken and what was expected", () => {
    expect(parseError('{ "a": 1, }')).toBe(
      'File "release.auto.tfvars.json" is not valid JSON at line 1, column 11: expected a key in double quotes but found "}" (JSON allows no trailing comma); fix the file and run again.',
    );
    expect(parseError('{\n  "a": [1,\n  ]\n}')).toBe(
      'File "release.auto.tfvars.json" is not valid JSON at line 3, column 3: expected a value but found "]" (JSON allows no trailing comma); fix the file and run again.',
    );
    expect(parseError('{ "a": NaN }')).toContain(
      'line 1, column 8: expected a value but found "NaN"',
    );
    expect(parseError('{ "a": "x }')).toContain(
      "expected a closing double quote but found the end of the file",
    );
    expect(parseError('{ "a": "x\n" }')).toContain(
      "expected a closing double quote but found the end of the line",
    );
    expect(parseError('{ "a": 1')).toContain('expected "," or "}" but found the end of the file');
    expect(parseError('{ "a": 1 } x')).toContain('expected the end of the document but found "x"');
    expect(parseError('{ "a": 1 }\n{}')).toContain(
      "line 2, column 1: expected the end of the document",
    );
    expect(parseError('{ // c\n "a": 1 }')).toContain('found "/" (JSON allows no comments)');
    expect(parseError("{ 'a': 1 }")).toContain(`found "'" (JSON strings take double quotes)`);
    expect(parseError('{ "a": 01 }')).toContain('expected a JSON number but found "01"');
    expect(parseError('{ "a": .5 }')).toContain('expected a value but found ".5"');
    expect(parseError('{ "a": -Infinity }')).toContain(
      'expected a JSON number but found "-Infinity"',
    );
    expect(parseError('{ "a": "\\x" }')).toContain(
      'expected an escape such as \\n or \\u00e9 but found "\\x"',
    );
    expect(parseError('{ "a": "\\u12" }')).toContain("expected an escape");
    expect(parseError('{ "a" 1 }')).toContain('expected ":" after the key but found "1"');
    expect(parseError('{ "a": tru }')).toContain('expected a value but found "tru"');
  });

  it("counts columns after a byte-order mark from the first visible character", () => {
    expect(parseError('\uFEFF{ "a": }')).toContain("line 1, column 8:");
  });

  it("rejects an empty file, naming it", () => {
    expect(parseError("")).toBe(
      'File "release.auto.tfvars.json" is empty; a Terraform variable file in JSON holds an object such as {"replicas": 2}.',
    );
    expect(parseError(" \n\t\r\n")).toContain("is empty");
  });

  it("rejects duplicate keys, naming the key", () => {
    expect(parseError('{ "a": 1, "b": { "c": 1, "c": 2 } }')).toBe(
      'File "release.auto.tfvars.json" has the key "c" twice in one object (again at line 1, column 26); Terraform would read only one of them, so remove the other.',
    );
    expect(parseError('{ "a\\"b": 1, "a\\u0022b": 2 }')).toContain('the key "a\\"b" twice');
  });

  it("rejects a top level that is not an object", () => {
    expect(parseError("[1, 2]")).toBe(
      'File "release.auto.tfvars.json" holds an array at the top level, but a Terraform variable file in JSON holds an object of variables such as {"replicas": 2}.',
    );
    expect(parseError('"x"')).toContain("holds a string at the top level");
  });

  it("rejects control characters in strings and deep nesting without crashing", () => {
    expect(parseError('{ "a": "x\ty" }')).toContain("control character U+0009");
    expect(parseError(`{"a": ${"[".repeat(10_000)}`)).toContain(
      "expected at most 256 levels of nesting",
    );
  });
});

describe("set on existing values", () => {
  const FLAT = "flat-2space.auto.tfvars.json";

  it("changes only the bytes of the value", () => {
    const text = readFixture(FLAT);
    const image = "registry.example.com/shop/api@sha256:" + "3".repeat(64);
    expect(edit(FLAT, ["api_green_image"], image)).toBe(
      replaceOnce(
        text,
        `"api_green_image": "registry.example.com/shop/api@sha256:${"2".repeat(64)}"`,
        `"api_green_image": "${image}"`,
      ),
    );
    expect(edit(FLAT, ["api_green_weight"], 10)).toBe(
      replaceOnce(text, '"api_green_weight": 0,', '"api_green_weight": 10,'),
    );
    expect(edit(FLAT, ["tags", "cost-center"], "cc-2000")).toBe(
      replaceOnce(text, '"cc-1042"', '"cc-2000"'),
    );
    expect(edit(FLAT, ["subnets", 1], "subnet-9z")).toBe(
      replaceOnce(text, '"subnet-3d4e5f"', '"subnet-9z"'),
    );
    expect(edit(FLAT, ["maintenance_window"], "sun:03:00")).toBe(
      replaceOnce(text, "null", '"sun:03:00"'),
    );
    expect(edit(FLAT, ["enable_autoscaling"], false)).toBe(
      replaceOnce(text, "true\n}", "false\n}"),
    );
  });

  it("returns the same text when the value is equal, however it is spelled", () => {
    const text = readFixture(FLAT);
    const doc = parseJsonDocument(text, FLAT);
    expect(doc.set(["health_check_interval"], 30)).toBe(doc);
    expect(doc.set(["tags"], { "cost-center": "cc-1042", team: "payments" })).toBe(doc);
    const unicode = parseJsonDocument(readFixture("unicode.auto.tfvars.json"), "u.json");
    expect(unicode.set(["api_blue_image"], "registry.example.com/café/api:1.0.0")).toBe(unicode);
  });

  it("is idempotent", () => {
    const once = parseJsonDocument(readFixture(FLAT), FLAT).set(["api_green_weight"], 25);
    expect(once.set(["api_green_weight"], 25).text).toBe(once.text);
  });

  it("does not change the document it was called on", () => {
    const doc = parseJsonDocument(readFixture(FLAT), FLAT);
    doc.set(["api_green_weight"], 25);
    expect(doc.text).toBe(readFixture(FLAT));
    expect((doc.data as Record<string, JsonValue>).api_green_weight).toBe(0);
  });

  it("writes a new object pretty-printed at the value's depth in 2-space files", () => {
    expect(edit(FLAT, ["tags"], { team: "checkout", owners: ["ana", "bo"] })).toBe(
      replaceOnce(
        readFixture(FLAT),
        '{\n    "team": "payments",\n    "cost-center": "cc-1042"\n  }',
        '{\n    "team": "checkout",\n    "owners": [\n      "ana",\n      "bo"\n    ]\n  }',
      ),
    );
  });

  it("writes a new array item object at the item's indentation in 4-space files", () => {
    const name = "nested-4space.auto.tfvars.json";
    expect(edit(name, ["alarms", 1], { name: "webhooks-p99", threshold: 300 })).toBe(
      replaceOnce(
        readFixture(name),
        '{\n            "name": "webhooks-latency",\n            "threshold": 250\n        }',
        '{\n            "name": "webhooks-p99",\n            "threshold": 300\n        }',
      ),
    );
  });

  it("edits deep values of the nested layout", () => {
    const name = "nested-4space.auto.tfvars.json";
    expect(edit(name, ["services", "webhooks", "weight", "green"], 10)).toBe(
      replaceOnce(
        readFixture(name),
        '"blue": 100,\n                "green": 0',
        '"blue": 100,\n                "green": 10',
      ),
    );
  });

  it("indents new objects with tabs in tab-indented files", () => {
    const name = "tabs.auto.tfvars.json";
    expect(edit(name, ["tags"], { team: "x", limits: { cpu: 1 } })).toBe(
      replaceOnce(
        readFixture(name),
        '{\n\t\t"team": "payments",\n\t\t"cost-center": "cc-1042"\n\t}',
        '{\n\t\t"team": "x",\n\t\t"limits": {\n\t\t\t"cpu": 1\n\t\t}\n\t}',
      ),
    );
  });

  it("keeps CRLF line endings, also inside new objects", () => {
    const name = "crlf.auto.tfvars.json";
    const text = readFixture(name);
    expect(edit(name, ["api_green_image"], "registry.example.com/shop/api:3.2.0")).toBe(
      replaceOnce(
        text,
        '"api_green_image": "registry.example.com/shop/api:3.1.0"',
        '"api_green_image": "registry.example.com/shop/api:3.2.0"',
      ),
    );
    expect(edit(name, ["tags"], { team: "x", env: "prod" })).toBe(
      replaceOnce(
        text,
        '{\r\n    "team": "payments"\r\n  }',
        '{\r\n    "team": "x",\r\n    "env": "prod"\r\n  }',
      ),
    );
  });

  it("keeps other escapes, unicode and the missing trailing newline", () => {
    const name = "unicode.auto.tfvars.json";
    const text = readFixture(name);
    expect(edit(name, ["display_name"], "Genève – Crème")).toBe(
      replaceOnce(text, '"Zürich – Café ☕"', '"Genève – Crème"'),
    );
    expect(edit(name, ["owners", 2], "山田")).toBe(replaceOnce(text, '"渡辺"', '"山田"'));
    expect(edit(name, ["notes", "path"], 'D:\\x"y')).toBe(
      replaceOnce(text, '"C:\\\\deploys\\/api"', '"D:\\\\x\\"y"'),
    );
  });

  it("writes new objects on one line where their surroundings are on one line", () => {
    const doc = parseJsonDocument('{"a": {"b": 1, "c": 2}}\n', "c.json");
    expect(doc.set(["a", "b"], { x: [1, 2] }).text).toBe('{"a": {"b": {"x": [1, 2]}, "c": 2}}\n');
    const tight = parseJsonDocument('{"a":{"b":1}}', "t.json");
    expect(tight.set(["a", "b"], { x: [1, 2] }).text).toBe('{"a":{"b":{"x":[1,2]}}}');
  });

  it("keeps a byte-order mark", () => {
    const doc = parseJsonDocument('\uFEFF{\n  "a": 1\n}\n', "b.json");
    expect(doc.set(["a"], 2).text).toBe('\uFEFF{\n  "a": 2\n}\n');
    expect(doc.set(["b"], 2, { create: true }).text).toBe('\uFEFF{\n  "a": 1,\n  "b": 2\n}\n');
  });

  it("rejects a non-object top level and numbers JSON cannot hold", () => {
    const doc = parseJsonDocument('{"a": 1}', "r.json");
    expect(() => doc.set([], [1])).toThrow(
      'File "r.json" must hold an object at the top level, so $ cannot become an array.',
    );
    expect(() => doc.set(["a"], Number.NaN)).toThrow(
      'File "r.json" cannot hold the number NaN; JSON numbers are finite.',
    );
  });
});

describe("set with create", () => {
  const create = (text: string, path: PathSegment[], value: JsonValue) =>
    parseJsonDocument(text, "c.json").set(path, value, { create: true }).text;

  it("appends a member to a multi-line object, copying its indentation", () => {
    const name = "flat-2space.auto.tfvars.json";
    expect(edit(name, ["api_blue_weight_floor"], 10, true)).toBe(
      replaceOnce(
        readFixture(name),
        '"enable_autoscaling": true\n}',
        '"enable_autoscaling": true,\n  "api_blue_weight_floor": 10\n}',
      ),
    );
    expect(edit(name, ["tags", "owner"], "ana", true)).toBe(
      replaceOnce(readFixture(name), '"cc-1042"\n', '"cc-1042",\n    "owner": "ana"\n'),
    );
  });

  it("pretty-prints a created object at the new member's depth", () => {
    const name = "nested-4space.auto.tfvars.json";
    expect(edit(name, ["services", "worker", "scaling"], { min: 1, max: [3] }, true)).toBe(
      replaceOnce(
        readFixture(name),
        '"env": {}\n',
        '"env": {},\n            "scaling": {\n                "min": 1,\n                "max": [\n                    3\n                ]\n            }\n',
      ),
    );
  });

  it("opens an empty object in a pretty-printed file onto its own lines", () => {
    const name = "nested-4space.auto.tfvars.json";
    expect(edit(name, ["services", "worker", "env", "LOG_LEVEL"], "debug", true)).toBe(
      replaceOnce(
        readFixture(name),
        '"env": {}',
        '"env": {\n                "LOG_LEVEL": "debug"\n            }',
      ),
    );
  });

  it("uses the file's line ending and spacing for the new member", () => {
    const crlf = "crlf.auto.tfvars.json";
    expect(edit(crlf, ["tags", "env"], "prod", true)).toBe(
      replaceOnce(readFixture(crlf), '"payments"\r\n', '"payments",\r\n    "env": "prod"\r\n'),
    );
    const unicode = "unicode.auto.tfvars.json";
    expect(edit(unicode, ["région"], "eu-ouest-3", true)).toBe(
      readFixture(unicode).replace(/\n}$/, ',\n    "région":"eu-ouest-3"\n}'),
    );
    expect(edit(unicode, ["notes", "more"], { a: 1 }, true)).toBe(
      replaceOnce(readFixture(unicode), '\\/api"}', '\\/api","more":{"a":1}}'),
    );
  });

  it("handles empty and single-line objects", () => {
    expect(create("{}", ["a"], 1)).toBe('{\n  "a": 1\n}');
    expect(create("{ }\n", ["a"], { b: 1 })).toBe('{\n  "a": {\n    "b": 1\n  }\n}\n');
    expect(create('{"x": {}}', ["x", "a"], 1)).toBe('{"x": {"a": 1}}');
    expect(create('{"x": { }}', ["x", "a"], 1)).toBe('{"x": { "a": 1 }}');
    expect(create('{ "a": 1 }', ["b"], 2)).toBe('{ "a": 1, "b": 2 }');
    expect(create('{"a":1}', ["b"], [1, 2])).toBe('{"a":1,"b":[1,2]}');
    expect(create('{"a" : 1 ,  "b" : 2}', ["c"], 3)).toBe('{"a" : 1 ,  "b" : 2 ,  "c" : 3}');
    expect(create('{\r\n\t"a": 1\r\n}\r\n', ["b"], { c: true })).toBe(
      '{\r\n\t"a": 1,\r\n\t"b": {\r\n\t\t"c": true\r\n\t}\r\n}\r\n',
    );
  });

  it("creates keys with characters that need escaping", () => {
    expect(create('{"a": 1}', ['we"ird\\key'], "v")).toBe('{"a": 1, "we\\"ird\\\\key": "v"}');
  });

  it("does not create without being asked, under arrays, or below missing parents", () => {
    const doc = parseJsonDocument('{"tags": {"a": 1}, "list": [1]}', "r.json");
    expect(() => doc.set(["tags", "owner"], "x")).toThrow(
      new ConfigurationError(
        'File "r.json" has no value at $.tags.owner; check the path, or pass create to add the key.',
      ),
    );
    expect(() => doc.set(["list", 1], 2, { create: true })).toThrow(
      new ConfigurationError(
        'File "r.json" has no value at $.list[1], and only object keys can be created, but $.list is an array.',
      ),
    );
    expect(() => doc.set(["tags", "a", "b"], 2, { create: true })).toThrow(
      new ConfigurationError(
        'File "r.json" has no value at $.tags.a.b, and only object keys can be created, but $.tags.a is a number.',
      ),
    );
    expect(() => doc.set(["nope", "b"], 2, { create: true })).toThrow(
      new ConfigurationError(
        'File "r.json" has no value at $.nope, so $.nope.b cannot be set there; check the path.',
      ),
    );
  });
});
