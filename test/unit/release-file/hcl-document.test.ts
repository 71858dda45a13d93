import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../../../src/core/errors.js";
import type { JsonValue, PathSegment } from "../../../src/release-file/document.js";
import { parseTfvars } from "../../../src/release-file/document.js";
import { parseHclDocument } from "../../../src/release-file/hcl-document.js";
import { verifyHclEdit } from "../../../src/release-file/hcl-verify.js";
import { readFixture, replaceOnce } from "../../helpers/tfvars-fixtures.js";

const FIXTURES = [
  "services.auto.tfvars",
  "nested-4space.auto.tfvars",
  "crlf.auto.tfvars",
  "unicode.auto.tfvars",
];

/** Edits a fixture and checks the result with HashiCorp's parser, as plan-edit does. */
async function verifiedEdit(
  name: string,
  path: PathSegment[],
  value: JsonValue,
  create = false,
): Promise<string> {
  const before = readFixture(name);
  const after = parseHclDocument(before, name).set(path, value, { create });
  await verifyHclEdit(before, after.text, name, after.data);
  return after.text;
}

function parseError(text: string, file = "release.auto.tfvars"): string {
  try {
    parseHclDocument(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

function setError(text: string, path: PathSegment[], value: JsonValue, create = false): string {
  try {
    parseHclDocument(text, "release.auto.tfvars").set(path, value, { create });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error(`expected setting ${JSON.stringify(path)} to be rejected`);
}

describe("parseHclDocument", () => {
  it.each(FIXTURES)("reads %s exactly as HashiCorp's HCL parser does", async (name) => {
    const text = readFixture(name);
    const doc = parseHclDocument(text, name);
    expect(doc.format).toBe("hcl");
    expect(doc.text).toBe(text);
    // With nothing changed, the check is that both parsers read the same values.
    await verifyHclEdit(text, text, name, doc.data);
  });

  it("is what parseTfvars gives for a .tfvars file", () => {
    expect(parseTfvars("a = 1\n", "x.tfvars").format).toBe("hcl");
    expect(parseTfvars("a = 1\n", "x.hcl").data).toEqual({ a: 1 });
  });

  it("reads values, nested objects, quoted keys, colons and commas", () => {
    const doc = parseHclDocument(readFixture("nested-4space.auto.tfvars"), "n.tfvars");
    expect(doc.data).toEqual({
      services: {
        api: {
          image: "registry.example.com/shop/api:1.4.0",
          weight: 100,
          green: {
            image: "registry.example.com/shop/api:1.5.0-rc.1",
            desired_count: 1,
            weight: 0,
          },
        },
        "billing-worker": { image: "registry.example.com/shop/billing:3.2.1", desired_count: 1 },
      },
      allowed_cidrs: ["10.0.0.0/8", "192.168.0.0/16"],
      listener: { port: 443, protocol: "HTTPS" },
    });
  });

  it("decodes escapes, literal $${ and %%{, and unicode", () => {
    const doc = parseHclDocument(readFixture("unicode.auto.tfvars"), "u.tfvars");
    expect(doc.data).toMatchObject({
      greeting: "こんにちは",
      motto: 'Ünïcödé "quoted" and a tab\there',
      notes: {
        emoji: "🚀 launch",
        path: "C:\\deploys\\api",
        template: "literal ${not_interpolated} and %{not_a_directive}",
        escaped: "été 🚀",
        clé: "valeur",
      },
    });
  });

  it("reads strings in Unicode NFC, as HCL does", async () => {
    const text = 'a = "e\u0301"\nb = "\\u0065\\u0301"\n';
    const doc = parseHclDocument(text, "nfc.tfvars");
    expect(doc.data).toEqual({ a: "\u00e9", b: "\u00e9" });
    await verifyHclEdit(text, text, "nfc.tfvars", doc.data);
  });

  it("reads numbers, negative numbers, booleans, null and empty containers", () => {
    const doc = parseHclDocument(
      "a = 1.50\nb = -3\nc = 1e3\nd = true\ne = null\nf = {}\ng = []\nh = 007\n",
      "n.tfvars",
    );
    expect(doc.data).toEqual({ a: 1.5, b: -3, c: 1000, d: true, e: null, f: {}, g: [], h: 7 });
  });

  it("accepts a byte-order mark, an empty file and a file of comments", () => {
    expect(parseHclDocument("\uFEFFa = 1", "b.tfvars").data).toEqual({ a: 1 });
    expect(parseHclDocument("", "e.tfvars").data).toEqual({});
    expect(parseHclDocument("# only\n// comments\n/* here */\n", "c.tfvars").data).toEqual({});
  });

  it("keeps a key named __proto__ as an ordinary key", () => {
    const doc = parseHclDocument('a = { "__proto__" = 1 }\n', "p.tfvars");
    expect(Object.keys((doc.data as Record<string, JsonValue>)["a"] as object)).toEqual([
      "__proto__",
    ]);
  });

  it("explains where the HCL is broken and what was expected", () => {
    expect(parseError('a = "x\n')).toBe(
      'File "release.auto.tfvars" is not valid HCL at line 1, column 7: expected a closing double quote but found the end of the line (quoted strings cannot span lines); fix the file and run again.',
    );
    expect(parseError("a 1\n")).toContain('line 1, column 3: expected "=" after a but found "1"');
    expect(parseError("a = 1 b = 2\n")).toContain('expected the end of the line but found "b"');
    expect(parseError("a =\n1\n")).toContain("expected a value but found the end of the line");
    expect(parseError("a = {\n b = 1\n")).toContain(
      "line 3, column 1: expected a key (a name or a quoted string)",
    );
    expect(parseError("a = { b = 1 c = 2 }\n")).toContain('expected ",", a new line or "}"');
    expect(parseError("a = [1 2]\n")).toContain('expected "," or "]" but found "2"');
    expect(parseError("a = 'x'\n")).toContain("(HCL strings take double quotes)");
    expect(parseError('"a" = 1\n')).toContain("(variable names take no quotes)");
    expect(parseError('a = "\\q"\n')).toContain("expected an escape such as \\n");
    expect(parseError('a = "\\U00110000"\n')).toContain("expected an escape");
    expect(parseError("a = 1 /* open\n")).toContain('expected "*/" to close the comment');
    expect(parseError("a = 1\r2\n")).toContain("the control character U+000D");
  });

  it("names duplicates", () => {
    expect(parseError("a = 1\nb = 2\na = 3\n")).toBe(
      'File "release.auto.tfvars" sets "a" twice in one file (again at line 3, column 1); remove one of them.',
    );
    expect(parseError('a = { b = 1, "b" = 2 }\n')).toContain('sets "b" twice in one object');
  });

  it("rejects everything outside the literal subset with its position", () => {
    expect(parseError("a = <<EOT\nhello\nEOT\n")).toBe(
      'File "release.auto.tfvars" has a heredoc (<<EOT) at line 1, column 5, which is outside the subset of HCL that Greenlight edits (quoted strings, numbers, booleans, null, lists and objects); write a literal value there, or keep the variable in a file Greenlight does not edit.',
    );
    const cases: [string, string][] = [
      ['a = "${var.x}"\n', "an interpolation (${…}) at line 1, column 6"],
      ['a = "x%{ if true }y%{ endif }"\n', "a template directive (%{…}) at line 1, column 7"],
      ['a = file("x")\n', "a function call (file(…)) at line 1, column 5"],
      ["a = var.x\n", "a reference to var at line 1, column 5"],
      ["a = constructor\n", "a reference to constructor"],
      ["a = 1 + 2\n", 'an expression (found "+" after the value) at line 1, column 5'],
      ["a = [1][0]\n", "an expression"],
      ["a = true ? 1 : 2\n", "an expression"],
      ["a = (1)\n", "an expression in parentheses"],
      ["a = !true\n", "an expression"],
      ["a = [for s in var.x : s]\n", "a for expression at line 1, column 6"],
      ["a = { for k, v in var.x : k => v }\n", "a for expression at line 1, column 7"],
      ["a = { (var.k) = 1 }\n", "a computed key in parentheses"],
      ["a {\n  b = 1\n}\n", 'a block ("a {…}") at line 1, column 1'],
      ['resource "x" "y" {\n}\n', "a block"],
      [
        'x = {\n  a = [1, { b = upper("c") }]\n}\n',
        "a function call (upper(…)) at line 2, column 17",
      ],
    ];
    for (const [text, says] of cases) {
      const message = parseError(text);
      expect(message, text).toContain(says);
      expect(message, text).toContain("outside the subset of HCL");
    }
  });
});

describe("HCL edits change only the bytes of the value", () => {
  it("replaces a weight and keeps the comment after it", async () => {
    const name = "services.auto.tfvars";
    const text = readFixture(name);
    expect(await verifiedEdit(name, ["api_blue_weight"], 75)).toBe(
      replaceOnce(text, "api_blue_weight         = 100 #", "api_blue_weight         = 75 #"),
    );
    expect(await verifiedEdit(name, ["api_green_weight"], 25)).toBe(
      replaceOnce(text, "api_green_weight        = 0\n", "api_green_weight        = 25\n"),
    );
  });

  it("replaces an image in a file with several services", async () => {
    const name = "services.auto.tfvars";
    const image = "registry.example.com/shop/worker@sha256:" + "3".repeat(64);
    expect(await verifiedEdit(name, ["worker_green_image"], image)).toBe(
      replaceOnce(
        readFixture(name),
        'worker_green_image         = "registry.example.com/shop/worker:5.0.0"',
        `worker_green_image         = "${image}"`,
      ),
    );
  });

  it("replaces values deep in nested objects, under quoted keys and in lists", async () => {
    const name = "services.auto.tfvars";
    const text = readFixture(name);
    expect(await verifiedEdit(name, ["autoscaling", "schedule", "weekday", "max"], 20)).toBe(
      replaceOnce(text, "{ min = 4, max = 12 }", "{ min = 4, max = 20 }"),
    );
    expect(await verifiedEdit(name, ["tags", "cost-center"], "cc-2000")).toBe(
      replaceOnce(text, '"cc-1042" # finance code', '"cc-2000" # finance code'),
    );
    expect(await verifiedEdit(name, ["subnets", 1], "subnet-9z")).toBe(
      replaceOnce(text, '"subnet-3d4e5f"]', '"subnet-9z"]'),
    );
    expect(await verifiedEdit(name, ["maintenance_window"], "sun:02:00-sun:03:00")).toBe(
      replaceOnce(text, "= null", '= "sun:02:00-sun:03:00"'),
    );
  });

  it("edits a four-space file with colons and trailing commas", async () => {
    const name = "nested-4space.auto.tfvars";
    const text = readFixture(name);
    expect(await verifiedEdit(name, ["services", "api", "green", "weight"], 10)).toBe(
      replaceOnce(text, "weight        = 0\n", "weight        = 10\n"),
    );
    expect(await verifiedEdit(name, ["services", "billing-worker", "desired_count"], 4)).toBe(
      replaceOnce(text, "desired_count: 1,", "desired_count: 4,"),
    );
    expect(await verifiedEdit(name, ["allowed_cidrs", 1], "172.16.0.0/12")).toBe(
      replaceOnce(text, '"192.168.0.0/16", // office VPN', '"172.16.0.0/12", // office VPN'),
    );
  });

  it("keeps CRLF line endings", async () => {
    const name = "crlf.auto.tfvars";
    const text = readFixture(name);
    expect(await verifiedEdit(name, ["edge_green_weight"], 40)).toBe(
      replaceOnce(text, "edge_green_weight = 0\r\n", "edge_green_weight = 40\r\n"),
    );
    expect(await verifiedEdit(name, ["labels", "extra"], "yes", true)).toBe(
      replaceOnce(text, "  pci  = false\r\n", '  pci  = false\r\n  extra = "yes"\r\n'),
    );
  });

  it("writes strings with escapes, unicode and literal ${ safely", async () => {
    const name = "unicode.auto.tfvars";
    const text = readFixture(name);
    expect(await verifiedEdit(name, ["notes", "clé"], 'neu "1"\n\tété ${x} %{y} \\')).toBe(
      replaceOnce(text, '"valeur"', '"neu \\"1\\"\\n\\tété $${x} %%{y} \\\\"'),
    );
    expect(await verifiedEdit(name, ["greeting"], "\u0001")).toBe(
      replaceOnce(text, '"こんにちは"', '"\\u0001"'),
    );
  });

  it("changes numbers, booleans and null in place", async () => {
    const name = "services.auto.tfvars";
    const text = readFixture(name);
    expect(await verifiedEdit(name, ["health_check_interval"], 12.5)).toBe(
      replaceOnce(text, "= 30.0", "= 12.5"),
    );
    expect(await verifiedEdit(name, ["enable_autoscaling"], false)).toBe(
      replaceOnce(text, "enable_autoscaling    = true", "enable_autoscaling    = false"),
    );
    expect(await verifiedEdit(name, ["autoscaling", "min"], -1)).toBe(
      replaceOnce(text, "min     = 2", "min     = -1"),
    );
    expect(await verifiedEdit(name, ["autoscaling", "max"], 1e21)).toBe(
      replaceOnce(text, "max     = 12", "max     = 1e+21"),
    );
  });

  it("writes a new object or list in the file's layout", async () => {
    const name = "nested-4space.auto.tfvars";
    const text = readFixture(name);
    const green = { image: "registry.example.com/shop/billing:3.3.0", desired_count: 2 };
    expect(await verifiedEdit(name, ["services", "billing-worker"], { green, tags: ["a"] })).toBe(
      replaceOnce(
        text,
        `{
        image: "registry.example.com/shop/billing:3.2.1",
        desired_count: 1,
    }`,
        `{
        green = {
            image         = "registry.example.com/shop/billing:3.3.0"
            desired_count = 2
        }
        tags  = ["a"]
    }`,
      ),
    );
    expect(await verifiedEdit(name, ["listener"], { port: 80, rules: [{ path: "/" }] })).toBe(
      replaceOnce(
        text,
        '{ port = 443, protocol = "HTTPS" }',
        '{\n    port  = 80\n    rules = [\n        {\n            path = "/"\n        },\n    ]\n}',
      ),
    );
  });

  it("writes a value equal to the current one as no change at all", () => {
    const name = "services.auto.tfvars";
    const doc = parseHclDocument(readFixture(name), name);
    expect(doc.set(["health_check_interval"], 30)).toBe(doc);
    expect(doc.set(["tags"], { "cost-center": "cc-1042", team: "payments" })).toBe(doc);
  });
});

describe("HCL edits that create keys", () => {
  it("adds a top-level attribute after the last one, aligned like it", async () => {
    const name = "services.auto.tfvars";
    const text = readFixture(name);
    expect(await verifiedEdit(name, ["log_level"], "debug", true)).toBe(
      text + 'log_level             = "debug"\n',
    );
    expect(await verifiedEdit(name, ["api_green_desired_count_override"], 1, true)).toBe(
      text + "api_green_desired_count_override = 1\n",
    );
    expect(await verifiedEdit(name, ["limits"], { cpu: 512 }, true)).toBe(
      text + "limits = {\n  cpu = 512\n}\n",
    );
  });

  it("adds a key to a multi-line object, copying alignment, separator and commas", async () => {
    expect(await verifiedEdit("services.auto.tfvars", ["tags", "owner"], "sre", true)).toBe(
      replaceOnce(
        readFixture("services.auto.tfvars"),
        '"cc-1042" # finance code\n',
        '"cc-1042" # finance code\n  owner         = "sre"\n',
      ),
    );
    const name = "nested-4space.auto.tfvars";
    expect(await verifiedEdit(name, ["services", "billing-worker", "weight"], 0, true)).toBe(
      replaceOnce(
        readFixture(name),
        "desired_count: 1,\n",
        "desired_count: 1,\n        weight: 0,\n",
      ),
    );
  });

  it("adds a key to a one-line object on the same line", async () => {
    const name = "nested-4space.auto.tfvars";
    expect(await verifiedEdit(name, ["listener", "ssl_policy"], "TLS13", true)).toBe(
      replaceOnce(readFixture(name), '"HTTPS" }', '"HTTPS", ssl_policy = "TLS13" }'),
    );
    const single = parseHclDocument("a = { b = 1 }\n", "s.tfvars");
    expect(single.set(["a", "c d"], 2, { create: true }).text).toBe('a = { b = 1, "c d" = 2 }\n');
  });

  it("adds a key to an empty object", () => {
    const doc = parseHclDocument("tags = {}\nlist = [{}]\n", "e.tfvars");
    expect(doc.set(["tags", "team"], "x", { create: true }).text).toBe(
      'tags = {\n  team = "x"\n}\nlist = [{}]\n',
    );
    expect(doc.set(["list", 0, "a"], 1, { create: true }).text).toBe(
      "tags = {}\nlist = [{ a = 1 }]\n",
    );
  });

  it("keeps a file without a final line break without one, and fills an empty file", () => {
    expect(parseHclDocument("a = 1", "n.tfvars").set(["b"], 2, { create: true }).text).toBe(
      "a = 1\nb = 2",
    );
    expect(parseHclDocument("", "n.tfvars").set(["b"], 2, { create: true }).text).toBe("b = 2\n");
    expect(parseHclDocument("# header\r\n", "n.tfvars").set(["b"], 2, { create: true }).text).toBe(
      "# header\r\nb = 2\r\n",
    );
  });

  it("refuses keys it cannot create", () => {
    expect(setError("a = 1\n", ["b"], 2)).toBe(
      'File "release.auto.tfvars" has no value at $.b; check the path, or pass create to add the key.',
    );
    expect(setError("a = 1\n", ["b", "c"], 2, true)).toContain("has no value at $.b, so $.b.c");
    expect(setError("a = [1]\n", ["a", "x"], 2, true)).toContain("$.a is an array");
    expect(setError("a = 1\n", ["my var"], 2, true)).toContain(
      "where a variable name is an identifier",
    );
    expect(setError("a = 1\n", [], { b: 1 })).toContain("$ cannot be replaced as a whole");
    expect(setError("a = 1\n", ["a"], Number.POSITIVE_INFINITY)).toContain(
      "HCL numbers are finite",
    );
  });
});

describe("verifyHclEdit", () => {
  it("reports a result that reads differently from what was intended as a bug", async () => {
    const before = "a = 1\nb = 2\n";
    const error = await verifyHclEdit(before, "a = 1\nb = 3\n", "v.tfvars", { a: 1, b: 2 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain("reads $.b differently from what was intended");
    expect((error as Error).message).toContain("bug");
  });

  it("reports a result that no longer parses as a bug", async () => {
    const error = await verifyHclEdit("a = 1\n", "a = \n", "v.tfvars", { a: 2 }).catch(
      (e: unknown) => e,
    );
    expect(error).not.toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain("no longer parses as HCL");
  });
});
