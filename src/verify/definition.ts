/**
 * verify's inputs: checks from the `checks` input, a checks file, or the single check the
 * `url` inputs describe; defaults from the timing inputs; all validated before any request.
 */
import { NOTHING_TO_VERIFY } from "./nothing-to-verify.js";
import { z } from "zod";
import type { RunContext } from "../core/action.js";
import { defineAction } from "../core/action.js";
import { sendWith } from "../core/http/http-client.js";
import { ConfigurationError } from "../core/errors.js";
import {
  byteSizeInput,
  inputProblem,
  booleanInput,
  countInput,
  timerDurationInput,
  integerInput,
  linesInput,
  structuredInput,
} from "../core/inputs.js";
import type { CheckEntry } from "./check-schema.js";
import { latencySchema } from "./check-schema.js";
import type { InterpolationEnv } from "./check-sources.js";
import {
  loadCaFiles,
  parseCheckList,
  readChecksFile,
  requireUniqueNames,
} from "./check-sources.js";
import type { CheckDefaults, CheckSpec } from "./check-spec.js";
import { configChecks } from "./config-checks.js";
import { BUILT_IN_DEFAULTS, buildCheckSpec, parseCheckUrl } from "./check-spec.js";
import type { JsonAssertion } from "./json-assertion.js";
import { makeAssertion, parseAssertion } from "./json-assertion.js";
import type { VerifyResult } from "./main.js";
import { verify } from "./main.js";
import { parseStatusExpectation } from "./status-expectation.js";
import { verifyReport, verifySummary } from "./summary.js";

type Ctx = z.core.$RefinementCtx;

const statusInput = z.string().transform((value, ctx) => {
  const parsed = parseStatusExpectation(value);
  return typeof parsed === "string" ? inputProblem(ctx, parsed) : parsed;
});

const assertionsInput = linesInput.transform((lines, ctx): JsonAssertion[] => {
  try {
    return lines.map(parseAssertion);
  } catch (error) {
    return inputProblem(ctx, (error as Error).message);
  }
});

const headersInput = structuredInput.transform((value, ctx): Record<string, string> => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return inputProblem(
      ctx,
      "must be header lines such as `Authorization: Bearer …`, or a JSON map",
    );
  }
  return Object.fromEntries(Object.entries(value).map(([name, v]) => [name, String(v)]));
});

/** Checked here, so the message says what is wrong instead of what zod expected. */
function requireMap(value: unknown, ctx: Ctx): Record<string, unknown> {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    return value as Record<string, unknown>;
  }
  return inputProblem(ctx, "must be a map such as {requests: 200, concurrency: 10, p95: 2s}");
}

const sizeInput = byteSizeInput;

const inputShape = {
  url: z.string().optional(),
  method: z
    .string()
    .regex(/^[A-Za-z]+$/, { error: "must be an HTTP method such as GET or POST" })
    .optional(),
  headers: headersInput.optional(),
  "expect-status": statusInput.optional(),
  "expect-json": assertionsInput.optional(),
  "expect-version": z.string().optional(),
  "version-path": z.string().default("$.version"),
  "security-headers": booleanInput.default(false),
  latency: structuredInput.transform(requireMap).pipe(latencySchema).optional(),
  checks: structuredInput.optional(),
  "checks-file": z.string().optional(),
  environment: z.string().trim().min(1).optional(),
  "config-file": z.string().trim().min(1).optional(),
  timeout: timerDurationInput.default(BUILT_IN_DEFAULTS.timeoutMs),
  attempts: integerInput
    .refine((n) => n >= 1, { message: "must be at least 1" })
    .default(BUILT_IN_DEFAULTS.attempts),
  interval: timerDurationInput.default(BUILT_IN_DEFAULTS.intervalMs),
  deadline: timerDurationInput.default(5 * 60_000),
  "max-body": sizeInput.default(BUILT_IN_DEFAULTS.maxBodyBytes),
  "max-redirects": countInput(50).default(BUILT_IN_DEFAULTS.maxRedirects),
  "tls-verify": booleanInput.default(true),
  "ca-file": z.string().optional(),
  "certificate-min-days": integerInput.default(BUILT_IN_DEFAULTS.minCertificateDays),
};

const inputs = z.object(inputShape);
type Inputs = z.output<typeof inputs>;

function defaultsFrom(params: Inputs): CheckDefaults {
  return {
    timeoutMs: params.timeout,
    attempts: params.attempts,
    intervalMs: params.interval,
    maxBodyBytes: params["max-body"],
    maxRedirects: params["max-redirects"],
    tlsVerify: params["tls-verify"],
    minCertificateDays: params["certificate-min-days"],
    ...(params["ca-file"] ? { caFile: params["ca-file"] } : {}),
  };
}

