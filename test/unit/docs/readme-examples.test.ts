/**
 * The YAML examples of README.md, the actions' READMEs and docs/: users copy these first, so
 * each parses, and each that is workflow YAML follows the rules of workflow-rules.ts — a
 * whole workflow all of them, a list of steps or one job the rules that judge steps and jobs.
 */
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { actionlint } from "../workflows/actionlint.js";
import { checkFragment, checkWorkflow } from "../workflows/workflow-rules.js";
import {
  blockKind,
  COUNTER_EXAMPLE,
  docYamlBlocks,
  extractYamlBlocks,
  parseBlock,
  stepKeysIn,
} from "./doc-yaml-blocks.js";

const blocks = docYamlBlocks();
// A block that does not parse fails its parse test; until then it counts as "other".
const parsedOrNull = (block: (typeof blocks)[number]) => {
  try {
    return parseBlock(block);
  } catch {
    return null;
  }
};
const kinds = blocks.map((block) => ({ ...block, kind: blockKind(parsedOrNull(block)) }));
const ofKind = (...wanted: string[]) =>
  kinds
    .filter((b) => wanted.includes(b.kind) && !b.counterExample)
    .map((b) => [b.where, b] as const);

const PINNED_CHECKOUT = "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1";

describe("the YAML examples in the docs", () => {
  it("are found in README.md, the actions' READMEs and docs/", () => {
    const files = new Set(blocks.map((b) => b.where.split(":")[0]));
    expect(files).toContain("README.md");
    expect(files).toContain("actions/build-push/README.md");
    expect(files).toContain("docs/workflows.md");
    for (const kind of ["workflow", "job", "steps", "other"])
      expect(
        kinds.some((b) => b.kind === kind),
        kind,
      ).toBe(true);
  });

  it.each(blocks.map((b) => [b.where, b] as const))("%s parses as YAML", (_where, block) => {
    const doc = YAML.parseDocument(block.text);
    expect(doc.errors.map((e) => e.message)).toEqual([]);
    expect(doc.warnings.map((e) => e.message)).toEqual([]);
  });

  it.each(ofKind("workflow"))(
    "%s is a whole workflow that follows every rule and is actionlint-clean",
    async (where, b) => {
      expect(parseBlock(b), "a workflow example has `on:`").toHaveProperty("on");
      // By file, not line: SECRETS_WITHOUT_ENVIRONMENT names a job as `<file> job <id>`.
      expect(checkWorkflow(b.text, where.slice(0, where.lastIndexOf(":")))).toEqual([]);
      expect(await actionlint(b.text, "example.yml")).toEqual([]);
    },
  );

  it.each(ofKind("job", "steps"))("%s follows the rules for steps and jobs", (where, b) => {
    expect(checkFragment(b.text, where)).toEqual([]);
  });

  it.each(ofKind("other"))(
    "%s is not workflow YAML: it holds no uses: or run: to judge",
    (_where, b) => {
      expect(stepKeysIn(parseBlock(b))).toEqual([]);
    },
  );

  it.each(kinds.filter((b) => b.counterExample).map((b) => [b.where, b] as const))(
    "%s, marked as a counter-example, is a workflow that breaks the rules",
    (where, b) => {
      expect(b.kind).toBe("workflow");
      expect(checkWorkflow(b.text, where).length).toBeGreaterThan(0);
    },
  );
});

describe("reading the docs' YAML blocks", () => {
  const doc = [
    "Steps:",
    "",
    "```yaml",
    "- uses: actions/checkout@v4",
    "- run: echo ${{ github.ref_name }}",
    "```",
    "",
    "- a list item:",
    "",
    "  ```yaml",
    "  hours: { mon-fri: 09:00-17:00 }",
    "  ```",
    "",
    COUNTER_EXAMPLE,
    "```yaml",
    "on: push",
    "jobs: {}",
    "```",
    "",
  ].join("\n");
  const [steps, indented, counter] = extractYamlBlocks(doc, "doc.md");

  it("takes each block with its line, without its fence's indentation", () => {
    expect(steps).toMatchObject({ where: "doc.md:3", counterExample: false });
    expect(indented).toMatchObject({
      where: "doc.md:10",
      text: "hours: { mon-fri: 09:00-17:00 }\n",
    });
    expect(counter).toMatchObject({ where: "doc.md:15", counterExample: true });
  });

  it("tells a workflow, a job, steps and other YAML apart by their shape", () => {
    const kind = (text: string) => blockKind(YAML.parse(text));
    expect(kind("on: push\njobs: {}\n")).toBe("workflow");
    expect(kind("permissions: {}\nsteps:\n  - run: make\n")).toBe("job");
    expect(kind("- uses: ./local\n- run: make\n")).toBe("steps");
    expect(kind("environments:\n  production: { merge: direct }\n")).toBe("other");
    expect(kind("images: ${{ steps.build.outputs.images }}\n")).toBe("other");
    expect(kind("- name: api health\n  url: https://api.example.com/health\n")).toBe("other");
  });

  it("finds a step hidden in a shape that is not a list of steps", () => {
    expect(stepKeysIn(YAML.parse("deploy:\n  steps:\n    - uses: a/b@v1\n"))).toEqual([
      "$.deploy.steps[0].uses",
    ]);
  });

  it("catches a fragment with an unpinned action and an expression inside run:", () => {
    const rules = checkFragment(steps!.text, steps!.where).map((v) => v.rule);
    expect(rules.sort()).toEqual(["checkout-credentials", "pinned-actions", "run-expressions"]);
  });

  it("catches a checkout that keeps its credentials, and a job without permissions", () => {
    const job = `runs-on: ubuntu-latest\nsteps:\n  - uses: ${PINNED_CHECKOUT}\n`;
    expect(checkFragment(job, "job.yml").map((v) => v.rule)).toEqual([
      "checkout-credentials",
      "job-permissions",
    ]);
    const fixed = job.replace("steps:", "permissions: { contents: read }\nsteps:");
    expect(checkFragment(`${fixed}    with: { persist-credentials: false }\n`, "job.yml")).toEqual(
      [],
    );
  });

  it("catches an own action referenced by a moving tag", () => {
    expect(
      checkFragment("- uses: acme/greenlight/actions/verify@v1\n", "steps.yml").map(
        (v) => v.message,
      ),
    ).toEqual([
      "acme/greenlight/actions/verify@v1 is not pinned to a full 40-character commit SHA",
    ]);
  });
});
