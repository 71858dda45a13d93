/** Reads fields of a JSON request body, answering bad input with GitHub's 422 wording. */
import { GitHubError, invalidRequest } from "./errors.js";

export type JsonObject = Record<string, unknown>;

export function objectBody(body: unknown): JsonObject {
  if (body === undefined || body === null) return {};
  if (typeof body !== "object" || Array.isArray(body)) {
    throw new GitHubError(400, "Problems parsing JSON");
  }
  return body as JsonObject;
}

function wrongType(name: string, value: unknown, type: string): GitHubError {
  return invalidRequest(`For 'properties/${name}', ${JSON.stringify(value)} is not ${type}.`);
}

export function optionalString(body: JsonObject, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw wrongType(name, value, "a string");
  return value;
}

export function requiredString(body: JsonObject, name: string): string {
  const value = optionalString(body, name);
  if (value === undefined) throw invalidRequest(`"${name}" wasn't supplied.`);
  return value;
}

export function optionalBoolean(body: JsonObject, name: string): boolean | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw wrongType(name, value, "a boolean");
  return value;
}

export function optionalStringArray(body: JsonObject, name: string): string[] | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw wrongType(name, value, "an array of strings");
  }
  return value as string[];
}

export function optionalObject(body: JsonObject, name: string): JsonObject | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw wrongType(name, value, "an object");
  return value as JsonObject;
}

/** `?per_page=&page=` as GitHub reads them: per_page 1..100 (default 30), page from 1. */
export function pageParams(query: URLSearchParams): { perPage: number; page: number } {
  const perPage = Math.min(100, Math.max(1, Number(query.get("per_page") ?? 30) || 30));
  const page = Math.max(1, Math.floor(Number(query.get("page") ?? 1) || 1));
  return { perPage, page };
}

const FULL_SHA = /^[0-9a-f]{40}$/;

export function isFullSha(value: string): boolean {
  return FULL_SHA.test(value);
}
