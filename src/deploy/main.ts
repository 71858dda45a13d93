/**
 * The all-in-one deploy: build and push the images, then write them into the green side of
 * the environment's tfvars through open-pr. Each half is a whole action of its own; this
 * module only decides what runs and what the deploy reports.
 */
import type { ActionResult } from "../core/action.js";
import type { Logger } from "../core/logger.js";

export const BUILD_OUTPUTS = ["images", "digests", "tags", "metadata"] as const;
export const LAND_OUTPUTS = [
  "operation",
  "pull-request-number",
  "pull-request-url",
  "head-sha",
  "merge-sha",
  "branch",
  "changes",
  "superseded",
] as const;
export type DeployOutput = (typeof BUILD_OUTPUTS)[number] | (typeof LAND_OUTPUTS)[number];

export interface DeploySteps {
  /** build-push with the deploy's build inputs. */
  build(): Promise<ActionResult>;
  /** open-pr with the deploy's landing inputs and `images` (build-push's images output). */
  land(images: string): Promise<ActionResult>;
}

function pick<K extends string>(
  outputs: Partial<Record<string, string>>,
  names: readonly K[],
): Partial<Record<K, string>> {
  const picked: Partial<Record<K, string>> = {};
  for (const name of names) {
    const value = outputs[name];
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}

function builtNothing(images: string | undefined): boolean {
  if (!images) return true;
  try {
    const parsed: unknown = JSON.parse(images);
    return typeof parsed !== "object" || parsed === null || Object.keys(parsed).length === 0;
  } catch {
    return true;
  }
}

export async function deploy(
  steps: DeploySteps,
  logger: Logger,
): Promise<ActionResult<DeployOutput>> {
  const built = await logger.group("Build and push the images", () => steps.build());
  const buildOutputs = pick(built.outputs, BUILD_OUTPUTS);
  // A failed build (an image over its size budget, a push the registry did not keep) must
  // never reach the infra repository: the green side would point at something unproven.
  if (built.failure) {
    return { outputs: buildOutputs, summary: built.summary ?? [], failure: built.failure };
  }
  if (builtNothing(buildOutputs.images)) {
    return {
      outputs: buildOutputs,
      summary: built.summary ?? [],
      failure:
        "build-push produced no images, so there is nothing to deploy; check the services input or the config file's services.",
    };
  }
  const landed = await logger.group("Write the green release to the infra repository", () =>
    steps.land(buildOutputs.images ?? ""),
  );
  return {
    outputs: { ...buildOutputs, ...pick(landed.outputs, LAND_OUTPUTS) },
    summary: [...(built.summary ?? []), ...(landed.summary ?? [])],
    ...(landed.failure ? { failure: landed.failure } : {}),
  };
}
