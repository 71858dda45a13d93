/**
 * promote's inputs: the environment's promotion plan from the config file, overridable by
 * inputs, compiled in full (conditions, checks) before the first API call.
 */
import { analysisTransport } from "./transport.js";
import { z } from "zod";
import { analysisSchema } from "../config/schema.js";
import { defineAction } from "../core/action.js";
import { ConfigurationError } from "../core/errors.js";
import { githubAuthSecretInputs } from "../core/github/inputs.js";
import { booleanInput, durationInput, listInput, structuredInput } from "../core/inputs.js";
import { compileAnalyses, minimumTrafficUrl } from "./analyses/index.js";
import {
  connectInfra,
  disconnect,
  infraInputShape,
  resolveInfraTarget,
} from "../release/infra-connection.js";
import { promote } from "./main.js";
import type { AnalysisConfig } from "./plan.js";
import { resolvePromotionPlan } from "./plan.js";
import { promoteOutputs, promoteSummary } from "./summary.js";

const stepsInput = listInput.transform((items, ctx) => {
  const steps = items.map(Number);
  const valid =
    steps.length > 0 &&
    steps.every(
      (s, i) => Number.isInteger(s) && s > 0 && s <= 100 && (i === 0 || s > steps[i - 1]!),
    ) &&
    steps.at(-1) === 100;
  if (!valid) {
    ctx.addIssue({
      code: "custom",
      message: "must be increasing percentages ending at 100, such as 10,50,100",
    });
    return z.NEVER;
  }
  return steps;
});

const analysesInput = structuredInput.transform((value, ctx) => {
  const parsed = z.array(analysisSchema).safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    ctx.addIssue({
      code: "custom",
      message: `must be a list of analyses (${issue.path.join(".") || "list"}: ${issue.message})`,
    });
    return z.NEVER;
  }
  return parsed.data as AnalysisConfig[];
});

const inputShape = {
  ...infraInputShape,
  steps: stepsInput.optional(),
  "bake-time": durationInput.optional(),
  "bake-from": z.enum(["merge", "verified"]).optional(),
  "on-failure": z.enum(["rollback", "hold"]).optional(),
  analyses: analysesInput.optional(),
  "dry-run": booleanInput.default(false),
};

const inputs = z.object(inputShape);
type Inputs = z.output<typeof inputs>;

export const promoteAction = defineAction({
  name: "promote",
  inputs,
  secretInputs: githubAuthSecretInputs,
  async run(params: Inputs, context) {
    const target = await resolveInfraTarget(params, context);
    const plan = resolvePromotionPlan(target.config, target.env, {
      steps: params.steps,
      bakeMs: params["bake-time"],
      bakeFrom: params["bake-from"],
      onFailure: params["on-failure"],
      merge: params.merge,
      analyses: params.analyses,
    });
    const analyses = compileAnalyses(plan.analyses, context.env, (v) => context.secrets.add(v));
    const trafficUrl = plan.minimumTraffic
      ? minimumTrafficUrl(plan.minimumTraffic, analyses)
      : undefined;
    if (plan.bakeFrom === "verified" && !analyses.some((a) => a.kind === "verify")) {
      throw new ConfigurationError(
        `The promotion plan bakes from verification (bake-from: verified) but has no verify analysis; add one with the checks that prove the new version answers, or bake from merge.`,
      );
    }
    if (plan.steps.length === 0) {
      throw new ConfigurationError(
        `Input "steps" is empty; give the weights to move through, such as 10,50,100.`,
      );
    }
    const connection = await connectInfra(params, target, plan.merge, context);
    try {
      const result = await promote(
        {
          environment: target.environment,
          base: target.base,
          file: target.file,
          format: target.format,
          layouts: target.layouts,
          plan,
          analyses,
          minimumTrafficUrl: trafficUrl,
          dryRun: params["dry-run"],
          logUrl: connection.logUrl,
        },
        {
          source: connection.source,
          lander: connection.lander,
          deployments: connection.deployments,
          verifications: connection.verifications,
          clock: context.clock,
          logger: context.logger,
          secrets: context.secrets,
          ...analysisTransport(context.env),
          env: context.env,
        },
      );
      return {
        outputs: promoteOutputs(result),
        summary: promoteSummary(result, target.repository),
        ...(result.decision === "rollback"
          ? { failure: `The release was rolled back: ${result.reason}` }
          : {}),
      };
    } finally {
      await disconnect(connection, params["revoke-token"]);
    }
  },
});
