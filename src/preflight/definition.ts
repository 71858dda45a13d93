/**
 * preflight's inputs: which checks to run and how, all validated (files read, schemas
 * parsed, the holiday calendar resolved) before any check runs.
 */
import { overrideReasonProblems } from "./override-reason.js";
import { readCiFacts } from "../core/ci-facts.js";
import YAML from "yaml";
import { z } from "zod";
import type { RunContext } from "../core/action.js";
import { defineAction } from "../core/action.js";
import { loadConfig } from "../config/load.js";
import { ConfigurationError } from "../core/errors.js";
import { readWorkspaceText } from "../core/workspace-files.js";
import { booleanInput, linesInput, listInput, structuredInput } from "../core/inputs.js";
import { parseAllowList } from "./allow-list.js";
import type { EnvCheckInput } from "./env-check.js";
import { parseEnvFile } from "./env-file.js";
import type { ValueRule } from "./env-schema.js";
import { parseEnvSchema } from "./env-schema.js";
import { holidayCalendar } from "./holidays.js";
import type { PreflightParams } from "./main.js";
import { preflight } from "./main.js";
import { isRepository } from "./scan-files.js";
import { preflightReport, preflightSummary } from "./summary.js";
import type { WindowSpec } from "./window-spec.js";
import { parseWindowSpec } from "./window-spec.js";

const timeInput = z.string().transform((value, ctx) => {
  const trimmed = value.trim();
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(trimmed)
    ? Date.parse(trimmed)
    : Number.NaN;
  if (Number.isNaN(ms)) {
    ctx.addIssue({
      code: "custom",
      message: `"${value}" is not a time with a zone; write it like 2026-05-04T16:59:00+02:00 or 2026-05-04T14:59:00Z`,
    });
    return z.NEVER;
  }
  return new Date(ms);
});

const inputShape = {
  "env-file": z.string().optional(),
  "required-env": listInput.optional(),
  "env-schema": structuredInput.optional(),
  "env-schema-file": z.string().optional(),
  "deploy-window": structuredInput.optional(),
  "deploy-time": timeInput.optional(),
  "emergency-override": booleanInput.default(false),
  "override-reason": z.string().trim().optional(),
  "secret-scan": z
    .enum(["auto", "changed", "tree", "off"], { error: "must be auto, changed, tree or off" })
    .default("auto"),
  "base-ref": z.string().trim().optional(),
  "secret-scan-allow": linesInput.optional(),
  "config-file": z.string().optional(),
  environment: z.string().trim().optional(),
  "fail-on-warn": booleanInput.default(false),
};

const inputs = z.object(inputShape);
type Inputs = z.output<typeof inputs>;

/** Env files and schemas are small; a cap keeps a device or a huge file from being read whole. */
const MAX_WORKSPACE_FILE_BYTES = 1024 * 1024;

function readWorkspaceFile(cwd: string, path: string, input: string): Promise<string> {
  return readWorkspaceText(cwd, path, input, MAX_WORKSPACE_FILE_BYTES);
}

async function schemaRules(params: Inputs, cwd: string): Promise<ValueRule[]> {
  const rules: ValueRule[] = [];
  if (params["env-schema"] !== undefined)
    rules.push(...parseEnvSchema(params["env-schema"], 'Input "env-schema"'));
  const file = params["env-schema-file"];
  if (file) {
    const text = await readWorkspaceFile(cwd, file, "env-schema-file");
    let value: unknown;
    try {
      value = YAML.parse(text, { prettyErrors: false });
    } catch (error) {
      throw new ConfigurationError(
        `${file} (from "env-schema-file") is not valid YAML (${(error as Error).message.split("\n")[0]}); fix the syntax.`,
      );
    }
    rules.push(...parseEnvSchema(value, `${file} (from "env-schema-file")`));
  }
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.name))
      throw new ConfigurationError(
        `Input "env-schema" describes ${rule.name} twice; keep one rule for it.`,
      );
    seen.add(rule.name);
  }
  return rules;
}

async function environmentCheck(
  params: Inputs,
  context: RunContext,
): Promise<EnvCheckInput | undefined> {
  const rules = await schemaRules(params, context.cwd);
  const required = params["required-env"] ?? [];
  const envFile = params["env-file"];
  if (rules.length === 0 && required.length === 0) {
    if (envFile)
      throw new ConfigurationError(
        `Input "env-file" is set but nothing says what to check in it; add required-env or env-schema.`,
      );
    return undefined;
  }
  // Every value that the schema calls a secret or a connection string is masked at once.
  const sensitive = new Set(
    rules
      .filter(
        (r) =>
          r.type !== "string" && r.type !== "integer" && r.type !== "port" && r.type !== "boolean",
      )
      .map((r) => r.name),
  );
  if (envFile) {
    const values = parseEnvFile(await readWorkspaceFile(context.cwd, envFile, "env-file"), envFile);
    for (const [name, value] of values) if (sensitive.has(name)) context.secrets.add(value);
    return { sourceLabel: envFile, values, required, rules };
  }
  for (const name of sensitive) context.secrets.add(context.env[name]);
  return { sourceLabel: "the environment", values: context.env, required, rules };
}

