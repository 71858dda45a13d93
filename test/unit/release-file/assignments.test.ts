import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../../../src/core/errors.js";
import type { AssignOptions } from "../../../src/release-file/assignments.js";
import {
  applyAssignments,
  formatPath,
  parseAssignments,
} from "../../../src/release-file/assignments.js";
import { parseJsonDocument } from "../../../src/release-file/json-document.js";
import { readFixture, replaceOnce } from "../../helpers/tfvars-fixtures.js";

const FLAT = "flat-2space.auto.tfvars.json";
const NESTED = "nested-4space.auto.tfvars.json";

function apply(name: string, lines: string[], options: AssignOptions = {}) {
  const doc = parseJsonDocument(readFixture(name), name);
  return applyAssignments(doc, parseAssignments(lines, "set"), options);
}

function failure(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message).toMatch(/^[^\n]+\.$/);
    return message;
  }
  throw new Error("expected a ConfigurationError");
}

describe("formatPath", () => {
  it("spells definite paths canonically", () => {
    expect(formatPath([])).toBe("$");
    expect(formatPath(["a", "b_c", "b c", 0])).toBe("$.a.b_c['b c'][0]");
    expect(formatPath(["cost-center", "0", "it's", "back\\slash"])).toBe(
      "$['cost-center']['0']['it\\'s']['back\\\\slash']",
    );
    expect(formatPath(["_x9", "9x", "é"])).toBe("$._x9['9x']['é']");
  });
});

describe("parseAssignments", () => {
  it("parses values as JSON when they parse and as strings otherwise", () => {
    expect(
      parseAssignments(
        [
          "$.replicas=3",
          "$.enabled=false",
          "$.window=null",
          '$.tags={"team": "x"}',
          '$.name="3"',
          "$.image=registry.example.com/api:1.2.3",
          "$.empty=",
          "$.query=a=b&c=d",
        ],
        "set",
      ),
    ).toEqual([
      { path: "$.replicas", value: 3 },
      { path: "$.enabled", value: false },
      { path: "$.window", value: null },
      { path: "$.tags", value: { team: "x" } },
      { path: "$.name", value: "3" },
      { path: "$.image", value: "registry.example.com/api:1.2.3" },
      { path: "$.empty", value: "" },
      { path: "$.query", value: "a=b&c=d" },
    ]);
  });

  it("splits at the first = outside brackets, parentheses and quotes", () => {
    expect(parseAssignments(["$.a[?(@.x=='y')].b=1"], "set")).toEqual([
      { path: "$.a[?(@.x=='y')].b", value: 1 },
    ]);
    expect(parseAssignments(["$['a=b']=c"], "set")).toEqual([{ path: "$['a=b']", value: "c" }]);
    expect(parseAssignments([`$.a[?(@.n=="]=(")]=2`], "set")).toEqual([
      { path: `$.a[?(@.n=="]=(")]`, value: 2 },
    ]);
  });

  it("ignores blank lines and surrounding spaces", () => {
    expect(parseAssignments(["", "  $.a = 1  ", "   "], "set")).toEqual([
      { path: "$.a", value: 1 },
    ]);
  });

  it("names the input and the line or path that is wrong", () => {
    expect(failure(() => parseAssignments(["$.replicas"], "set"))).toBe(
      'Input "set" has the line "$.replicas", which is not PATH=VALUE; write e.g. $.replicas=3.',
    );
    expect(failure(() => parseAssignments(["=3"], "set"))).toContain('the line "=3"');
    expect(failure(() => parseAssignments(["$.tags[=1"], "set"))).toBe(
      `Input "set" has the path "$.tags[" with an unclosed "["; close every bracket, parenthesis and quote, e.g. $.tags['team']=payments.`,
    );
    expect(failure(() => parseAssignments(["$.tags[?(@.x=1"], "set"))).toContain('an unclosed "("');
    expect(failure(() => parseAssignments(["$['a=1"], "set"))).toContain(`an unclosed "'"`);
    expect(failure(() => parseAssignments(["$.a]=1"], "set"))).toContain(
      'a "]" that closes nothing',
    );
    expect(failure(() => parseAssignments(["replicas=3"], "images"))).toBe(
      'Input "images" has the path "replicas", which does not start with $; write a JSONPath such as $.replicas.',
    );
    expect(failure(() => parseAssignments(["$.a.=3"], "set"))).toContain("has an empty key");
    expect(failure(() => parseAssignments(["$.a[]=3"], "set"))).toContain("has an empty key");
    expect(failure(() => parseAssignments(["$.a~=3"], "set"))).toContain("property names");
  });
});

