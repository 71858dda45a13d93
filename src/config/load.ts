/**
 * Reads and validates the config file. Every mistake becomes one ConfigurationError that
 * points at `file:line:column` and the offending key, so a user can go straight to it.
 */
import { promises as fs } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { isMap, isNode, isScalar, LineCounter, parseDocument, visit } from "yaml";
import type { z } from "zod";
import { ConfigurationError } from "../core/errors.js";
import { withoutPrototypes } from "../core/own-keys.js";
import type { GreenlightConfig } from "./schema.js";
import { configSchema } from "./schema.js";

import { DEFAULT_CONFIG_PATH } from "./default-path.js";

export { DEFAULT_CONFIG_PATH };

export interface LoadConfigOptions {
  cwd: string;
  /** Relative to cwd; the default file when absent. */
  path?: string;
  /** When true a missing file is an error; otherwise it means "no config". */
  required?: boolean;
}

export async function loadConfig(
  options: LoadConfigOptions,
): Promise<GreenlightConfig | undefined> {
  const path = options.path ?? DEFAULT_CONFIG_PATH;
  const absolute = isAbsolute(path) ? path : resolve(options.cwd, path);
  let text: string;
  try {
    text = await fs.readFile(absolute, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && !options.required) return undefined;
    const shown = relative(options.cwd, absolute) || path;
    throw new ConfigurationError(
      code === "ENOENT"
        ? `Config file "${shown}" does not exist; check the "config-file" input (paths are relative to ${options.cwd}).`
        : `Config file "${shown}" cannot be read (${code ?? "unknown error"}); check that it is a readable file.`,
    );
  }
  return parseConfig(text, relative(options.cwd, absolute) || path);
}

/** Parses config text; `file` is only used in messages. */
export function parseConfig(text: string, file: string): GreenlightConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  const syntax = doc.errors[0];
  if (syntax) {
    const message =
      syntax.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? "invalid YAML";
    throw new ConfigurationError(
      `${at(syntax.pos[0])}: the config file is not valid YAML (${message}); fix the syntax there.`,
    );
  }
  checkNodes(doc, at);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigurationError(
      `${at(0)}: the config file's aliases cannot be expanded (${reason}); write the values out instead of aliasing them.`,
    );
  }
  const parsed = configSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as z.core.$ZodIssue;
    throw new ConfigurationError(describeIssue(issue, doc, at));
  }
  // Environments, services and targets are looked up by names users give.
  const config = withoutPrototypes(parsed.data);
  checkReferences(config, doc, at);
  return config;
}

/** More alias expansions than any real config needs: beyond it, a document is an attack. */
const MAX_ALIAS_COUNT = 100;

/** A URL with a password in it (`scheme://user:password@`). */
const URL_WITH_PASSWORD = /\b[a-z][a-z0-9+.-]*:\/\/[^\s/?#@:]*:[^\s/?#@]*@/i;

/**
 * What the schema cannot see in plain values: aliases that name no anchor or contain
 * themselves, keys that would reach an object's prototype, and credentials written into
 * a URL of a committed file.
 */
function checkNodes(doc: Doc, at: (offset: number) => string): void {
  visit(doc, {
    Alias(_key, node, path) {
      const where = node.range ? at(node.range[0]) : at(0);
      const target = node.resolve(doc);
      if (!target) {
        throw new ConfigurationError(
          `${where}: the alias *${node.source} names no anchor defined before it; define &${node.source} first or write the value out.`,
        );
      }
      if (path.some((ancestor) => ancestor === target)) {
        throw new ConfigurationError(
          `${where}: the alias *${node.source} refers to the value that contains it; write the value out instead.`,
        );
      }
    },
    Pair(_key, pair) {
      if (isScalar(pair.key) && pair.key.value === "__proto__") {
        const where = pair.key.range ? at(pair.key.range[0]) : at(0);
        throw new ConfigurationError(
          `${where}: "__proto__" cannot be a name in the config file; rename it.`,
        );
      }
    },
    Scalar(_key, node) {
      if (typeof node.value === "string" && URL_WITH_PASSWORD.test(node.value)) {
        const where = node.range ? at(node.range[0]) : at(0);
        throw new ConfigurationError(
          `${where}: a URL in the config file carries credentials, and the file is committed; remove them and send them in a header from a secret (or a secret input) instead.`,
        );
      }
    },
  });
}

type Doc = ReturnType<typeof parseDocument>;

function locate(doc: Doc, path: readonly PropertyKey[], at: (offset: number) => string): string {
  // Point at the deepest node that exists: for a missing key, that is its parent map.
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return at(node.range[0]);
  }
  return at(0);
}

/** The position of `key` itself (not its value) in the map at `path`. */
function locateKey(
  doc: Doc,
  path: readonly PropertyKey[],
  key: string,
  at: (offset: number) => string,
): string {
  const map = path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true);
  if (isMap(map)) {
    const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
    if (pair && isNode(pair.key) && pair.key.range) return at(pair.key.range[0]);
  }
  return locate(doc, path, at);
}

const keyPath = (path: readonly PropertyKey[]) =>
  path.length === 0
    ? "the top level"
    : path
        .map((p) => (typeof p === "number" ? `[${p}]` : String(p)))
        .join(".")
        .replace(/\.\[/g, "[");

function describeIssue(issue: z.core.$ZodIssue, doc: Doc, at: (offset: number) => string): string {
  const where = locate(doc, issue.path, at);
  const key = keyPath(issue.path);
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((k) => `"${k}"`).join(", ");
    const prefix = issue.path.length ? `${key} has` : "the config file has";
    return `${locateKey(doc, issue.path, issue.keys[0] ?? "", at)}: ${prefix} the unknown key ${keys}; check its spelling (keys are kebab-case) or remove it.`;
  }
  if (issue.code === "invalid_type" && issue.message.includes("received undefined")) {
    return `${where}: ${key} is required; add it.`;
  }
  return `${where}: ${key} is invalid: ${issue.message}.`;
}

/** Cross-references the schema cannot express: services may only name defined environments. */
function checkReferences(config: GreenlightConfig, doc: Doc, at: (offset: number) => string): void {
  for (const [service, spec] of Object.entries(config.services)) {
    (spec.environments ?? []).forEach((env, index) => {
      if (!Object.hasOwn(config.environments, env)) {
        const known = Object.keys(config.environments).join(", ") || "none";
        throw new ConfigurationError(
          `${locate(doc, ["services", service, "environments", index], at)}: services.${service}.environments names "${env}", which is not defined under environments (known: ${known}); add it or fix the name.`,
        );
      }
    });
  }
}
