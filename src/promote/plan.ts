/**
 * The promotion plan of one environment: the config file's top-level `promotion`, overridden
 * field by field by `environments.<name>.promotion`, then by action inputs, then completed
 * with the built-in defaults. Everything a tick needs to decide is in this one value.
 */
import type { z } from "zod";
import type {
  analysisSchema,
  EnvironmentConfig,
  GreenlightConfig,
  MergeMode,
  PromotionConfig,
} from "../config/schema.js";

export type AnalysisConfig = z.output<typeof analysisSchema>;

export interface MinimumTraffic {
  query: string;
  atLeast: number;
  url?: string;
}

export interface PromotionPlan {
  /** Green weights to move through, increasing, ending at 100. */
  steps: number[];
  /** How long each weight must hold, from when it reached the base branch. */
  bakeMs: number;
  /** merge: the bake starts when the step reached the base; verified: when verify confirmed it. */
  bakeFrom: "merge" | "verified";
  analyses: AnalysisConfig[];
  onFailure: "rollback" | "hold";
  minimumTraffic?: MinimumTraffic;
  merge: MergeMode;
}

export const DEFAULT_STEPS = [10, 50, 100];
export const DEFAULT_BAKE_MS = 5 * 60_000;

export interface PlanOverrides {
  steps?: number[] | undefined;
  bakeMs?: number | undefined;
  bakeFrom?: "merge" | "verified" | undefined;
  onFailure?: "rollback" | "hold" | undefined;
  merge?: MergeMode | undefined;
  analyses?: AnalysisConfig[] | undefined;
}

export function resolvePromotionPlan(
  config: GreenlightConfig | undefined,
  environment: EnvironmentConfig | undefined,
  overrides: PlanOverrides = {},
): PromotionPlan {
  const top: PromotionConfig = config?.promotion ?? {};
  const env: PromotionConfig = environment?.promotion ?? {};
  const traffic = env["minimum-traffic"] ?? top["minimum-traffic"];
  return {
    steps: overrides.steps ?? env.steps ?? top.steps ?? DEFAULT_STEPS,
    bakeMs: overrides.bakeMs ?? env["bake-time"] ?? top["bake-time"] ?? DEFAULT_BAKE_MS,
    bakeFrom: overrides.bakeFrom ?? env["bake-from"] ?? top["bake-from"] ?? "merge",
    analyses: overrides.analyses ?? env.analyses ?? top.analyses ?? [],
    onFailure: overrides.onFailure ?? env["on-failure"] ?? top["on-failure"] ?? "rollback",
    ...(traffic
      ? {
          minimumTraffic: {
            query: traffic.query,
            atLeast: traffic["at-least"],
            ...(traffic.url ? { url: traffic.url } : {}),
          },
        }
      : {}),
    merge: overrides.merge ?? env.merge ?? top.merge ?? environment?.merge ?? "pull-request",
  };
}

/** The next weight after `current`, or undefined when the last step is reached. */
export function nextStep(steps: number[], current: number): number | undefined {
  return steps.find((step) => step > current);
}
