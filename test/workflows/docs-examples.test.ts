/**
 * Every workflow example in the docs is one GitHub would start: GitHub's parser accepts it
 * and its calls (inputs and secrets checked against each called workflow's workflow_call),
 * and every job of each called workflow asks for no more permissions than the calling job
 * grants. The examples that can run here also run as scenarios (pipeline, notifications).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/run-context.js";
import { checkWorkflow } from "../unit/workflows/workflow-rules.js";
import { headerExample, yamlBlocks } from "./docs-examples.js";
import { child, loadWorkflow, resolveWorkflowRef } from "./harness/load.js";
import { checkCalledJobPermissions, effectivePermissions } from "./harness/permissions.js";
import { checkDeclaredReferences } from "./harness/references.js";

const DOCS = ["docs/workflows.md", "docs/deploy-action.md", "docs/migration.md", "README.md"];

const REUSABLE = ["deploy", "promote", "rollback", "backup"].map(
  (name) => `.github/workflows/${name}.yml`,
);

const examples = [
  ...DOCS.flatMap((doc) =>
    yamlBlocks(doc)
      .filter((block) => /^on:/m.test(block) && /^jobs:/m.test(block))
      .map((block, index) => [`${doc} #${index + 1}`, block] as const),
  ),
  ...REUSABLE.map((file) => [`${file} (header)`, headerExample(file)] as const),
];

describe("workflow examples in the docs", () => {
  it("finds the examples", () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(REUSABLE)("%s shows a caller that follows the security rules", (file) => {
    expect(checkWorkflow(headerExample(file), `${file} (header)`)).toEqual([]);
  });

  it.each(examples)("%s is a run GitHub would start", async (_name, block) => {
    const dir = tempDir("greenlight-docs-example-");
    const file = join(dir, "example.yml");
    writeFileSync(file, block);
    const workflow = await loadWorkflow(file);
    const jobs = child(workflow.root, "jobs");
    for (const job of workflow.template.jobs) {
      if (job.type !== "reusableWorkflowJob") continue;
      const called = await loadWorkflow(resolveWorkflowRef(job.ref.value, dir));
      checkDeclaredReferences(called);
      const grant = effectivePermissions(workflow.root, child(jobs, job.id.value));
      const calledJobs = child(called.root, "jobs");
      for (const calledJob of called.template.jobs)
        checkCalledJobPermissions(
          `${job.id.value} / ${calledJob.id.value}`,
          effectivePermissions(called.root, child(calledJobs, calledJob.id.value)),
          grant,
        );
    }
  });
});
