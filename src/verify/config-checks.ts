/**
 * The checks an environment's `verify` section in the config file names: what deploy runs
 * after a release lands and rollback runs after traffic is back on the stable side. Its
 * timeout, attempts and interval are the defaults of its checks; without attempts a check
 * is retried until the deadline, since a release can take minutes to go live.
 */
import { readFile } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import YAML from "yaml";
import { DEFAULT_CONFIG_PATH, loadConfig } from "../config/load.js";
import { ConfigurationError } from "../core/errors.js";
import type { InterpolationEnv } from "./check-sources.js";
import { parseCheckList } from "./check-sources.js";
import type { CheckDefaults, CheckSpec } from "./check-spec.js";

export interface ConfigChecks {
  checks: CheckSpec[];
  /** The section's deadline, when it gives one. */
  deadlineMs?: number;
}

export async function configChecks(options: {
  environment: string;
  configFile: string | undefined;
  cwd: string;
  defaults: CheckDefaults;
  deadlineMs: number;
  vars: InterpolationEnv;
}): Promise<ConfigChecks> {
  const config = await loadConfig({
    cwd: options.cwd,
    ...(options.configFile ? { path: options.configFile } : {}),
    required: options.configFile !== undefined,
  });
  if (!config) return { checks: [] };
  const environment = config.environments[options.environment];
  if (!environment)
    throw new ConfigurationError(
      `Input "environment" is "${options.environment}", which the config file does not name; use one of ${Object.keys(config.environments).join(", ")}.`,
    );
  const settings = environment.verify;
  if (!settings) return { checks: [] };
  const deadlineMs = settings.deadline ?? options.deadlineMs;
  const intervalMs = settings.interval ?? options.defaults.intervalMs;
  const defaults: CheckDefaults = {
    ...options.defaults,
    ...(settings.timeout !== undefined ? { timeoutMs: settings.timeout } : {}),
    intervalMs,
    attempts: settings.attempts ?? Math.max(1, Math.ceil(deadlineMs / Math.max(intervalMs, 1))),
  };
  // The validated config holds checks already transformed; verify parses them from the file's
  // own text, as it parses a checks-file, so interpolation and messages are the same.
  const path = options.configFile ?? DEFAULT_CONFIG_PATH;
  const text = await readFile(isAbsolute(path) ? path : resolve(options.cwd, path), "utf8");
  const raw = YAML.parse(text) as {
    environments: Record<string, { verify: { checks: unknown } }>;
  };
  const checks = parseCheckList(
    raw.environments[options.environment]!.verify.checks,
    { label: `environments.${options.environment}.verify.checks in the config file` },
    defaults,
    options.vars,
  );
  return { checks, ...(settings.deadline !== undefined ? { deadlineMs: settings.deadline } : {}) };
}
