/**
 * The one sentence for a required input left out, and the check both runners start with.
 * It needs no schema, so an action fails on a missing input before its code is loaded.
 */
import type { ActionManifest } from "./manifest.js";

export function requiredInputMessage(name: string): string {
  return `Input "${name}" is required; set it in the step's \`with:\`.`;
}

/** A sentence for each input action.yml marks `required: true` that is empty or not given. */
export function missingRequiredInputs(
  manifest: ActionManifest,
  raw: Record<string, string | undefined>,
): string[] {
  return Object.entries(manifest.inputs)
    .filter(([name, spec]) => spec.required && !raw[name])
    .map(([name]) => requiredInputMessage(name));
}
