/**
 * What to build must come from somewhere: the `services` input or a config file. Checked
 * from the raw inputs and the workspace, so a step with neither fails before the build code
 * is loaded; the build checks the same with the same sentence once it reads the config.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_CONFIG_PATH } from "../config/default-path.js";

export const SERVICES_REQUIRED = `Input "services" is required without a config file: list the services to build, e.g. api=.#api (one per line), or a map of service → context, dockerfile, target.`;

/** The sentence when neither `services` nor `config-file` is given and no config file exists. */
export function missingServices(
  raw: Record<string, string | undefined>,
  workspace: string,
): string[] {
  if (raw["services"]?.trim() || raw["config-file"]?.trim()) return [];
  return existsSync(join(workspace, DEFAULT_CONFIG_PATH)) ? [] : [SERVICES_REQUIRED];
}
