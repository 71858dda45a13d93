import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConfigurationError } from "../../../src/core/errors.js";
import {
  booleanInput,
  durationInput,
  integerInput,
  linesInput,
  listInput,
  parseDuration,
  parseInputs,
  structuredInput,
} from "../../../src/core/inputs.js";

describe("input fragments", () => {
  it("reads booleans the way GitHub does", () => {
    for (const t of ["true", "True", "TRUE"]) expect(booleanInput.parse(t)).toBe(true);
    for (const f of ["false", "False", "FALSE"]) expect(booleanInput.parse(f)).toBe(false);
    expect(booleanInput.safeParse("yes").success).toBe(false);
  });

  it("splits lists on newlines and commas, lines on newlines only", () => {
    expect(listInput.parse("a, b\nc,,\n")).toEqual(["a", "b", "c"]);
    expect(linesInput.parse("a=1,2\n# comment\n\n b=3 ")).toEqual(["a=1,2", "b=3"]);
  });

  it.each([
    ["10m", 600_000],
    ["30s", 30_000],
    ["1h30m", 5_400_000],
    ["500ms", 500],
    ["2", 2_000],
    ["1.5s", 1_500],
    ["1d", 86_400_000],
  ])("parses the duration %s", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(["", "m", "10x", "1h 30m", "-5s", "10m5"])("rejects the duration %j", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it("parses integers, and JSON or YAML values", () => {
    expect(integerInput.parse(" 42 ")).toBe(42);
    expect(integerInput.safeParse("4.2").success).toBe(false);
    expect(structuredInput.parse('{"a": [1, 2]}')).toEqual({ a: [1, 2] });
    expect(structuredInput.parse("a:\n  - 1\n")).toEqual({ a: [1] });
    expect(structuredInput.safeParse("a: [1,").success).toBe(false);
  });
});

describe("parseInputs", () => {
  const schema = z.object({
    name: z.string(),
    timeout: durationInput.default(10_000),
    verbose: booleanInput.default(false),
  });

  it("applies defaults and treats empty strings as not given", () => {
    expect(parseInputs(schema, { name: "x", timeout: "", verbose: undefined })).toEqual({
      name: "x",
      timeout: 10_000,
      verbose: false,
    });
  });

  it("names a missing required input in one sentence", () => {
    expect(() => parseInputs(schema, { name: "" })).toThrow(ConfigurationError);
    expect(() => parseInputs(schema, {})).toThrow(
      'Input "name" is required; set it in the step\'s `with:`.',
    );
  });

  it("names the input and the fix for a bad value, without a zod dump", () => {
    try {
      parseInputs(schema, { name: "x", timeout: "soon" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      const message = (error as Error).message;
      expect(message).toBe(
        'Input "timeout" is invalid: "soon" is not a duration; write it like 30s, 10m, 1h30m or 500ms.',
      );
    }
  });
});
