/**
 * An emergency override is recorded with the reason for it, so it needs one whether or not
 * a deploy window is set, and a reason needs the override. Checked from the raw inputs too,
 * so an override without a reason fails before the preflight code is loaded.
 */
import { parseBooleanText } from "../core/boolean-text.js";

export const MIN_REASON_LENGTH = 10;

/** The sentences for an override without a reason, or a reason without the override. */
export function overrideReasonProblems(override: boolean, reason: string | undefined): string[] {
  if (override && (!reason || reason.length < MIN_REASON_LENGTH)) {
    return [
      `Input "override-reason" is required with emergency-override (at least ${MIN_REASON_LENGTH} characters); say why this deploy cannot wait, e.g. "hotfix for incident INC-123" — it is recorded in the summary and the report.`,
    ];
  }
  if (!override && reason) {
    return [
      `Input "override-reason" is set but "emergency-override" is not true; set emergency-override: true to override the deploy window, or remove the reason.`,
    ];
  }
  return [];
}

/** The same check on the raw inputs (a malformed boolean is left to the schema). */
export function overridePrecheck(raw: Record<string, string | undefined>): string[] {
  const override = parseBooleanText(raw["emergency-override"] ?? "");
  if (override === undefined) return [];
  return overrideReasonProblems(override, raw["override-reason"]?.trim() || undefined);
}
