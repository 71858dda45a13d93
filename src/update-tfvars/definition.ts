import { z } from "zod";
import { loadConfig } from "../config/load.js";
import type { GreenlightConfig } from "../config/schema.js";
import { releaseFileFormatSchema } from "../config/schema.js";
import { defineAction } from "../core/action.js";
import { ConfigurationError } from "../core/errors.js";
import { booleanInput, listInput } from "../core/inputs.js";
import { editInputShape, editRequestFrom, releaseEditFrom } from "../release-file/edit-inputs.js";
import { updateTfvars } from "./main.js";
import { hasReleaseEdit } from "../release-file/plan-edit.js";
import { updateTfvarsSummary } from "./summary.js";
import { workspaceReleaseFiles } from "./workspace-release-files.js";

const inputShape = {
  file: listInput.refine((files) => files.length > 0, { message: "must name at least one file" }),
  ...editInputShape,
  format: releaseFileFormatSchema.optional(),
  "config-file": z.string().optional(),
  environment: z.string().optional(),
  "dry-run": booleanInput.default(false),
};

const inputs = z.object(inputShape);
type Inputs = z.output<typeof inputs>;

function environmentRules(config: GreenlightConfig | undefined, environment: string | undefined) {
  if (!environment) return undefined;
  const env = config?.environments[environment];
  if (!env) {
    const known = Object.keys(config?.environments ?? {});
    throw new ConfigurationError(
      config
        ? `Input "environment" is "${environment}", which the config file does not define; known environments: ${known.join(", ") || "none"}.`
        : `Input "environment" is "${environment}", but there is no config file to define it; create .github/greenlight.yml or drop the input.`,
    );
  }
  return env;
}

export const updateTfvarsAction = defineAction({
  name: "update-tfvars",
  inputs,
  async run(params: Inputs, context) {
    const release = releaseEditFrom(params);
    if (!params.set?.length && !hasReleaseEdit(release)) {
      throw new ConfigurationError(
        `Nothing to change: give at least one of the inputs set, images, desired-counts, weights, finalize or rollback.`,
      );
    }
    const config = await loadConfig({
      cwd: context.cwd,
      ...(params["config-file"] ? { path: params["config-file"], required: true } : {}),
    });
    const env = environmentRules(config, params.environment);
    const result = await updateTfvars(
      {
        files: params.file,
        dryRun: params["dry-run"],
        request: {
          ...editRequestFrom(params, config, env, params.environment),
          ...(params.format ? { format: params.format } : {}),
        },
      },
      { files: workspaceReleaseFiles(context.cwd), logger: context.logger },
    );
    return {
      outputs: {
        changed: String(result.changed),
        changes: JSON.stringify(result.changes),
        diff: result.diff,
      },
      summary: updateTfvarsSummary(result),
    };
  },
});
