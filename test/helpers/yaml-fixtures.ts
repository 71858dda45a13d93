import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const YAML_FIXTURES = fileURLToPath(new URL("../fixtures/yaml/", import.meta.url));

/** A YAML fixture's exact text (line endings and markers as stored). */
export function readYamlFixture(name: string): string {
  return readFileSync(YAML_FIXTURES + name, "utf8");
}

/**
 * The lines that differ between two texts of the same line count, as [before, after]
 * pairs: an edit of scalars never adds or removes a line.
 */
export function changedLines(before: string, after: string): [string, string][] {
  const a = before.split("\n");
  const b = after.split("\n");
  if (a.length !== b.length) throw new Error(`line count changed: ${a.length} → ${b.length}`);
  return a.flatMap((line, i): [string, string][] => (line === b[i] ? [] : [[line, b[i]!]]));
}
