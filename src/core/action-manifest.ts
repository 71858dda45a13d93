/**
 * Reads `actions/<name>/action.yml`: the one place where input names, defaults, required
 * flags and declared outputs are written down. The CLI, the tests and the action runner
 * (through the JSON copy in dist/) all read it, so they cannot disagree about an action's
 * interface. The shape lives in ./manifest.ts.
 */
import { readFileSync } from "node:fs";
import YAML from "yaml";
import type { ActionManifest } from "./manifest.js";
import { manifestFromDocument, manifestPath } from "./manifest.js";

export type { ActionManifest, ManifestInput } from "./manifest.js";
export { isExpression, manifestPath, ROOT_ACTION } from "./manifest.js";

export function parseManifest(text: string): ActionManifest {
  return manifestFromDocument(YAML.parse(text));
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
