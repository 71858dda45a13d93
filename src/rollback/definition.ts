/** rollback's inputs: the environment and, optionally, the earlier release to put back. */
import { z } from "zod";
import { defineAction } from "../core/action.js";
import { githubAuthSecretInputs } from "../core/github/inputs.js";
import { integerInput, listInput } from "../core/inputs.js";
import {
  connectInfra,
  disconnect,
  infraInputShape,
  resolveInfraTarget,
} from "../release/infra-connection.js";
import { planRollbackBackup, takeRollbackBackup } from "./backup-before-rollback.js";
import { landRollback, planRollback } from "./main.js";
import { rollbackOutputs, rollbackSummary } from "./summary.js";

const inputShape = {
  ...infraInputShape,
  services: listInput.optional(),
  to: z.string().optional(),
  reason: z.string().trim().min(1),
  "history-depth": integerInput
    .refine((n) => n >= 1 && n <= 100, { message: "must be between 1 and 100" })
    .default(50),
  "database-url": z.string().optional(),
  "encryption-key": z.string().min(16, { message: "must be at least 16 characters" }).optional(),
};

const inputs = z.object(inputShape);
type Inputs = z.output<typeof inputs>;

export const rollbackAction = defineAction({
  name: "rollback",
  inputs,
  secretInputs: [...githubAuthSecretInputs, "database-url", "encryption-key"],
  async run(params: Inputs, context) {
    const target = await resolveInfraTarget(params, context);
    const backupPlan = planRollbackBackup(
      target.environment,
      target.env?.["backup-before-rollback"],
      params,
      context,
    );
    // A rollback lands the way the environment allows; without a policy, it opens a pull request.
    const mode = params.merge ?? target.env?.merge ?? "pull-request";
    const connection = await connectInfra(params, target, mode, context);
    try {
      const rollbackParams = {
        environment: target.environment,
        base: target.base,
        file: target.file,
        format: target.format,
        layouts: target.layouts,
        services: params.services ?? [],
        to: params.to,
        reason: params.reason,
        historyDepth: params["history-depth"],
        logUrl: connection.logUrl,
      };
      const deps = {
        source: connection.source,
        lander: connection.lander,
        deployments: connection.deployments,
        clock: context.clock,
        logger: context.logger,
      };
      // A rollback the file cannot record is refused here, before a backup is taken for it.
      const planned = await planRollback(rollbackParams, deps);
      // Before traffic moves, as the environment asked; a failed backup does not hold it up.
      const backedUp = backupPlan ? await takeRollbackBackup(backupPlan, context) : undefined;
      const result = await landRollback(planned, rollbackParams, deps);
      return {
        outputs: {
          ...rollbackOutputs(result),
          backup: backedUp && "location" in backedUp ? backedUp.location : "",
        },
        summary: rollbackSummary(result, target.repository),
        ...(backedUp && "error" in backedUp
          ? {
              failure: `The rollback went ahead, but the backup before it failed: ${backedUp.error.replace(/\.$/, "")}.`,
            }
          : {}),
      };
    } finally {
      await disconnect(connection, params["revoke-token"]);
    }
  },
});
