/**
 * GitHub's published contracts, as tests use them: the REST OpenAPI description
 * (@octokit/openapi, generated/api.github.com.json) with a small validator for the part of
 * OpenAPI 3.0's schema language it uses, and the GraphQL schema (@octokit/graphql-schema).
 * The validator checks types, nullability, enums, required and declared properties, array
 * items and oneOf/anyOf/allOf; formats and patterns are left out (they say nothing about shape).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { buildSchema, getVariableValues, parse, validate, type GraphQLSchema } from "graphql";
import type { OperationDefinitionNode } from "graphql";
import { schema as githubSchemaSource } from "@octokit/graphql-schema";
import type { Exchange } from "../../src/sandbox/index.js";

const require = createRequire(import.meta.url);

type Schema = {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  minItems?: number;
  maxItems?: number;
};

interface Parameter {
  name: string;
  in: "path" | "query" | "header";
  required?: boolean;
  schema?: Schema;
  $ref?: string;
}

interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }>; $ref?: string };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: Schema }> }>;
}

interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, unknown>>;
}

let document: OpenApi | undefined;

export function openApi(): OpenApi {
  document ??= JSON.parse(
    readFileSync(require.resolve("@octokit/openapi/generated/api.github.com.json"), "utf8"),
  ) as OpenApi;
  return document;
}

function resolve<T>(value: T & { $ref?: string }): T {
  let current: unknown = value;
  for (let depth = 0; depth < 10; depth++) {
    const ref = (current as { $ref?: string }).$ref;
    if (!ref) return current as T;
    const [, section, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(ref) ?? [];
    current = openApi().components[section!]?.[name!];
    if (current === undefined) throw new Error(`Unresolvable $ref ${ref}`);
  }
  return current as T;
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** Where `value` breaks `schema`: one line per problem, empty when it conforms. */
export function schemaErrors(schemaOrRef: Schema, value: unknown, at = "$"): string[] {
  const schema = resolve(schemaOrRef);
  if (schema.allOf) return schema.allOf.flatMap((s) => schemaErrors(s, value, at));
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    if (value === null && schema.nullable) return [];
    const results = alternatives.map((s) => schemaErrors(s, value, at));
    // GitHub's oneOf branches overlap (an object that fits two is common); one match is enough.
    if (results.some((r) => r.length === 0)) return [];
    return [`${at}: matches none of ${alternatives.length} alternatives (${results[0]![0]})`];
  }
  if (value === null) {
    return schema.nullable || schema.type === "null" || schema.type === undefined
      ? []
      : [`${at}: null where ${schema.type} is required`];
  }
  const actual = typeOf(value);
  if (schema.type) {
    const fits =
      actual === schema.type ||
      (schema.type === "number" && actual === "integer") ||
      (schema.type === "string" && actual === "string");
    if (!fits) return [`${at}: ${actual} where ${schema.type} is required`];
  }
  if (schema.enum && !schema.enum.includes(value)) {
    return [`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`];
  }
  const errors: string[] = [];
  if (actual === "array") {
    const items = value as unknown[];
    if (schema.minItems !== undefined && items.length < schema.minItems)
      errors.push(`${at}: fewer than ${schema.minItems} items`);
    if (schema.maxItems !== undefined && items.length > schema.maxItems)
      errors.push(`${at}: more than ${schema.maxItems} items`);
    if (schema.items)
      items.forEach((item, i) => errors.push(...schemaErrors(schema.items!, item, `${at}[${i}]`)));
  }
  if (actual === "object") {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      if (!(name in object)) errors.push(`${at}: required property "${name}" is missing`);
    }
    for (const [name, property] of Object.entries(object)) {
      const declared = schema.properties?.[name];
      if (declared) errors.push(...schemaErrors(declared, property, `${at}.${name}`));
      else if (schema.additionalProperties === false)
        errors.push(`${at}: property "${name}" is not in the description`);
      else if (typeof schema.additionalProperties === "object")
        errors.push(...schemaErrors(schema.additionalProperties, property, `${at}.${name}`));
    }
  }
  return errors;
}

