/**
 * JSONPath assertions on a response body: `$.status == "ok"`, `$.uptime > 0`,
 * `$.name =~ /^api-/`, `$.state in ["up", "degraded"]`, `$.debug not exists`. A path that
 * matches several values (`$.details.*.status == "up"`) must hold for every one of them.
 */
import { isDeepStrictEqual } from "node:util";
import { JSONPath } from "jsonpath-plus";
import YAML from "yaml";
import { scanJsonPath } from "../release-file/json-path-scan.js";
import type { Redact } from "./format.js";
import { formatValue, noRedaction } from "./format.js";

export const OPERATORS = [
  "==",
  "!=",
  "<",
  "<=",
  ">",
  ">=",
  "=~",
  "!~",
  "in",
  "not in",
  "contains",
  "not contains",
  "exists",
  "not exists",
] as const;

export type Operator = (typeof OPERATORS)[number];

export interface JsonAssertion {
  path: string;
  op: Operator;
  /** The expected value; a RegExp for =~ and !~, a list for in / not in, absent for exists. */
  value?: unknown;
}

const ALIASES: Record<string, Operator> = {
  "!exists": "not exists",
  absent: "not exists",
  "is absent": "not exists",
  present: "exists",
  matches: "=~",
  "not matches": "!~",
  "!in": "not in",
};

const OPERATOR_PATTERN =
  /^(==|!=|<=|>=|<|>|=~|!~|!exists\b|not\s+exists\b|exists\b|is\s+absent\b|absent\b|present\b|not\s+in\b|!in\b|in\b|not\s+contains\b|contains\b|not\s+matches\b|matches\b)/;

const UNARY = new Set<Operator>(["exists", "not exists"]);

/** Where the path ends: the first space or operator outside brackets and quotes. */
function splitPath(text: string): [string, string] {
  const { stop } = scanJsonPath(text, (ch) => /\s/.test(ch) || "=!<>".includes(ch));
  return stop === -1 ? [text, ""] : [text.slice(0, stop), text.slice(stop).trim()];
}

/** `/pattern/flags`, or the whole text as a pattern. Throws a phrase when it does not compile. */
export function parsePattern(text: string): RegExp {
  const literal = /^\/(.*)\/([dgimsuyv]*)$/s.exec(text.trim());
  const source = literal ? literal[1]! : text;
  const flags = literal ? literal[2]!.replace(/[gy]/g, "") : "";
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new Error(`/${source}/ is not a valid regular expression (${(error as Error).message})`, {
      cause: error,
    });
  }
}

function parseLiteral(text: string): unknown {
  try {
    return YAML.parse(text) as unknown;
  } catch {
    return text;
  }
}

function normaliseOperator(op: string): Operator | undefined {
  const spaced = op.trim().replace(/\s+/g, " ");
  if ((OPERATORS as readonly string[]).includes(spaced)) return spaced as Operator;
  return ALIASES[spaced];
}

/** Builds an assertion from its parts, checking that the value fits the operator. */
export function makeAssertion(path: string, opText: string, rawValue: unknown): JsonAssertion {
  if (!path.startsWith("$")) {
    throw new Error(`"${path}" is not a JSONPath; start it with $ (e.g. $.status)`);
  }
  const op = normaliseOperator(opText);
  if (!op) {
    throw new Error(`"${opText}" is not an operator; use one of ${OPERATORS.join(", ")}`);
  }
  if (UNARY.has(op)) return { path, op };
  if (rawValue === undefined) throw new Error(`"${path} ${op}" needs a value to compare with`);
  if (op === "=~" || op === "!~") {
    const value = rawValue instanceof RegExp ? rawValue : parsePattern(String(rawValue));
    return { path, op, value };
  }
  if ((op === "in" || op === "not in") && !Array.isArray(rawValue)) {
    throw new Error(`"${path} ${op}" needs a list, e.g. ["up", "degraded"]`);
  }
  if (["<", "<=", ">", ">="].includes(op) && typeof rawValue !== "number") {
    throw new Error(`"${path} ${op}" compares numbers; ${formatValue(rawValue)} is not a number`);
  }
  return { path, op, value: rawValue };
}

