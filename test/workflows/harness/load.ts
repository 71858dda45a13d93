/**
 * Workflows and action manifests read with GitHub's parser (@actions/workflow-parser): the
 * converted model (jobs, needs, if, steps, environment, workflow_call) plus the raw token
 * tree for what the model leaves out (a step's `with`, a job's `permissions`). A file the
 * parser reports any error for is refused, as GitHub refuses to start such a run.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { WorkflowTemplate } from "@actions/workflow-parser";
import type { TemplateToken } from "@actions/workflow-parser/templates/tokens/template-token";
import {
  convertWorkflowTemplate,
  isMapping,
  isString,
  NoOperationTraceWriter,
  parseWorkflow,
} from "@actions/workflow-parser";
import {
  convertActionTemplate,
  parseAction,
  type ActionTemplate,
} from "@actions/workflow-parser/actions/index";
import type { MappingToken } from "@actions/workflow-parser/templates/tokens/mapping-token";
import type { FileReference } from "@actions/workflow-parser/workflows/file-reference";
import { packageRoot } from "../../../src/core/package-root.js";

export const repoRoot = packageRoot();

/** The owner/name Greenlight's workflows and actions are published under. */
export const GREENLIGHT_REPO = "greenlight-actions/greenlight";

export interface LoadedWorkflow {
  /** Path relative to the repository (or absolute, for files outside it), for messages. */
  file: string;
  path: string;
  template: WorkflowTemplate;
  /** The parser's raw token tree: the root mapping. */
  root: MappingToken;
}

export class WorkflowError extends Error {}

/** A child of a mapping token by key, or undefined. */
export function child(token: TemplateToken | undefined, key: string): TemplateToken | undefined {
  return token && isMapping(token) ? token.find(key) : undefined;
}

/** `owner/greenlight/.github/workflows/x.yml@ref` or `./.github/workflows/x.yml` → a local file. */
export function resolveWorkflowRef(ref: string, callerDir: string): string {
  if (ref.startsWith("./")) return join(callerDir, ref);
  const match = /^([^/]+\/[^/]+)\/(\.github\/workflows\/[^@]+)@.+$/.exec(ref);
  if (!match || match[1] !== GREENLIGHT_REPO)
    throw new WorkflowError(
      `The harness runs only Greenlight's reusable workflows; cannot call ${ref}.`,
    );
  return join(repoRoot, match[2]!);
}

function display(path: string): string {
  const rel = relative(repoRoot, path);
  return rel.startsWith("..") ? path : rel;
}

const fileProvider = (callerDir: string) => ({
  getFileContent(ref: FileReference) {
    const spec =
      "repository" in ref
        ? `${ref.owner}/${ref.repository}/${ref.path}@${ref.version}`
        : `./${ref.path}`;
    const path = resolveWorkflowRef(spec, callerDir);
    return Promise.resolve({ name: display(path), content: readFileSync(path, "utf8") });
  },
});

/**
 * Parses and converts a workflow; called workflows are fetched one level deep so that the
 * parser checks the caller's `with` and `secrets` against their `workflow_call`.
 */
export async function loadWorkflow(path: string, content = readFileSync(path, "utf8")) {
  const name = display(path);
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (errors.length > 0 || !parsed.value)
    throw new WorkflowError(`GitHub's parser rejects ${name}: ${errors.join("; ")}`);
  const checked = await convertWorkflowTemplate(
    parsed.context,
    parsed.value,
    fileProvider(join(dirname(path), "..", "..")),
    { fetchReusableWorkflowDepth: 1 },
  );
  if (checked.errors?.length)
    throw new WorkflowError(
      `GitHub's parser rejects ${name}: ${checked.errors.map((e) => e.Message).join("; ")}`,
    );
  const fresh = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const template = await convertWorkflowTemplate(fresh.context, fresh.value!);
  const root = fresh.value!;
  if (!isMapping(root)) throw new WorkflowError(`${name} is not a mapping.`);
  return { file: name, path, template, root } satisfies LoadedWorkflow;
}

export interface LoadedAction {
  dir: string;
  template: ActionTemplate;
}

/** An action manifest (action.yml) read with the parser's action schema. */
export function loadAction(dir: string): LoadedAction {
  const file = join(dir, "action.yml");
  if (!existsSync(file)) throw new WorkflowError(`No action.yml in ${display(dir)}.`);
  const parsed = parseAction(
    { name: display(file), content: readFileSync(file, "utf8") },
    new NoOperationTraceWriter(),
  );
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (errors.length > 0 || !parsed.value)
    throw new WorkflowError(`GitHub's parser rejects ${display(file)}: ${errors.join("; ")}`);
  return { dir, template: convertActionTemplate(parsed.context, parsed.value) };
}

/** `greenlight-actions/greenlight/actions/<name>@ref`, or the root action, as a local folder. */
export function greenlightActionDir(uses: string): string | undefined {
  const match = /^([^/]+\/[^/@]+)(\/actions\/[a-z0-9-]+)?@.+$/.exec(uses);
  if (!match || match[1] !== GREENLIGHT_REPO) return undefined;
  return join(repoRoot, match[2] ? match[2].slice(1) : "");
}

export { isString };
