/**
 * The plain-file reader (src/release-file/hcl-plain.ts) stands in for HashiCorp's parser on
 * the plainest variable files, so whenever it gives a reading, that reading must be
 * HashiCorp's: checked on random files built from plain lines and from lines that are
 * nearly plain (escapes, templates, non-ASCII, comments after values, CRLF, big numbers).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readPlainHcl } from "../../../src/release-file/hcl-plain.js";
import { loadHashicorpHcl } from "../../../src/release-file/hcl-wasm.js";

const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,12}$/);
const awkward = fc.constantFrom(
  "$",
  "%",
  "${x}",
  "%{if}",
  "$${",
  "\\n",
  "\\u00e9",
  "é",
  "e\u0301",
  "\t",
  "{",
  "}",
  "#",
  "//",
  "/*",
  "'",
);
const stringBody = fc
  .array(fc.oneof(fc.string({ unit: "grapheme-ascii", maxLength: 6 }), awkward), { maxLength: 4 })
  .map((parts) => parts.join("").replace(/["\n\r]/g, ""));
const literal = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[ -!#&-[\]-~]{0,24}$/).map((body) => `"${body}"`) },
  { weight: 2, arbitrary: stringBody.map((body) => `"${body}"`) },
  { weight: 2, arbitrary: fc.integer({ min: -1e6, max: 1e6 }).map(String) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom("true", "false", "null", "-0", "1.5", "1e3", "007") },
);
const line = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(name, literal).map(([n, v]) => `${n} = ${v}`) },
  { weight: 1, arbitrary: fc.constantFrom("", "# a comment", "// another", "  ") },
  { weight: 1, arbitrary: fc.tuple(name, literal).map(([n, v]) => `${n}=${v} # after`) },
  { weight: 1, arbitrary: fc.tuple(name, literal).map(([n, v]) => `  ${n}\t=  ${v}  `) },
);
const file = fc
  .tuple(fc.array(line, { maxLength: 6 }), fc.constantFrom("\n", "\n", "\n", "\r\n"))
  .map(([lines, eol]) => lines.join(eol) + eol);

describe("plain HCL files", () => {
  it("whenever the reader gives a reading, it is HashiCorp's", async () => {
    const parse = await loadHashicorpHcl();
    let plain = 0;
    await fc.assert(
      fc.asyncProperty(file, async (text) => {
        const mine = readPlainHcl(text);
        if (mine === undefined) return;
        plain++;
        expect({ ...mine }).toEqual(await parse("release.auto.tfvars", text));
      }),
      { numRuns: 500 },
    );
    // The property means something only if plain files were among those generated.
    expect(plain).toBeGreaterThan(100);
  });

  it("reads a release file of images and weights", () => {
    const text = [
      "# written by Greenlight",
      'api_blue_image = "registry.example.com/api@sha256:' + "a".repeat(64) + '"',
      "api_blue_weight = 100",
      "api_green_weight = 0",
      "canary = false",
      "",
    ].join("\n");
    expect({ ...readPlainHcl(text) }).toEqual({
      api_blue_image: "registry.example.com/api@sha256:" + "a".repeat(64),
      api_blue_weight: 100,
      api_green_weight: 0,
      canary: false,
    });
  });

  it.each([
    ['a = "${var.x}"', "a template"],
    ['a = "%{ if x }y%{ endif }"', "a template directive"],
    ['a = "line\\nbreak"', "an escape"],
    ['a = "café"', "non-ASCII (HCL normalises it)"],
    ['a = "x" # why', "a comment after a value"],
    ['a = "x"\r\n', "CRLF line ends"],
    ['/* block */\na = "x"', "a block comment"],
    ['a = "x"\na = "y"', "a repeated name"],
    ["a = -0", "negative zero"],
    ["a = 1234567890123456", "a number past 15 digits"],
    ["a = 1.5", "a fraction"],
    ["a = null", "null"],
    ['a = { b = "c" }', "a map"],
    ['a = ["b"]', "a list"],
    ["a = <<EOT\nx\nEOT", "a heredoc"],
  ])("is not plain with %j (%s)", (text) => {
    expect(readPlainHcl(text)).toBeUndefined();
  });

  it("keeps names off Object's prototype", () => {
    const values = readPlainHcl('__proto__ = "x"\nconstructor = 1\n')!;
    expect(Object.getPrototypeOf(values)).toBeNull();
    expect(values["__proto__"]).toBe("x");
    expect(({} as Record<string, unknown>)["x"]).toBeUndefined();
  });
});
