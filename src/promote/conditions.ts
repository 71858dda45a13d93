/**
 * Success and failure conditions of an analysis: `result < 0.05`, `result >= 0.99`, joined
 * with `&&` or `||` (no parentheses, `&&` binds tighter). Deliberately tiny: a condition is
 * compared against one number, and anything else is a configuration mistake caught before
 * the first measurement.
 */
import { ConfigurationError } from "../core/errors.js";

type Operator = "<" | "<=" | ">" | ">=" | "==" | "!=";

interface Comparison {
  operator: Operator;
  threshold: number;
}

export interface Condition {
  text: string;
  /** Alternatives (||) of conjunctions (&&). */
  anyOf: Comparison[][];
}

const COMPARISON = /^(?:result|value)\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)$/i;
const REVERSED = /^(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*(<=|>=|==|!=|<|>)\s*(?:result|value)$/i;
const FLIP: Record<Operator, Operator> = {
  "<": ">",
  "<=": ">=",
  ">": "<",
  ">=": "<=",
  "==": "==",
  "!=": "!=",
};

function parseComparison(text: string, where: string): Comparison {
  const clause = text.trim();
  const direct = COMPARISON.exec(clause);
  if (direct) return { operator: direct[1] as Operator, threshold: Number(direct[2]) };
  const reversed = REVERSED.exec(clause);
  if (reversed) return { operator: FLIP[reversed[2] as Operator], threshold: Number(reversed[1]) };
  throw new ConfigurationError(
    `${where} has the condition "${text.trim()}", which is not a comparison; write it like result < 0.05 (operators < <= > >= == !=, joined with && or ||).`,
  );
}

export function parseCondition(text: string, where: string): Condition {
  return {
    text,
    anyOf: text
      .split("||")
      .map((alternative) =>
        alternative.split("&&").map((clause) => parseComparison(clause, where)),
      ),
  };
}

function compare(value: number, { operator, threshold }: Comparison): boolean {
  switch (operator) {
    case "<":
      return value < threshold;
    case "<=":
      return value <= threshold;
    case ">":
      return value > threshold;
    case ">=":
      return value >= threshold;
    case "==":
      return value === threshold;
    case "!=":
      return value !== threshold;
  }
}

export function conditionHolds(condition: Condition, value: number): boolean {
  return condition.anyOf.some((all) => all.every((comparison) => compare(value, comparison)));
}

export interface Conditions {
  success?: Condition;
  failure?: Condition;
}

export type MeasurementVerdict = "passed" | "failed" | "inconclusive";

/**
 * One finite measurement against the conditions: failed when the failure condition holds,
 * or when a lone success condition does not; with both conditions, meeting neither is no
 * verdict yet (inconclusive), like a measurement that is missing.
 */
export function judgeMeasurement(conditions: Conditions, value: number): MeasurementVerdict {
  if (conditions.failure && conditionHolds(conditions.failure, value)) return "failed";
  if (!conditions.success) return "passed";
  if (conditionHolds(conditions.success, value)) return "passed";
  return conditions.failure ? "inconclusive" : "failed";
}

export function measurementFails(conditions: Conditions, value: number): boolean {
  return judgeMeasurement(conditions, value) === "failed";
}

/** The threshold as evidence shows it. */
export function describeThreshold(conditions: Conditions): string {
  const parts: string[] = [];
  if (conditions.success) parts.push(`success: ${conditions.success.text}`);
  if (conditions.failure) parts.push(`failure: ${conditions.failure.text}`);
  return parts.join("; ") || "none";
}
