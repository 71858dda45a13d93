/**
 * A called workflow can read only the inputs and secrets its `workflow_call` declares: a
 * caller has no way to pass anything else, so a job reading one is a bug that no run of
 * the caller would ever notice (the value is always empty).
 */
import type { TemplateToken } from "@actions/workflow-parser/templates/tokens/template-token";
import { isBasicExpression, isMapping, isString } from "@actions/workflow-parser";
import { TemplateToken as Token } from "@actions/workflow-parser/templates/tokens/template-token";
import type { LoadedWorkflow } from "./load.js";
import { child, WorkflowError } from "./load.js";

const REFERENCE = /\b(inputs|secrets)\s*(?:\.\s*([A-Za-z_][\w-]*)|\[\s*'([^']+)'\s*\])/g;

function declared(token: TemplateToken | undefined): Set<string> {
  const names = new Set<string>();
  if (token && isMapping(token))
    for (const pair of token) if (isString(pair.key)) names.add(pair.key.value.toLowerCase());
  return names;
}

export function checkDeclaredReferences(workflow: LoadedWorkflow): void {
  const call = child(child(workflow.root, "on"), "workflow_call");
  const allowed = {
    inputs: declared(child(call, "inputs")),
    secrets: declared(child(call, "secrets")),
  };
  allowed.secrets.add("github_token");
  const jobs = child(workflow.root, "jobs");
  if (!jobs) return;
  for (const [, token] of Token.traverse(jobs)) {
    if (!isBasicExpression(token)) continue;
    for (const match of token.expression.matchAll(REFERENCE)) {
      const kind = match[1] as "inputs" | "secrets";
      const name = (match[2] ?? match[3])!;
      if (!allowed[kind].has(name.toLowerCase()))
        throw new WorkflowError(
          `${workflow.file} reads ${kind}.${name}, which no caller can pass: declare it under on.workflow_call.${kind}.`,
        );
    }
  }
}