const SINGLE_CHECK_INPUTS = [
  "method",
  "headers",
  "expect-status",
  "expect-json",
  "expect-version",
  "latency",
] as const;

/** The check described by `url` and its companion inputs. */
function singleCheck(params: Inputs, defaults: CheckDefaults): CheckSpec | undefined {
  if (!params.url) {
    const stray = SINGLE_CHECK_INPUTS.find((name) => params[name] !== undefined);
    if (stray) {
      throw new ConfigurationError(
        `Input "${stray}" describes the check given by "url", but "url" is not set; add url, or write the check in checks.`,
      );
    }
    return undefined;
  }
  const url = parseCheckUrl(params.url);
  if (typeof url === "string") throw new ConfigurationError(`Input "url" is invalid: ${url}.`);
  const json = [...(params["expect-json"] ?? [])];
  if (params["expect-version"] !== undefined) {
    try {
      json.push(makeAssertion(params["version-path"], "==", params["expect-version"]));
    } catch (error) {
      throw new ConfigurationError(`Input "version-path" is invalid: ${(error as Error).message}.`);
    }
  }
  const entry: CheckEntry = {
    url: params.url,
    expect: {
      ...(params["expect-status"] ? { status: params["expect-status"] } : {}),
      json,
      "security-headers": params["security-headers"],
    },
    ...(params.method ? { method: params.method } : {}),
    ...(params.headers ? { headers: params.headers } : {}),
    ...(params.latency ? { latency: params.latency } : {}),
  };
  return buildCheckSpec(entry, url, defaults);
}

interface CollectedChecks {
  checks: CheckSpec[];
  deadlineMs: number;
}

async function collectChecks(params: Inputs, context: RunContext): Promise<CollectedChecks> {
  const defaults = defaultsFrom(params);
  const vars: InterpolationEnv = {
    env: context.env,
    onSecret: (value) => context.secrets.add(value),
  };
  const single = singleCheck(params, defaults);
  const fromConfig = params.environment
    ? await configChecks({
        environment: params.environment,
        configFile: params["config-file"],
        cwd: context.cwd,
        defaults,
        deadlineMs: params.deadline,
        vars,
      })
    : { checks: [] };
  const checks = [
    ...(single ? [single] : []),
    ...(params.checks !== undefined
      ? parseCheckList(params.checks, { label: 'Input "checks"' }, defaults, vars)
      : []),
    ...(params["checks-file"]
      ? await readChecksFile(params["checks-file"], context.cwd, defaults, vars)
      : []),
    ...fromConfig.checks,
  ];
  if (checks.length === 0 && !params.environment) {
    throw new ConfigurationError(NOTHING_TO_VERIFY);
  }
  requireUniqueNames(checks);
  await loadCaFiles(checks, context.cwd);
  return { checks, deadlineMs: fromConfig.deadlineMs ?? params.deadline };
}

function failureMessage(result: VerifyResult): string | undefined {
  const failed = result.checks.filter((c) => !c.passed);
  if (failed.length === 0) return undefined;
  const each = failed.map((c) => `${c.name}: ${c.reason ?? "failed"}`);
  if (failed.length === 1) return `Check ${each[0]}`;
  return `${failed.length} of ${result.checks.length} checks failed. ${each.join(". ")}`;
}

export const verifyAction = defineAction({
  name: "verify",
  inputs,
  async run(params: Inputs, context) {
    const { checks, deadlineMs } = await collectChecks(params, context);
    if (checks.length === 0) {
      // Called with an environment whose config names no checks: nothing to prove, say so.
      context.logger.info(
        `No checks for environment ${params.environment}: the config file has no environments.${params.environment}.verify and no url, checks or checks-file was given.`,
      );
      const empty: VerifyResult = { passed: true, checks: [], failedChecks: [], durationMs: 0 };
      return { outputs: { passed: "true", "failed-checks": "[]", report: verifyReport(empty) } };
    }
    const result = await verify(
      { checks, deadlineMs },
      {
        clock: context.clock,
        logger: context.logger,
        secrets: context.secrets,
        send: sendWith({ env: context.env }),
        ...(context.signal ? { signal: context.signal } : {}),
      },
    );
    const failure = failureMessage(result);
    return {
      outputs: {
        passed: String(result.passed),
        "failed-checks": JSON.stringify(result.failedChecks),
        report: verifyReport(result),
      },
      summary: verifySummary(result),
      ...(failure ? { failure } : {}),
    };
  },
});
