/**
 * The inputs and outputs tables in each action's README (and the root action's
 * docs/deploy-action.md) are what the build generates from its action.yml: a manifest
 * changed without `npm run build` fails here, not only in check-clean.
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import {
  actionDocPairs,
  renderActionTables,
  withActionTables,
} from "../../../scripts/generate-docs.mjs";
import {
  reusableWorkflows,
  withWorkflowReference,
} from "../../../scripts/generate-workflow-docs.mjs";
import { root } from "../workflows/workflow-files.js";

const pairs = actionDocPairs().map(({ manifestFile, readme }) => ({
  manifest: YAML.parse(readFileSync(manifestFile, "utf8")) as unknown,
  readme: relative(root, readme),
  text: readFileSync(readme, "utf8"),
}));

describe("generated action docs", () => {
  it("covers every action's README and the root action", () => {
    expect(pairs.map((p) => p.readme)).toContain("docs/deploy-action.md");
    expect(pairs.map((p) => p.readme)).toContain("actions/update-tfvars/README.md");
  });

  it.each(pairs.map((p) => [p.readme, p] as const))(
    "%s has the tables of its action.yml",
    (readme, p) => {
      const next = withActionTables(p.text, p.manifest, readme);
      expect(p.text === next, `${readme} differs from its action.yml: run npm run build`).toBe(
        true,
      );
    },
  );

  it("lists every input and output in the tables", () => {
    const manifest = {
      inputs: { "a-b": { description: "one | two", required: true, default: "x" } },
      outputs: { c: { description: "three" } },
    };
    const tables = renderActionTables(manifest);
    expect(tables).toContain("| `a-b` | yes | `x` | one \\| two |");
    expect(tables).toContain("| `c` | three |");
  });
});

describe("generated workflow reference", () => {
  it("docs/workflows.md lists the inputs, secrets and outputs each reusable workflow declares", () => {
    const workflows = reusableWorkflows();
    expect(workflows.map((w) => w.file)).toEqual([
      ".github/workflows/backup.yml",
      ".github/workflows/deploy.yml",
      ".github/workflows/promote.yml",
      ".github/workflows/rollback.yml",
    ]);
    const text = readFileSync(join(root, "docs/workflows.md"), "utf8");
    expect(
      text === withWorkflowReference(text, workflows),
      "docs/workflows.md differs: run npm run build",
    ).toBe(true);
  });
});