/**
 * The window to judge: the input, else the environment's window in the config file. A
 * mistake in the file's window is reported against the file, not the input.
 */
async function windowSource(
  params: Inputs,
  context: RunContext,
): Promise<{ value: unknown; source: string } | undefined> {
  if (params["deploy-window"] !== undefined)
    return { value: params["deploy-window"], source: 'Input "deploy-window"' };
  const environment = params.environment;
  if (!environment) return undefined;
  const config = await loadConfig({
    cwd: context.cwd,
    ...(params["config-file"] ? { path: params["config-file"], required: true } : {}),
  });
  const value = config?.environments[environment]?.["deploy-window"];
  return value === undefined
    ? undefined
    : { value, source: `Config environments.${environment}.deploy-window` };
}

function parseWindowFrom(window: { value: unknown; source: string }): WindowSpec {
  try {
    return parseWindowSpec(window.value);
  } catch (error) {
    if (error instanceof ConfigurationError && !window.source.startsWith("Input")) {
      throw new ConfigurationError(error.message.replace('Input "deploy-window"', window.source));
    }
    throw error;
  }
}

async function windowCheck(
  params: Inputs,
  context: RunContext,
): Promise<PreflightParams["window"]> {
  const overrideReason = params["override-reason"];
  const problems = overrideReasonProblems(params["emergency-override"], overrideReason);
  if (problems.length > 0) throw new ConfigurationError(problems.join("\n"));
  const window = await windowSource(params, context);
  if (window === undefined) {
    if (params["deploy-time"]) {
      throw new ConfigurationError(
        `Input "deploy-time" is set but "deploy-window" is not; add the window to judge the time against.`,
      );
    }
    // Reusable workflows pass the override on every run; without a window it sets nothing aside.
    if (params["emergency-override"]) {
      context.logger.info(
        "No deploy window is set, so the emergency override has nothing to set aside.",
      );
    }
    return undefined;
  }
  const spec = parseWindowFrom(window);
  const calendar = spec.holidays ? await holidayCalendar(spec.holidays, window.source) : undefined;
  const actor = readCiFacts(context.env).actor;
  return {
    spec,
    calendar,
    at: params["deploy-time"],
    override:
      params["emergency-override"] && overrideReason
        ? { reason: overrideReason, ...(actor ? { actor } : {}) }
        : undefined,
  };
}

async function scanCheck(params: Inputs, context: RunContext): Promise<PreflightParams["scan"]> {
  const mode = params["secret-scan"];
  const allow = parseAllowList(params["secret-scan-allow"] ?? []);
  if (mode === "off") return undefined;
  if (mode === "tree" && params["base-ref"]) {
    throw new ConfigurationError(
      `Input "base-ref" only applies to secret-scan: changed (or auto); remove it or change secret-scan.`,
    );
  }
  if (mode !== "auto") return { mode, baseRef: params["base-ref"], allow };
  const inRepo = await isRepository(context.cwd);
  return {
    mode: inRepo || params["base-ref"] ? "changed" : "tree",
    baseRef: params["base-ref"],
    allow,
  };
}

function failureMessage(
  failed: string[],
  warnings: string[],
  failOnWarn: boolean,
): string | undefined {
  const blocking = failOnWarn ? [...failed, ...warnings] : failed;
  if (blocking.length === 0) return undefined;
  const shown = blocking.slice(0, 10).join("; ");
  return `Not ready to deploy: ${blocking.length} check${blocking.length === 1 ? "" : "s"} ${failOnWarn && warnings.length > 0 ? "failed or warned" : "failed"} (${shown}${blocking.length > 10 ? "; …" : ""}); see the table in the job summary.`;
}

export const preflightAction = defineAction({
  name: "preflight",
  inputs,
  async run(params: Inputs, context) {
    const environment = await environmentCheck(params, context);
    const window = await windowCheck(params, context);
    const scan = await scanCheck(params, context);
    const result = await preflight(
      {
        cwd: context.cwd,
        env: context.env,
        environment,
        window,
        scan,
        workflow: { configFile: params["config-file"] },
        failOnWarn: params["fail-on-warn"],
      },
      { clock: context.clock, logger: context.logger, secrets: context.secrets },
    );
    const failure = failureMessage(result.failed, result.warnings, params["fail-on-warn"]);
    return {
      outputs: {
        passed: String(result.passed),
        failed: JSON.stringify(result.failed),
        warnings: JSON.stringify(result.warnings),
        overridden: String(result.override !== undefined),
        report: preflightReport(result),
      },
      summary: preflightSummary(result),
      ...(failure ? { failure } : {}),
    };
  },
});