/** The operation GitHub documents for a method and a route template, if any. */
export function operationFor(method: string, template: string): Operation | undefined {
  return openApi().paths[template]?.[method.toLowerCase()];
}

function queryErrors(operation: Operation, query: string): string[] {
  const parameters = (operation.parameters ?? []).map((p) => resolve(p));
  const errors: string[] = [];
  for (const [name, raw] of new URLSearchParams(query)) {
    const declared = parameters.find((p) => p.in === "query" && p.name === name);
    if (!declared) {
      errors.push(`query parameter "${name}" is not in the description`);
      continue;
    }
    const schema = declared.schema ? resolve(declared.schema) : undefined;
    const value =
      schema?.type === "integer" || schema?.type === "number"
        ? Number(raw)
        : schema?.type === "boolean"
          ? raw === "true"
            ? true
            : raw === "false"
              ? false
              : raw
          : raw;
    if (schema) errors.push(...schemaErrors(schema, value, `query ${name}`));
  }
  return errors;
}

export interface ContractProblem {
  route: string;
  problem: string;
}

/**
 * Holds one exchange to the OpenAPI description: the request's query and JSON body, and
 * the answer's status and JSON body. Answers the description does not cover get a
 * problem too, unless `undocumented` explains them.
 */
/** Paths GitHub serves under another template of its description. */
const ALIASES: Record<string, string> = {
  // The repository root's listing is GET /repos/{owner}/{repo}/contents/ with an empty path.
  "/repos/{owner}/{repo}/contents": "/repos/{owner}/{repo}/contents/{path}",
};

export function exchangeProblems(
  exchange: Exchange,
  undocumented: Record<string, string> = {},
): string[] {
  const shown = exchange.route.replace(/^\S+ /, "");
  const template = ALIASES[shown] ?? shown;
  const operation = operationFor(exchange.method === "HEAD" ? "GET" : exchange.method, template);
  if (!operation) return [`${exchange.route} is not in GitHub's OpenAPI description`];
  const problems = queryErrors(operation, exchange.query);
  const requestSchema = resolve(operation.requestBody ?? {}).content?.["application/json"]?.schema;
  if (exchange.requestBody !== undefined && requestSchema) {
    problems.push(
      ...schemaErrors(requestSchema, exchange.requestBody, "request").map((e) => `request ${e}`),
    );
  }
  const declared = operation.responses[String(exchange.status)];
  if (!declared) {
    const reason = undocumented[`${exchange.route} ${exchange.status}`];
    if (!reason) problems.push(`status ${exchange.status} is not in the description`);
    return problems;
  }
  const response = resolve(declared);
  const schema = response.content?.["application/json"]?.schema;
  if (schema && exchange.responseBody !== undefined && !exchange.raw) {
    problems.push(
      ...schemaErrors(schema, exchange.responseBody, "response").map(
        (e) => `${exchange.status} ${e}`,
      ),
    );
  }
  return problems;
}

let graphqlSchema: GraphQLSchema | undefined;

/** GitHub's published GraphQL schema (@octokit/graphql-schema). */
export function githubGraphqlSchema(): GraphQLSchema {
  graphqlSchema ??= buildSchema(githubSchemaSource.idl, { assumeValidSDL: true });
  return graphqlSchema;
}

/** Where a GraphQL document and its variables break GitHub's schema. */
export function graphqlProblems(query: string, variables: Record<string, unknown> = {}): string[] {
  const schema = githubGraphqlSchema();
  let ast;
  try {
    ast = parse(query);
  } catch (error) {
    return [String(error)];
  }
  const problems = validate(schema, ast).map((e) => e.message);
  if (problems.length > 0) return problems;
  for (const definition of ast.definitions) {
    if (definition.kind !== "OperationDefinition") continue;
    const coerced = getVariableValues(
      schema,
      (definition as OperationDefinitionNode).variableDefinitions ?? [],
      variables,
    );
    if (coerced.errors) problems.push(...coerced.errors.map((e) => e.message));
  }
  return problems;
}
