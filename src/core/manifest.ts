/**
 * An action's interface as `actions/<name>/action.yml` writes it down: input names, defaults,
 * required flags and declared outputs. This module holds the shape and no parser, so the
 * action bundle can read the copy scripts/build.mjs writes as JSON without loading a YAML
 * parser on every start; src/core/action-manifest.ts reads the YAML itself.
 */
import { join } from "node:path";
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

type ManifestDocument = Partial<Omit<ActionManifest, "inputs" | "outputs">> & {
  inputs?: Record<string, { description?: string; required?: boolean; default?: unknown } | null>;
  outputs?: Record<string, { description?: string } | null>;
};

/** The manifest from a parsed action.yml (YAML or its JSON copy), with defaults as strings. */
export function manifestFromDocument(document: unknown): ActionManifest {
  const doc = (document ?? {}) as ManifestDocument;
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

/** Whether a default is a GitHub expression (`${{ github.token }}`) only a runner can fill. */
export function isExpression(value: string): boolean {
  return value.includes("${{");
}
