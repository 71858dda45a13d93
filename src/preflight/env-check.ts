/**
 * Environment and secrets: required variables present and non-empty, values that match
 * their schema. Every row names the variable and the rule, never the value.
 */
import { ownValue } from "../core/own-keys.js";
import type { CheckRow } from "./check-result.js";
import { row } from "./check-result.js";
import type { UrlKind } from "./connection-url.js";
import { URL_KINDS, checkConnectionUrl } from "./connection-url.js";
import type { ValueRule } from "./env-schema.js";

const PLACEHOLDERS =
  /^(change[-_ ]?me|changeit|secret|password|passw0rd|todo|tbd|fixme|example|test|dummy|default|null|none|undefined|xxx+|\*+|<.*>|\$\{.*\}|your[-_].*)$/i;

function isUrlKind(type: string): type is UrlKind {
  return (URL_KINDS as readonly string[]).includes(type);
}

/** Why `value` breaks `rule`, in words that never include the value; undefined when it is fine. */
export function valueProblem(value: string, rule: ValueRule): string | undefined {
  if (rule.type === "secret" && PLACEHOLDERS.test(value.trim()))
    return "looks like a placeholder, not a real secret";
  if (rule.type === "secret" && new Set(value).size === 1)
    return "is one character repeated, not a real secret";
  if (rule.minLength !== undefined && value.length < rule.minLength) {
    return `is ${value.length} characters long; it must be at least ${rule.minLength}`;
  }
  if (rule.maxLength !== undefined && value.length > rule.maxLength) {
    return `is ${value.length} characters long; it must be at most ${rule.maxLength}`;
  }
  if (isUrlKind(rule.type)) {
    const problem = checkConnectionUrl(value, rule.type);
    if (problem) return problem;
  }
  if (rule.type === "integer" || rule.type === "port") {
    if (!/^-?\d+$/.test(value.trim())) return "is not a whole number";
    const n = Number(value);
    const min = rule.type === "port" ? Math.max(1, rule.min ?? 1) : rule.min;
    const max = rule.type === "port" ? Math.min(65535, rule.max ?? 65535) : rule.max;
    if (min !== undefined && n < min) return `is below the minimum of ${min}`;
    if (max !== undefined && n > max) return `is above the maximum of ${max}`;
  }
  if (rule.type === "boolean" && !/^(true|false|1|0|yes|no)$/i.test(value.trim())) {
    return "is not a boolean (true, false, 1, 0, yes or no)";
  }
  if (rule.values && !rule.values.includes(value)) {
    const caseOnly = rule.values.find((v) => v.toLowerCase() === value.toLowerCase());
    return caseOnly !== undefined
      ? `differs in case from one of the allowed values (${rule.values.join(", ")})`
      : `is not one of the allowed values (${rule.values.join(", ")})`;
  }
  if (rule.pattern && !rule.pattern.test(value))
    return `does not match the pattern /${rule.pattern.source}/`;
  return undefined;
}

function describeRule(rule: ValueRule): string {
  if (rule.type === "secret") return `secret, at least ${rule.minLength ?? 0} characters`;
  if (rule.values) return `one of ${rule.values.join(", ")}`;
  return rule.type;
}

export interface EnvCheckInput {
  /** Where the values come from, for messages: `.env.production` or `the environment`. */
  sourceLabel: string;
  values: ReadonlyMap<string, string> | Record<string, string | undefined>;
  required: string[];
  rules: ValueRule[];
}

function lookup(values: EnvCheckInput["values"], name: string): string | undefined {
  // A variable named constructor or __proto__ must not find the object's prototype.
  return values instanceof Map
    ? values.get(name)
    : ownValue(values as Record<string, string | undefined>, name);
}

export function checkEnvironment(input: EnvCheckInput): CheckRow[] {
  const rows: CheckRow[] = [];
  const ruled = new Set(input.rules.map((r) => r.name));
  for (const name of input.required) {
    if (ruled.has(name)) continue;
    const value = lookup(input.values, name);
    if (value === undefined)
      rows.push(row("environment", name, "fail", `not set in ${input.sourceLabel}`));
    else if (value.trim() === "")
      rows.push(row("environment", name, "fail", `set but empty in ${input.sourceLabel}`));
    else rows.push(row("environment", name, "pass", "set"));
  }
  for (const rule of input.rules) {
    const value = lookup(input.values, rule.name);
    const absentVerdict = rule.optional ? "pass" : rule.severity;
    if (value === undefined || value.trim() === "") {
      const detail = `${value === undefined ? "not set" : "set but empty"} in ${input.sourceLabel}${rule.optional ? " (optional)" : ""}`;
      rows.push(row("environment", rule.name, absentVerdict, detail));
      continue;
    }
    const problem = valueProblem(value, rule);
    rows.push(
      problem
        ? row("environment", rule.name, rule.severity, problem)
        : row("environment", rule.name, "pass", describeRule(rule)),
    );
  }
  return rows;
}
