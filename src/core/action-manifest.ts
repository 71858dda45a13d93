/**
 * Reads `actions/<name>/action.yml`: the one place where input names, defaults, required
 * flags and declared outputs are written down. The CLI and the action runner both use it,
 * so they cannot disagree about an action's interface.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import YAML from "yaml";
import { packageRoot } from "./package-root.js";

export interface ManifestInput {
  description: string;
  required: boolean;
  default?: string;
}

export interface ActionManifest {
  name: string;
  description: string;
  inputs: Record<string, ManifestInput>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main?: string; post?: string; "post-if"?: string };
}

/** The all-in-one action lives at the repository root, so `uses: owner/greenlight@v1` runs it. */
export const ROOT_ACTION = "deploy";

export function manifestPath(action: string): string {
  if (action === ROOT_ACTION) return join(packageRoot(), "action.yml");
  return join(packageRoot(), "actions", action, "action.yml");
}

export function parseManifest(text: string): ActionManifest {
  const doc = YAML.parse(text) as Partial<ActionManifest> & {
    inputs?: Record<string, { description?: string; required?: boolean; default?: unknown }>;
  };
  const inputs: Record<string, ManifestInput> = {};
  for (const [name, spec] of Object.entries(doc.inputs ?? {})) {
    inputs[name] = {
      description: spec?.description ?? "",
      required: spec?.required === true,
      ...(spec?.default !== undefined ? { default: String(spec.default) } : {}),
    };
  }
  const outputs: Record<string, { description: string }> = {};
  for (const [name, spec] of Object.entries(doc.outputs ?? {})) {
    outputs[name] = { description: spec?.description ?? "" };
  }
  return {
    name: doc.name ?? "",
    description: doc.description ?? "",
    inputs,
    outputs,
    runs: doc.runs ?? { using: "" },
  };
}

const cache = new Map<string, ActionManifest>();

export function loadManifest(action: string): ActionManifest {
  let manifest = cache.get(action);
  if (!manifest) {
    manifest = parseManifest(readFileSync(manifestPath(action), "utf8"));
    cache.set(action, manifest);
  }
  return manifest;
}

/** Whether a default is a GitHub expression (`${{ github.token }}`) only a runner can fill. */
export function isExpression(value: string): boolean {
  return value.includes("${{");
}
