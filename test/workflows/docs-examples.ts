/**
 * The YAML examples of docs/workflows.md, extracted so the scenarios run exactly what the
 * documentation shows (and the docs cannot drift from what runs).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./harness/load.js";

export function yamlBlocks(doc: string): string[] {
  const text = readFileSync(join(repoRoot, doc), "utf8");
  return [...text.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
}

/** The workflow example of `doc` whose top-level `name:` is `name`. */
export function workflowExample(doc: string, name: string): string {
  const found = yamlBlocks(doc).filter((block) => new RegExp(`^name: ${name}$`, "m").test(block));
  if (found.length !== 1)
    throw new Error(`${doc} has ${found.length} workflow examples named ${name}.`);
  return found[0]!;
}

/**
 * The caller each reusable workflow shows in its header comment, as a workflow file: the
 * comment marks taken off, `<owner>` and `<sha>` filled in as the docs' examples pin them.
 */
export function headerExample(workflow: string): string {
  const text = readFileSync(join(repoRoot, workflow), "utf8");
  const lines = text.split("\n");
  const start = lines.findIndex((line) =>
    line.startsWith("# Called from an application repository"),
  );
  if (start < 0) throw new Error(`${workflow} shows no caller in its header.`);
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith("#   ")) break;
    body.push(line.slice(4));
  }
  return `${body.join("\n")}\n`
    .replaceAll("<owner>/greenlight", "greenlight-actions/greenlight")
    .replace(/@<sha> # v1\.0\.0/g, `@${"0".repeat(40)} # v0.1.0`);
}
