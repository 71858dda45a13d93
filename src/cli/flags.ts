/**
 * Turns `--input value` flags into the raw input map an action's schema reads, using the
 * action.yml manifest for names, defaults and required flags.
 */
import type { ActionManifest } from "../core/action-manifest.js";
import { isExpression } from "../core/action-manifest.js";
import { ConfigurationError } from "../core/errors.js";

export interface GlobalFlags {
  json: boolean;
  help: boolean;
  debug: boolean;
  summaryFile?: string;
}

export interface ParsedCommand {
  inputs: Record<string, string | undefined>;
  global: GlobalFlags;
}

const BOOLEAN_DEFAULTS = new Set(["true", "false"]);

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** The closest known name, when it is close enough to be a likely typo. */
export function suggest(name: string, known: string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.name : undefined;
}

function isBooleanInput(manifest: ActionManifest, name: string): boolean {
  const fallback = manifest.inputs[name]?.default;
  return fallback !== undefined && BOOLEAN_DEFAULTS.has(fallback);
}

/** Default for an input whose action.yml default is a GitHub expression. */
function expressionDefault(expression: string, env: Record<string, string | undefined>) {
  if (/github\.token/.test(expression)) return env["GITHUB_TOKEN"] ?? env["GH_TOKEN"];
  return undefined;
}

export function parseActionFlags(
  action: string,
  manifest: ActionManifest,
  argv: string[],
  env: Record<string, string | undefined>,
): ParsedCommand {
  const global: GlobalFlags = { json: false, help: false, debug: false };
  const given: Record<string, string[]> = {};
  const known = Object.keys(manifest.inputs);

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) {
      throw new ConfigurationError(
        `Unexpected argument "${arg}" for greenlight ${action}; inputs are given as --<input> <value> (see greenlight ${action} --help).`,
      );
    }
    const eq = arg.indexOf("=");
    let name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    let value: string | undefined = eq >= 0 ? arg.slice(eq + 1) : undefined;

    if (name === "json" && value === undefined) global.json = true;
    else if (name === "help" && value === undefined) global.help = true;
    else if (name === "debug" && value === undefined) global.debug = true;
    else if (name === "summary") {
      value ??= argv[++i];
      if (value === undefined) {
        throw new ConfigurationError(
          `Option --summary needs a file path, e.g. --summary summary.md.`,
        );
      }
      global.summaryFile = value;
    } else {
      if (
        name.startsWith("no-") &&
        !known.includes(name) &&
        isBooleanInput(manifest, name.slice(3))
      ) {
        if (value !== undefined) {
          throw new ConfigurationError(
            `Option --${name} takes no value; use --${name.slice(3)}=${value} instead.`,
          );
        }
        name = name.slice(3);
        value = "false";
      }
      if (!known.includes(name)) {
        const hint = suggest(name, known);
        throw new ConfigurationError(
          `Unknown option "--${name}" for greenlight ${action}; ${hint ? `did you mean --${hint}? ` : ""}run "greenlight ${action} --help" for its inputs.`,
        );
      }
      if (value === undefined) {
        const next = argv[i + 1];
        if (isBooleanInput(manifest, name) && (next === undefined || next.startsWith("--"))) {
          value = "true";
        } else if (next === undefined) {
          throw new ConfigurationError(`Option --${name} needs a value, e.g. --${name} <value>.`);
        } else {
          value = next;
          i++;
        }
      }
      (given[name] ??= []).push(value);
    }
  }

  const inputs: Record<string, string | undefined> = {};
  const missing: string[] = [];
  for (const [name, spec] of Object.entries(manifest.inputs)) {
    const values = given[name];
    if (values) {
      // A repeated flag adds lines: `--set a=1 --set b=2` is the multi-line input "a=1\nb=2".
      inputs[name] = values.join("\n");
    } else if (spec.default !== undefined) {
      inputs[name] = isExpression(spec.default)
        ? expressionDefault(spec.default, env)
        : spec.default;
    }
    if (!global.help && spec.required && (inputs[name] === undefined || inputs[name] === "")) {
      missing.push(
        `Input --${name} is required for greenlight ${action}: ${spec.description.split("\n")[0]?.replace(/\.$/, "")}.`,
      );
    }
  }
  // Every missing input at once, one a line, rather than one per attempt.
  if (missing.length > 0) throw new ConfigurationError(missing.join("\n"));
  return { inputs, global };
}
