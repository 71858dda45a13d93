/**
 * preflight: the checks a team runs before a deploy — environment and secrets, the deploy
 * window, a secret scan and workflow readiness — each item reported as pass, warn or fail
 * in one table. Only configured checks run; warnings pass unless fail-on-warn is set.
 */
import type { Clock } from "../core/clock.js";
import type { Logger } from "../core/logger.js";
import type { SecretRegistry } from "../core/secrets.js";
import type { AllowEntry } from "./allow-list.js";
import type { CheckRow } from "./check-result.js";
import { row } from "./check-result.js";
import type { WindowDecision } from "./deploy-window.js";
import { evaluateWindow, formatLocal } from "./deploy-window.js";
import type { EnvCheckInput } from "./env-check.js";
import { checkEnvironment } from "./env-check.js";
import type { HolidayCalendar } from "./holidays.js";
import { changedFiles, treeFiles } from "./scan-files.js";
import { scanFiles, scanRows } from "./secret-scan.js";
import type { WindowSpec } from "./window-spec.js";
import { checkWorkflow } from "./workflow-check.js";

export interface OverrideRequest {
  reason: string;
  actor?: string | undefined;
}

export interface OverrideRecord extends OverrideRequest {
  at: string;
  /** The deploy-window problems the override set aside. */
  overridden: string[];
}

export interface PreflightParams {
  cwd: string;
  env: Record<string, string | undefined>;
  environment?: EnvCheckInput | undefined;
  window?:
    | {
        spec: WindowSpec;
        calendar?: HolidayCalendar | undefined;
        /** The time to judge; now when absent. */
        at?: Date | undefined;
        override?: OverrideRequest | undefined;
      }
    | undefined;
  scan?:
    { mode: "changed" | "tree"; baseRef?: string | undefined; allow: AllowEntry[] } | undefined;
  workflow?: { configFile?: string | undefined } | undefined;
  failOnWarn: boolean;
}

export interface PreflightDeps {
  clock: Clock;
  logger: Logger;
  secrets: SecretRegistry;
}

export interface PreflightResult {
  passed: boolean;
  rows: CheckRow[];
  failed: string[];
  warnings: string[];
  window?: WindowDecision | undefined;
  override?: OverrideRecord | undefined;
}

function windowRows(
  params: NonNullable<PreflightParams["window"]>,
  now: Date,
): { rows: CheckRow[]; decision: WindowDecision; override?: OverrideRecord } {
  const decision = evaluateWindow(params.spec, params.calendar, params.at ?? now);
  if (decision.open)
    return { rows: [row("deploy-window", "window", "pass", `open: ${decision.local}`)], decision };
  const next = decision.nextOpening
    ? `; next opening ${formatLocal(decision.nextOpening, params.spec.timeZone)}`
    : "";
  const closed = `closed at ${decision.local}: ${decision.reasons.join("; ")}${next}`;
  if (!params.override) return { rows: [row("deploy-window", "window", "fail", closed)], decision };
  const override: OverrideRecord = {
    ...params.override,
    at: now.toISOString(),
    overridden: decision.reasons,
  };
  return {
    rows: [
      row(
        "deploy-window",
        "window",
        "warn",
        `${closed} — emergency override${override.actor ? ` by ${override.actor}` : ""}: ${override.reason}`,
      ),
    ],
    decision,
    override,
  };
}

async function secretScanRows(
  scan: NonNullable<PreflightParams["scan"]>,
  params: PreflightParams,
  deps: PreflightDeps,
): Promise<CheckRow[]> {
  return deps.logger.group("Secret scan", async () => {
    const { files, scope } =
      scan.mode === "tree"
        ? { files: await treeFiles(params.cwd), scope: "the tree" }
        : await changedFiles(params.cwd, scan.baseRef, params.env);
    deps.logger.info(`Scanning ${files.length} file${files.length === 1 ? "" : "s"}: ${scope}`);
    const result = await scanFiles(params.cwd, files, scan.allow, (value) =>
      deps.secrets.add(value),
    );
    return scanRows(result, scope);
  });
}

function logRows(rows: CheckRow[], logger: Logger): void {
  for (const r of rows) {
    const line = `${r.check} ${r.item}: ${r.verdict} — ${r.detail}`;
    if (r.verdict === "fail") logger.error(line);
    else if (r.verdict === "warn") logger.warning(line);
    else logger.info(line);
  }
}

export async function preflight(
  params: PreflightParams,
  deps: PreflightDeps,
): Promise<PreflightResult> {
  const window = params.window ? windowRows(params.window, deps.clock.now()) : undefined;
  const rows = [
    ...(params.environment ? checkEnvironment(params.environment) : []),
    ...(window?.rows ?? []),
    ...(params.scan ? await secretScanRows(params.scan, params, deps) : []),
    ...(params.workflow
      ? await checkWorkflow({
          cwd: params.cwd,
          configFile: params.workflow.configFile,
          env: params.env,
        })
      : []),
  ];
  logRows(rows, deps.logger);
  if (window?.override) deps.logger.warning(`Deploy window overridden: ${window.override.reason}`);
  const label = (r: CheckRow) => `${r.check}: ${r.item}`;
  const failed = rows.filter((r) => r.verdict === "fail").map(label);
  const warnings = rows.filter((r) => r.verdict === "warn").map(label);
  return {
    passed: failed.length === 0 && (!params.failOnWarn || warnings.length === 0),
    rows,
    failed,
    warnings,
    ...(window ? { window: window.decision } : {}),
    ...(window?.override ? { override: window.override } : {}),
  };
}
