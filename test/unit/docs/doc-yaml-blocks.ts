/**
 * The ```yaml blocks of the Markdown docs, and what each one is: users copy these first, so
 * the ones that are workflow YAML are held to the rules the workflows follow.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import YAML from "yaml";
import { readRepoFile, root } from "../workflows/workflow-files.js";

/** README.md, every action's README and every page under docs/. */
export const docFiles = [
  "README.md",
  ...readdirSync(join(root, "actions"))
    .sort()
    .map((name) => join("actions", name, "README.md"))
    .filter((file) => existsSync(join(root, file))),
  ...readdirSync(join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => join("docs", name)),
];

/**
 * The line a doc writes right before a block that shows what not to do (docs/migration.md's
 * starting point): such a block is checked to break the rules, not to follow them.
 */
export const COUNTER_EXAMPLE = "<!-- counter-example: breaks the rules on purpose -->";

export interface YamlBlock {
  /** `file:line` of the opening fence. */
  where: string;
  /** The block's text, without the indentation of its fence (a block inside a list item). */
  text: string;
  counterExample: boolean;
}

export function extractYamlBlocks(markdown: string, file: string): YamlBlock[] {
  const lines = markdown.split("\n");
  const blocks: YamlBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( *)```yaml\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const body: string[] = [];
    let end = i + 1;
    for (; end < lines.length && !/^ *```\s*$/.test(lines[end]!); end++) {
      body.push(lines[end]!.slice(Math.min(indent, /^ */.exec(lines[end]!)![0].length)));
    }
    if (end === lines.length) throw new Error(`${file}:${i + 1}: a yaml block is never closed.`);
    blocks.push({
      where: `${file}:${i + 1}`,
      text: `${body.join("\n")}\n`,
      counterExample: i > 0 && lines[i - 1]!.trim() === COUNTER_EXAMPLE,
    });
    i = end;
  }
  return blocks;
}

export const docYamlBlocks = (): YamlBlock[] =>
  docFiles.flatMap((file) => extractYamlBlocks(readRepoFile(file), file));

type Mapping = Record<string, unknown>;
const isMapping = (value: unknown): value is Mapping =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * What a block is, from its shape:
 * - `workflow`: a mapping with `jobs:`;
 * - `job`: a mapping with a `steps:` list (one job, as a README shows it);
 * - `steps`: a list whose every item is a step (has `uses:` or `run:`);
 * - `other`: anything else — a config file, a values file, an action's `with:` inputs, a
 *   checks file. None of the workflow rules has anything to judge there, and
 *   `stepKeysIn` confirms it holds no `uses:` or `run:` that a looser shape would hide.
 */
export type BlockKind = "workflow" | "job" | "steps" | "other";

export function blockKind(value: unknown): BlockKind {
  if (isMapping(value) && "jobs" in value) return "workflow";
  if (isMapping(value) && Array.isArray(value["steps"])) return "job";
  const isStep = (item: unknown) => isMapping(item) && ("uses" in item || "run" in item);
  if (Array.isArray(value) && value.length > 0 && value.every(isStep)) return "steps";
  return "other";
}

/** The paths of every `uses:` or `run:` key in a parsed document, at any depth. */
export function stepKeysIn(value: unknown, path = "$"): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => stepKeysIn(item, `${path}[${i}]`));
  if (!isMapping(value)) return [];
  return Object.entries(value).flatMap(([key, item]) => [
    ...(key === "uses" || key === "run" ? [`${path}.${key}`] : []),
    ...stepKeysIn(item, `${path}.${key}`),
  ]);
}

export function parseBlock(block: YamlBlock): unknown {
  return YAML.parse(block.text) as unknown;
}
