/**
 * `${{ }}` evaluation with GitHub's own expression evaluator (@actions/expressions) over the
 * template tokens GitHub's workflow parser produced: a string with expressions inside it is
 * already a `format(…)` expression there, so every value is one literal or one expression.
 */
import { data, Evaluator, Lexer, Parser } from "@actions/expressions";
import type { FunctionDefinition } from "@actions/expressions/funcs/info";
import type { TemplateToken } from "@actions/workflow-parser/templates/tokens/template-token";
import {
  isBasicExpression,
  isBoolean,
  isMapping,
  isNumber,
  isSequence,
  isString,
} from "@actions/workflow-parser";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The status of what came before, read by success(), failure(), cancelled() and always(). */
export interface Status {
  /** Whether everything before (a job's needs, or a job's earlier steps) succeeded. */
  succeeded: boolean;
}

export type Contexts = Record<string, Json>;

const STATUS_FUNCTIONS = ["success", "failure", "cancelled", "always"] as const;

function statusFunctions(status: Status): Map<string, FunctionDefinition> {
  const results: Record<(typeof STATUS_FUNCTIONS)[number], boolean> = {
    success: status.succeeded,
    failure: !status.succeeded,
    cancelled: false, // the harness never cancels a run
    always: true,
  };
  return new Map(
    STATUS_FUNCTIONS.map((name) => [
      name.toLowerCase(),
      { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(results[name]) },
    ]),
  );
}

function toData(contexts: Contexts): data.Dictionary {
  return JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary;
}

function toJson(value: data.ExpressionData): Json {
  return JSON.parse(JSON.stringify(value, data.replacer)) as Json;
}

/** Evaluates one expression (without `${{ }}`). */
export function evaluateExpression(expression: string, contexts: Contexts, status: Status): Json {
  const lexed = new Lexer(expression).lex();
  const functions = statusFunctions(status);
  const parser = new Parser(
    lexed.tokens,
    Object.keys(contexts),
    [...functions.values()].map(({ name, minArgs, maxArgs }) => ({ name, minArgs, maxArgs })),
  );
  return toJson(new Evaluator(parser.parse(), toData(contexts), functions).evaluate());
}

/** Evaluates a template token (literal, expression, mapping or sequence) to plain data. */
export function evaluateToken(token: TemplateToken, contexts: Contexts, status: Status): Json {
  if (isBasicExpression(token)) return evaluateExpression(token.expression, contexts, status);
  if (isString(token)) return token.value;
  if (isBoolean(token)) return token.value;
  if (isNumber(token)) return token.value;
  if (isSequence(token)) {
    const items: Json[] = [];
    for (let i = 0; i < token.count; i++) items.push(evaluateToken(token.get(i), contexts, status));
    return items;
  }
  if (isMapping(token)) {
    const result: Record<string, Json> = {};
    for (const pair of token) {
      const key = evaluateToken(pair.key, contexts, status);
      result[String(key)] = evaluateToken(pair.value, contexts, status);
    }
    return result;
  }
  return null;
}

/** A value as the runner turns it into a string (an input, an env value, an output). */
export function asString(value: Json): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean" || typeof value === "number") return String(value);
  return JSON.stringify(value);
}

/** The runner's truthiness of an `if:` result. */
export function isTruthy(value: Json): boolean {
  if (value === null) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0 && !Number.isNaN(value);
  if (typeof value === "string") return value !== "";
  return true;
}
