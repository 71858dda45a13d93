/**
 * Workflow readiness: the config file is there and valid, and every environment variable or
 * secret it names is set for this step. Only names are reported.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import { DEFAULT_CONFIG_PATH, loadConfig } from "../config/load.js";
import type { GreenlightConfig } from "../config/schema.js";
import { ConfigurationError } from "../core/errors.js";
import type { CheckRow } from "./check-result.js";
import { row } from "./check-result.js";

export interface WorkflowCheckInput {
  cwd: string;
  /** The config-file input; the default file when undefined. */
  configFile?: string | undefined;
  env: Record<string, string | undefined>;
}

/** Environment variables the notifications section names (`…-env` keys). */
function notificationVariables(config: GreenlightConfig): string[] {
  const names: string[] = [];
  const visit = (value: unknown) => {
    if (typeof value !== "object" || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      if (key.endsWith("-env") && typeof inner === "string") names.push(inner);
      else visit(inner);
    }
  };
  visit(config.notifications);
  return names;
}

/** `${{ secrets.NAME }}` and `${{ env.NAME }}` references, read by actions from the step's environment. */
function interpolatedVariables(text: string): string[] {
  return [...text.matchAll(/\$\{\{\s*(?:secrets|env)\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map(
    (m) => m[1] ?? "",
  );
}

export async function checkWorkflow(input: WorkflowCheckInput): Promise<CheckRow[]> {
  const path = input.configFile ?? DEFAULT_CONFIG_PATH;
  const absolute = isAbsolute(path) ? path : resolve(input.cwd, path);
  // A file named by the input that is not there is a mistake in the input, not a finding.
  // Except the default path, which reusable workflows pass explicitly: its absence is a warning.
  const named =
    input.configFile !== undefined && input.configFile.replace(/^\.\//, "") !== DEFAULT_CONFIG_PATH;
  if (named && !existsSync(absolute)) {
    throw new ConfigurationError(
      `Config file "${path}" does not exist; check the "config-file" input (paths are relative to ${input.cwd}).`,
    );
  }
  let config: GreenlightConfig | undefined;
  try {
    config = await loadConfig({ cwd: input.cwd, path, required: named });
  } catch (error) {
    if (error instanceof ConfigurationError) return [row("workflow", path, "fail", error.message)];
    throw error;
  }
  if (!config) {
    return [
      row("workflow", path, "warn", "no config file; every action relies on its inputs alone"),
    ];
  }
  const environments = Object.keys(config.environments).length;
  const services = Object.keys(config.services).length;
  const rows = [
    row(
      "workflow",
      path,
      "pass",
      `valid (${environments} environment${environments === 1 ? "" : "s"}, ${services} service${services === 1 ? "" : "s"})`,
    ),
  ];
  const text = await readFile(absolute, "utf8");
  const names = [
    ...new Set([...notificationVariables(config), ...interpolatedVariables(text)]),
  ].sort();
  for (const name of names) {
    const value = input.env[name];
    rows.push(
      value
        ? row("workflow", name, "pass", `set (named by ${path})`)
        : row(
            "workflow",
            name,
            "fail",
            // In a reusable workflow the step's env is fixed: the fix is the caller passing it.
            `named by ${path} but not set for this step; pass the ${name} secret by name in the calling job's secrets (${name}: \${{ secrets.${name} }}), or add env: ${name}: \${{ secrets.${name} }} to this step`,
          ),
    );
  }
  return rows;
}
