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
