/**
 * The decision of one tick, as a pure function of where the release stands, the plan, the
 * time and the analyses' evidence. At most one thing happens per tick.
 */
import type { AnalysisEvidence } from "./analyses/types.js";
import type { PromotionPlan } from "./plan.js";
import { nextStep } from "./plan.js";
import type { ReleasePhase } from "../release/release-state.js";

export type DecisionKind = "idle" | "wait" | "advance" | "finalize" | "rollback" | "hold";

export interface Decision {
  decision: DecisionKind;
  reason: string;
  services: string[];
  /** The green weight after an advance. */
  targetWeight?: number;
  /** While baking: how long until the current weight has baked. */
  bakeRemainingMs?: number;
  /** A hold because an analysis failed and the plan holds for a person (on-failure: hold). */
  heldForPerson?: true;
}

export interface DecideInput {
  phase: ReleasePhase;
  plan: PromotionPlan;
  now: Date;
  /** When the current step's bake started. */
  stageStart?: Date | undefined;
  /** Set when the bake has not started yet, and why. */
  awaiting?: string;
  evidence: AnalysisEvidence[];
}

function names(evidence: AnalysisEvidence[]): string {
  return evidence.map((e) => `${e.name} (${e.reason})`).join(", ");
}

function onFailure(input: DecideInput, services: string[], failed: AnalysisEvidence[]): Decision {
  const reason = `analysis failed: ${names(failed)}`;
  return input.plan.onFailure === "rollback"
    ? { decision: "rollback", reason, services }
    : {
        decision: "hold",
        reason: `${reason}; the plan holds for a person to decide`,
        services,
        heldForPerson: true,
      };
}

export function formatMs(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return s % 60 ? `${m}m${s % 60}s` : `${m}m`;
}

export function decide(input: DecideInput): Decision {
  const { phase, plan, evidence } = input;
  if (phase.kind === "idle") return { decision: "idle", reason: phase.reason, services: [] };
  const services = phase.services;
  const failed = evidence.filter((e) => e.verdict === "failed");

  if (phase.kind === "deployed") {
    // No traffic reaches green yet, so only checks that call it directly can judge it.
    if (failed.length > 0) return onFailure(input, services, failed);
    const first = plan.steps[0]!;
    return {
      decision: "advance",
      reason: `the release is deployed; its first step is ${first}%`,
      services,
      targetWeight: first,
    };
  }

  const traffic = evidence.find((e) => e.kind === "minimum-traffic");
  if (traffic && traffic.verdict !== "passed") {
    return {
      decision: "hold",
      reason: `${traffic.reason} (${traffic.measured}, ${traffic.threshold})`,
      services,
    };
  }
  if (failed.length > 0) return onFailure(input, services, failed);

  if (input.awaiting) {
    return {
      decision: "wait",
      reason: `${phase.weight}% has not started baking: ${input.awaiting}`,
      services,
    };
  }
  const stageStart = input.stageStart?.getTime() ?? input.now.getTime();
  // Time a series has no number for (green not yet taking traffic, no requests) does not
  // count toward the bake: it lasts that much longer.
  const gap = evidence
    .filter((e) => (e.unmeasuredMs ?? 0) > 0)
    .sort((a, b) => b.unmeasuredMs! - a.unmeasuredMs!)[0];
  const remaining = stageStart + plan.bakeMs + (gap?.unmeasuredMs ?? 0) - input.now.getTime();
  if (remaining > 0) {
    const unmeasured = gap
      ? `; ${gap.name} had no number for ${formatMs(gap.unmeasuredMs!)} of it, which the bake does not count`
      : "";
    return {
      decision: "wait",
      reason: `${phase.weight}% is baking${unmeasured}; ${formatMs(remaining)} to go`,
      services,
      bakeRemainingMs: remaining,
    };
  }
  const unsure = evidence.filter((e) => e.verdict === "inconclusive");
  if (unsure.length > 0) {
    return { decision: "hold", reason: `no verdict yet: ${names(unsure)}`, services };
  }
  const next = nextStep(plan.steps, phase.weight);
  if (next === undefined || phase.weight >= 100) {
    return {
      decision: "finalize",
      reason: `100% baked for ${formatMs(plan.bakeMs)} and every analysis passed`,
      services,
    };
  }
  return {
    decision: "advance",
    reason: `${phase.weight}% baked for ${formatMs(plan.bakeMs)} and every analysis passed`,
    services,
    targetWeight: next,
  };
}