describe("applyAssignments", () => {
  it("changes exactly the assigned values and reports them", () => {
    const { doc, changes } = apply(FLAT, ["$.api_green_weight=10", "$.api_blue_weight=90"]);
    const text = readFixture(FLAT);
    expect(doc.text).toBe(
      replaceOnce(
        replaceOnce(text, '"api_blue_weight": 100', '"api_blue_weight": 90'),
        '"api_green_weight": 0',
        '"api_green_weight": 10',
      ),
    );
    expect(changes).toEqual([
      { file: FLAT, path: "$.api_green_weight", old: 0, new: 10 },
      { file: FLAT, path: "$.api_blue_weight", old: 100, new: 90 },
    ]);
  });

  it("reports nothing and keeps the text when values are already set", () => {
    const original = parseJsonDocument(readFixture(FLAT), FLAT);
    const result = applyAssignments(
      original,
      parseAssignments(["$.health_check_interval=30", "$.api_blue_weight=100"], "set"),
    );
    expect(result.changes).toEqual([]);
    expect(result.doc.text).toBe(original.text);
  });

  it("accepts bracket notation and reports the canonical path", () => {
    const { doc, changes } = apply(FLAT, ["$['tags']['cost-center']=cc-2000"]);
    expect(doc.text).toBe(replaceOnce(readFixture(FLAT), '"cc-1042"', '"cc-2000"'));
    expect(changes).toEqual([
      { file: FLAT, path: "$.tags['cost-center']", old: "cc-1042", new: "cc-2000" },
    ]);
  });

  it("changes every match when the path says so", () => {
    const wildcard = apply(FLAT, ["$.subnets[*]=subnet-x"]);
    expect(wildcard.changes.map((c) => c.path)).toEqual(["$.subnets[0]", "$.subnets[1]"]);
    expect(wildcard.doc.text).toBe(
      replaceOnce(
        readFixture(FLAT),
        '["subnet-0a1b2c", "subnet-3d4e5f"]',
        '["subnet-x", "subnet-x"]',
      ),
    );

    const recursive = apply(NESTED, ["$..weight.green=0"]);
    expect(recursive.changes).toEqual([
      { file: NESTED, path: "$.services.api.weight.green", old: 50, new: 0 },
    ]);

    const filter = apply(NESTED, ["$.alarms[?(@.name=='api-5xx')].threshold=2"]);
    expect(filter.doc.text).toBe(
      replaceOnce(readFixture(NESTED), '"threshold": 1.5', '"threshold": 2'),
    );

    const union = apply(NESTED, ["$.services[api,webhooks].cpu=1024"]);
    expect(union.changes.map((c) => [c.path, c.old])).toEqual([
      ["$.services.api.cpu", 512],
      ["$.services.webhooks.cpu", 256],
    ]);
  });

  it("refuses a path that matches nothing unless it may be created", () => {
    expect(failure(() => apply(FLAT, ["$.nope=1"]))).toBe(
      `Path $.nope matches nothing in "${FLAT}"; check the path, or pass create if the key "nope" should be added.`,
    );
    expect(failure(() => apply(FLAT, ["$.tags.owner.name=1"], { create: true }))).toBe(
      `Path $.tags.owner.name matches nothing in "${FLAT}", and neither does $.tags.owner; check the path.`,
    );
    expect(failure(() => apply(FLAT, ["$.tags[*].x=1"], { create: true }))).toContain(
      "only a path without wildcards, filters or slices can be created",
    );
    expect(failure(() => apply(FLAT, ["$.region.x=1"], { create: true }))).toContain(
      "$.region is a string, which has no keys",
    );
  });

  it("does not treat JavaScript properties such as length as values in the file", () => {
    expect(failure(() => apply(FLAT, ["$.region.length=3"]))).toContain(
      "$.region is a string, which has no keys",
    );
    expect(failure(() => apply(FLAT, ["$.subnets.length=3"]))).toContain("$.subnets has 2 items");
  });

  it("names the array when an index is out of range", () => {
    expect(failure(() => apply(FLAT, ["$.subnets[5]=x"], { create: true }))).toBe(
      `Path $.subnets[5] is out of range in "${FLAT}": $.subnets has 2 items (indices run from 0 to 1), and Greenlight does not add array items.`,
    );
  });

  it("creates a missing key when asked, and later assignments see it", () => {
    const { doc, changes } = apply(
      FLAT,
      ["$.tags.owner=ana", "$.tags.owner=bo", "$.tags['on call']=true"],
      {
        create: true,
      },
    );
    expect(doc.text).toBe(
      replaceOnce(
        readFixture(FLAT),
        '"cc-1042"\n',
        '"cc-1042",\n    "owner": "bo",\n    "on call": true\n',
      ),
    );
    expect(changes).toEqual([
      { file: FLAT, path: "$.tags.owner", old: undefined, new: "bo" },
      { file: FLAT, path: "$.tags['on call']", old: undefined, new: true },
    ]);
  });

  it("keeps one change per path with the first old value, dropping round trips", () => {
    const { changes } = apply(
      FLAT,
      ["$.replicas_max=1", "$.api_green_weight=5", "$.api_green_weight=0"],
      {
        create: true,
      },
    );
    expect(changes).toEqual([{ file: FLAT, path: "$.replicas_max", old: undefined, new: 1 }]);
  });

  it("refuses a change of JSON type unless forced", () => {
    expect(failure(() => apply(FLAT, ["$.api_blue_desired_count=four"]))).toBe(
      `Path $.api_blue_desired_count in "${FLAT}" holds a number, but the new value "four" is a string; pass force if the type should change.`,
    );
    expect(failure(() => apply(FLAT, ["$.region=3"]))).toBe(
      `Path $.region in "${FLAT}" holds a string, but the new value 3 is a number; write $.region="3" to keep a string, or pass force to change the type.`,
    );
    expect(failure(() => apply(FLAT, ["$.tags=[]"]))).toContain(
      "holds an object, but the new value [] is an array",
    );
    expect(failure(() => apply(FLAT, ["$.maintenance_window=sun"]))).toContain("holds a null");

    const forced = apply(FLAT, ["$.api_blue_desired_count=four"], { force: true });
    expect(forced.doc.text).toBe(
      replaceOnce(
        readFixture(FLAT),
        '"api_blue_desired_count": 4',
        '"api_blue_desired_count": "four"',
      ),
    );
  });

  it("reports a filter that cannot be read as a configuration error", () => {
    expect(failure(() => apply(NESTED, ["$.alarms[?(@.threshold >)].threshold=1"]))).toBe(
      `Input "set" has the path "$.alarms[?(@.threshold >)].threshold", which has the filter [?(@.threshold >)] that Greenlight cannot read (it ends after "@.threshold >" where a value was expected); write a JSONPath such as $.replicas.`,
    );
  });

  it("leaves the original document untouched", () => {
    const original = parseJsonDocument(readFixture(FLAT), FLAT);
    applyAssignments(original, parseAssignments(["$.api_green_weight=10"], "set"));
    expect(original.text).toBe(readFixture(FLAT));
  });
});
