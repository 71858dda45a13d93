/**
 * GitHub's own workflow parser (the package behind the Actions language service) accepts every
 * action manifest and workflow: a runner refuses to load an action whose manifest it rejects,
 * e.g. a `${{ }}` with a context that action.yml may not use, even inside a description.
 */
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow,
} from "@actions/workflow-parser";
import { parseAction } from "@actions/workflow-parser/actions/index";
import { describe, expect, it } from "vitest";
import { manifestFiles, readRepoFile, workflowFiles } from "./workflow-files.js";

const actionErrors = (name: string, content: string) =>
  parseAction({ name, content }, new NoOperationTraceWriter())
    .context.errors.getErrors()
    .map((e) => e.message);

async function workflowErrors(name: string, content: string) {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const parseErrors = parsed.context.errors.getErrors().map((e) => e.message);
  if (parseErrors.length > 0 || !parsed.value) return parseErrors;
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return [
    ...parsed.context.errors.getErrors().map((e) => e.message),
    ...(template.errors ?? []).map((e) => e.Message),
  ];
}

describe("GitHub's workflow parser", () => {
  it.each(manifestFiles)("accepts %s with the action schema", (file) => {
    expect(actionErrors(file, readRepoFile(file))).toEqual([]);
  });

  it.each(workflowFiles)("accepts %s with the workflow schema", async (file) => {
    expect(await workflowErrors(file, readRepoFile(file))).toEqual([]);
  });

  it("rejects an expression context an action manifest may not use, so a clean result means something", () => {
    const manifest = [
      "name: x",
      "description: x",
      "inputs:",
      "  status:",
      '    description: "Usually ${{ job.status }}"',
      "runs:",
      "  using: node24",
      "  main: index.js",
    ].join("\n");
    expect(actionErrors("action.yml", manifest)).toEqual([
      "action.yml (Line: 5, Col: 18): Unrecognized named-value: 'job'",
    ]);
  });

  it("rejects a workflow with an unknown job key", async () => {
    const workflow = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n";
    expect((await workflowErrors("w.yml", workflow)).join("\n")).toMatch(/stepz/);
  });
});
