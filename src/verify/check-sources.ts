/**
 * Where checks come from: the `checks` input (a YAML or JSON list), a checks file, or the
 * config file. Each source is parsed to the same typed CheckSpec list, and every problem
 * becomes one sentence naming the source, the check and the key.
 */
import { promises as fs } from "node:fs";
import { resolve } from "node:path";
import YAML from "yaml";
import type { z } from "zod";
import { ConfigurationError } from "../core/errors.js";
import type { CheckEntry } from "./check-schema.js";
import { checkEntrySchema } from "./check-schema.js";
import type { CheckDefaults, CheckSpec } from "./check-spec.js";
import { buildCheckSpec, parseCheckUrl } from "./check-spec.js";

/** Where a list of checks was written, for messages: `Input "checks"`, `File "verify.yml"`. */
export interface CheckSource {
  label: string;
}

export interface InterpolationEnv {
  env: Record<string, string | undefined>;
  /** Called with each value taken from `${{ secrets.NAME }}`, before it is used. */
  onSecret: (value: string) => void;
}

const REFERENCE = /\$\{\{\s*(env|secrets)\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

function checkLabel(source: CheckSource, index: number, entry: unknown): string {
  const name =
    typeof entry === "object" &&
    entry !== null &&
    typeof (entry as { name?: unknown }).name === "string"
      ? ` ("${(entry as { name: string }).name}")`
      : "";
  return `${source.label}: check ${index + 1}${name}`;
}

/**
 * Replaces `${{ env.NAME }}` and `${{ secrets.NAME }}` in every string of a check. A checks
 * file is not evaluated by GitHub, so secrets reach it through the step's environment; a
 * value referenced as a secret is registered as one wherever it ends up (URL, header, body).
 */
function interpolate(value: unknown, vars: InterpolationEnv, where: string): unknown {
  if (typeof value === "string") {
    return value.replace(REFERENCE, (_match, kind: string, name: string) => {
      const found = vars.env[name];
      if (found === undefined) {
        throw new ConfigurationError(
          `${where} uses \${{ ${kind}.${name} }}, but the environment has no ${name}; pass it to the step (env: ${name}: \${{ ${kind}.${name} }}).`,
        );
      }
      if (kind === "secrets") vars.onSecret(found);
      return found;
    });
  }
  if (Array.isArray(value)) return value.map((item) => interpolate(item, vars, where));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, interpolate(item, vars, where)]),
    );
  }
  return value;
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeIssue(where: string, issue: z.core.$ZodIssue, raw: unknown): string {
  const key = issue.path.map(String).join(".");
  const message = issue.message.replace(/\.$/, "");
  if (issue.code === "unrecognized_keys") {
    const at = key ? ` in "${key}"` : "";
    return `${where} has an unknown key ${issue.keys.map((k) => `"${k}"`).join(", ")}${at}; check the spelling against the verify README.`;
  }
  if (issue.code === "invalid_type" && valueAt(raw, issue.path) === undefined) {
    return key === "url"
      ? `${where} has no "url"; give the URL to check, e.g. https://api.example.com/health.`
      : `${where} has no "${key}".`;
  }
  if (key === "") return `${where} is not a check: ${message}.`;
  return `${where} has an invalid "${key}": ${message}.`;
}

/** Validates one raw check and completes it from the defaults. */
export function parseCheckEntry(
  raw: unknown,
  where: string,
  defaults: CheckDefaults,
  vars: InterpolationEnv,
): CheckSpec {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ConfigurationError(
      `${where} is not a check; write it as a map with at least url: (e.g. - url: https://api.example.com/health).`,
    );
  }
  const resolved = interpolate(raw, vars, where);
  const result = checkEntrySchema.safeParse(resolved);
  if (!result.success) {
    throw new ConfigurationError(describeIssue(where, result.error.issues[0]!, resolved));
  }
  const entry: CheckEntry = result.data;
  const url = parseCheckUrl(entry.url);
  if (typeof url === "string")
    throw new ConfigurationError(`${where} has an invalid "url": ${url}.`);
  return buildCheckSpec(entry, url, defaults);
}

/** A list of checks (or `{ checks: [...] }`) already parsed from YAML or JSON. */
export function parseCheckList(
  value: unknown,
  source: CheckSource,
  defaults: CheckDefaults,
  vars: InterpolationEnv,
): CheckSpec[] {
  const list =
    typeof value === "object" && value !== null && !Array.isArray(value) && "checks" in value
      ? (value as { checks: unknown }).checks
      : value;
  if (!Array.isArray(list)) {
    throw new ConfigurationError(
      `${source.label} is not a list of checks; write a YAML or JSON list such as [{url: "https://api.example.com/health"}].`,
    );
  }
  return list.map((entry, index) =>
    parseCheckEntry(entry, checkLabel(source, index, entry), defaults, vars),
  );
}

export function parseChecksText(
  text: string,
  source: CheckSource,
  defaults: CheckDefaults,
  vars: InterpolationEnv,
): CheckSpec[] {
  let value: unknown;
  try {
    value = YAML.parse(text, { prettyErrors: false }) as unknown;
  } catch (error) {
    const reason = (error as Error).message.split("\n")[0];
    throw new ConfigurationError(`${source.label} is not valid YAML or JSON (${reason}).`);
  }
  return parseCheckList(value, source, defaults, vars);
}

export async function readChecksFile(
  path: string,
  cwd: string,
  defaults: CheckDefaults,
  vars: InterpolationEnv,
): Promise<CheckSpec[]> {
  const text = await fs
    .readFile(resolve(cwd, path), "utf8")
    .catch((error: NodeJS.ErrnoException) => {
      throw new ConfigurationError(
        `Input "checks-file" names "${path}", which cannot be read (${error.code ?? "error"}); give a YAML file relative to the workspace.`,
      );
    });
  return parseChecksText(text, { label: `Checks file "${path}"` }, defaults, vars);
}

/** Refuses two checks with one name: failed-checks lists names, so they must say which. */
export function requireUniqueNames(checks: CheckSpec[]): void {
  const seen = new Set<string>();
  for (const check of checks) {
    if (seen.has(check.name)) {
      throw new ConfigurationError(
        `Two checks are named "${check.name}"; give each check its own name: (failed-checks reports checks by name).`,
      );
    }
    seen.add(check.name);
  }
}

/** Reads every CA file named by a check, once, so a bad path fails before any request. */
export async function loadCaFiles(checks: CheckSpec[], cwd: string): Promise<void> {
  const cache = new Map<string, Promise<string>>();
  for (const check of checks) {
    const file = check.tls.caFile;
    if (!file) continue;
    let pending = cache.get(file);
    if (!pending) {
      pending = readCaFile(file, cwd, check.name);
      cache.set(file, pending);
    }
    check.tls.ca = await pending;
  }
}

async function readCaFile(file: string, cwd: string, check: string): Promise<string> {
  const text = await fs
    .readFile(resolve(cwd, file), "utf8")
    .catch((error: NodeJS.ErrnoException) => {
      throw new ConfigurationError(
        `The CA file "${file}" (for check "${check}") cannot be read (${error.code ?? "error"}); give the path of a PEM file relative to the workspace.`,
      );
    });
  if (!text.includes("-----BEGIN CERTIFICATE-----")) {
    throw new ConfigurationError(
      `The CA file "${file}" (for check "${check}") holds no PEM certificate; it must contain -----BEGIN CERTIFICATE----- blocks.`,
    );
  }
  return text;
}