/** Parses the text form: `PATH OP VALUE`, `PATH exists`, or a bare `PATH` (exists). */
export function parseAssertion(text: string): JsonAssertion {
  const [path, rest] = splitPath(text.trim());
  if (rest === "") return makeAssertion(path, "exists", undefined);
  const opMatch = OPERATOR_PATTERN.exec(rest);
  if (!opMatch) {
    throw new Error(
      `"${text}" has no operator after the path; write e.g. ${path} == "ok" (operators: ${OPERATORS.join(", ")})`,
    );
  }
  const valueText = rest.slice(opMatch[0].length).trim();
  const op = normaliseOperator(opMatch[1]!);
  if (op && UNARY.has(op) && valueText !== "") {
    throw new Error(`"${text}" has text after "${op}", which takes no value`);
  }
  if (op === "=~" || op === "!~") {
    const unquoted = /^(["']).*\1$/s.test(valueText) ? String(parseLiteral(valueText)) : valueText;
    return makeAssertion(path, opMatch[1]!, unquoted === "" ? undefined : unquoted);
  }
  return makeAssertion(path, opMatch[1]!, valueText === "" ? undefined : parseLiteral(valueText));
}

export function describeAssertion(assertion: JsonAssertion, redact: Redact = noRedaction): string {
  if (assertion.value === undefined) return `${assertion.path} ${assertion.op}`;
  const value =
    assertion.value instanceof RegExp
      ? redact(String(assertion.value))
      : formatValue(assertion.value, redact);
  return `${assertion.path} ${assertion.op} ${value}`;
}

function compare(op: Operator, actual: unknown, expected: unknown): string | undefined {
  switch (op) {
    case "==":
      return isDeepStrictEqual(actual, expected) ? undefined : "";
    case "!=":
      return isDeepStrictEqual(actual, expected) ? "" : undefined;
    case "<":
    case "<=":
    case ">":
    case ">=": {
      if (typeof actual !== "number") return " (not a number)";
      const e = expected as number;
      const ok =
        op === "<" ? actual < e : op === "<=" ? actual <= e : op === ">" ? actual > e : actual >= e;
      return ok ? undefined : "";
    }
    case "=~":
    case "!~": {
      if (typeof actual === "object" && actual !== null) return " (not text)";
      const matched = (expected as RegExp).test(String(actual));
      return matched === (op === "=~") ? undefined : "";
    }
    case "in":
    case "not in": {
      const found = (expected as unknown[]).some((item) => isDeepStrictEqual(item, actual));
      return found === (op === "in") ? undefined : "";
    }
    case "contains":
    case "not contains": {
      let found: boolean;
      if (typeof actual === "string") found = actual.includes(String(expected));
      else if (Array.isArray(actual)) found = actual.some((i) => isDeepStrictEqual(i, expected));
      else return " (neither text nor a list)";
      return found === (op === "contains") ? undefined : "";
    }
    default:
      return undefined;
  }
}

interface Match {
  path: string;
  value: unknown;
}

function query(path: string, document: unknown): Match[] {
  const found = JSONPath({
    path,
    json: document as object,
    resultType: "all",
    wrap: true,
  }) as { path: string; value: unknown }[] | undefined;
  return (found ?? []).map((m) => ({ path: m.path, value: m.value }));
}

/** Undefined when the assertion holds on `document`; otherwise the reason, as a sentence part. */
export function evaluateAssertion(
  assertion: JsonAssertion,
  document: unknown,
  redact: Redact = noRedaction,
): string | undefined {
  let matches: Match[];
  try {
    matches = query(assertion.path, document);
  } catch (error) {
    return `${assertion.path} could not be evaluated (${(error as Error).message})`;
  }
  const expectation = `expected ${describeAssertion(assertion, redact)}`;
  if (assertion.op === "exists") {
    return matches.length > 0 ? undefined : `${expectation} but it is absent`;
  }
  if (assertion.op === "not exists") {
    const first = matches[0];
    return first
      ? `expected ${assertion.path} to be absent but got ${formatValue(first.value, redact)}`
      : undefined;
  }
  if (matches.length === 0) return `${expectation} but ${assertion.path} is absent`;
  for (const match of matches) {
    const problem = compare(assertion.op, match.value, assertion.value);
    if (problem === undefined) continue;
    const where = matches.length > 1 ? ` at ${match.path}` : "";
    return `${expectation} but got ${formatValue(match.value, redact)}${redact(where)}${problem}`;
  }
  return undefined;
}
