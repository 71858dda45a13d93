/**
 * A series of measurements judged the way a controller that measured every `interval`
 * would have judged it: too many failing measurements is a failure, missing or NaN values
 * never pass, and a long enough run of them counts as failure only when the plan says so.
 * The series comes from the metrics store itself, so no tick has to remember earlier ones.
 */
import type { Conditions } from "../conditions.js";
import { describeThreshold, judgeMeasurement } from "../conditions.js";
import type { Verdict } from "./types.js";

export interface Sample {
  /** Unix time in ms. */
  at: number;
  value: number;
}

export interface SeriesRules {
  conditions: Conditions;
  failureLimit: number;
  consecutiveErrorLimit: number;
  onMissingData: "hold" | "fail";
}

export interface SeriesVerdict {
  verdict: Verdict;
  measured: string;
  threshold: string;
  reason: string;
  value?: number;
}

export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

/**
 * `missingAtEnd` is how many expected measurements at the end of the window have no sample
 * (the query returned nothing for them).
 */
export function judgeSeries(
  samples: Sample[],
  missingAtEnd: number,
  rules: SeriesRules,
): SeriesVerdict {
  const threshold = describeThreshold(rules.conditions);
  const verdicts = samples.map((s) =>
    Number.isFinite(s.value) ? judgeMeasurement(rules.conditions, s.value) : "inconclusive",
  );
  const failures = verdicts.filter((v) => v === "failed").length;
  // Missing, NaN and neither-condition measurements at the end: no verdict yet.
  let streak = missingAtEnd;
  if (missingAtEnd === 0) {
    for (let i = verdicts.length - 1; i >= 0 && verdicts[i] === "inconclusive"; i--) streak++;
  }
  const last = samples.at(-1);
  const latest = last && missingAtEnd === 0 ? formatValue(last.value) : "no data";
  const measured = `${latest} (latest); ${failures} of ${samples.length} measurements failing`;
  const value =
    last && Number.isFinite(last.value) && missingAtEnd === 0 ? { value: last.value } : {};
  if (failures > rules.failureLimit) {
    return {
      verdict: "failed",
      measured,
      threshold,
      reason: `${failures} failing measurements, more than the failure limit of ${rules.failureLimit}`,
      ...value,
    };
  }
  if (streak > 0) {
    const what =
      samples.length === 0
        ? "no data yet"
        : `the last ${streak} measurements are missing, NaN or meet neither condition`;
    if (rules.onMissingData === "fail" && streak > rules.consecutiveErrorLimit) {
      return {
        verdict: "failed",
        measured,
        threshold,
        reason: `${what}, more than the consecutive-error limit of ${rules.consecutiveErrorLimit}`,
      };
    }
    return { verdict: "inconclusive", measured, threshold, reason: what };
  }
  return {
    verdict: "passed",
    measured,
    threshold,
    reason:
      failures === 0
        ? "every measurement passed"
        : `${failures} failing, within the failure limit of ${rules.failureLimit}`,
    ...value,
  };
}

/**
 * How long a series had no number for (missing, or NaN: an error ratio over no requests,
 * before the step is applied or while green takes no traffic), from `from` up to its latest
 * number: time the bake cannot count. Measurements without a number after the latest one
 * already make the verdict inconclusive. Points sit on the grid start + k × step.
 */
export function unmeasuredMs(
  samples: Sample[],
  grid: { start: number; step: number; from: number },
): number {
  const { start, step, from } = grid;
  const numbers = samples.filter((s) => Number.isFinite(s.value) && s.at >= from);
  const latest = numbers.at(-1);
  if (!latest) return 0;
  const points = Math.floor((latest.at - start) / step) - Math.ceil((from - start) / step) + 1;
  return Math.max(0, points - numbers.length) * step;
}
