/**
 * JSONPath filters are read by Greenlight's own small evaluator: comparisons of a value's
 * own fields with literals work; anything that would need JavaScript is refused before any
 * file is read, and nothing reaches a prototype.
 */
import { describe, expect, it } from "vitest";
import type { JsonValue } from "../../../src/release-file/document.js";
import { readAll } from "../../../src/release-file/json-path.js";
import { compileFilter, filterProblem } from "../../../src/release-file/path-filter.js";

const ROUTE: JsonValue = {
  backendRefs: [
    { name: "api-blue", weight: 1, port: 8080 },
    { name: "api-green", weight: 0, port: 8080, extra: { on: true } },
  ],
};

describe("path filters", () => {
  it.each([
    ['$.backendRefs[?(@.name=="api-green")].weight', [0]],
    ["$.backendRefs[?(@.name == 'api-blue')].weight", [1]],
    ['$.backendRefs[?(@.name==="api-green" && @.port==8080)].name', ["api-green"]],
    ['$.backendRefs[?(@.name=="x" || @.weight>0)].name', ["api-blue"]],
    ["$.backendRefs[?(!(@.weight>=1))].name", ["api-green"]],
    ["$.backendRefs[?(@.extra.on)].name", ["api-green"]],
    ["$.backendRefs[?(@['name']=='api-blue')].port", [8080]],
    ['$.backendRefs[?(@.name=="nobody")].weight', []],
    ['$.backendRefs[?(@.weight=="0")].name', []],
  ])("%s matches %j", (path, expected) => {
    expect(readAll(ROUTE, path)).toEqual(expected);
  });

  it("reads own fields only: no prototype, constructor or method is reachable", () => {
    expect(readAll(ROUTE, "$.backendRefs[?(@.constructor)].name")).toEqual([]);
    expect(readAll(ROUTE, "$.backendRefs[?(@.__proto__)].name")).toEqual([]);
    expect(readAll(ROUTE, "$.backendRefs[?(@.name.length > 0)].name")).toEqual([]);
  });

  it.each([
    ["?(@.name.toString()=='x')", "("],
    ["?(process.exit(1))", "process"],
    ["?(@.a = 1)", "="],
    ["?(@.weight + 1 > 1)", "+"],
    ["?(`x`)", "`"],
    ["?()", "empty"],
  ])("refuses %s, naming what it cannot read", (part, named) => {
    const problem = filterProblem([part]);
    expect(problem).toContain("cannot read");
    expect(problem).toContain(named);
  });

  it("refuses script expressions", () => {
    expect(filterProblem(["(@.length-1)"])).toContain("script expression");
  });

  it("compares strings and numbers, never coerces", () => {
    expect(compileFilter("_$_v.n < 10")({ _$_v: { n: 9 } })).toBe(true);
    expect(compileFilter("_$_v.n < 10")({ _$_v: { n: "9" } })).toBe(false);
    expect(compileFilter("_$_v.n == 1")({ _$_v: { n: true } })).toBe(false);
  });
});
