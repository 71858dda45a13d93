/**
 * The analyses of a plan, compiled once (conditions parsed, checks built) so every mistake
 * in them is reported before the first API call, then run together for one tick.
 */
import { ConfigurationError } from "../../core/errors.js";
import { parseCheckList } from "../../verify/check-sources.js";
import { BUILT_IN_DEFAULTS } from "../../verify/check-spec.js";
import type { Conditions } from "../conditions.js";
import { parseCondition } from "../conditions.js";
import type { AnalysisConfig, MinimumTraffic } from "../plan.js";
import type { HttpJsonAnalysis } from "./http-json.js";
import { runHttpJsonAnalysis } from "./http-json.js";
import { formatValue } from "./measurements.js";
import type { PrometheusAnalysis } from "./prometheus.js";
import { isCredentialHeader } from "../../core/http/credentials.js";
import { instantValue, runPrometheusAnalysis } from "./prometheus.js";
import type { AnalysisDeps, AnalysisEvidence, AnalysisWindow } from "./types.js";
import type { VerifyAnalysis } from "./verify-analysis.js";
import { runVerifyAnalysis } from "./verify-analysis.js";

export type CompiledAnalysis =
  | ({ kind: "prometheus" } & PrometheusAnalysis)
  | ({ kind: "http-json" } & HttpJsonAnalysis)
  | ({ kind: "verify" } & VerifyAnalysis);

function conditionsOf(analysis: {
  name: string;
  "success-condition"?: string;
  "failure-condition"?: string;
}): Conditions {
  const where = `Analysis "${analysis.name}"`;
  const success = analysis["success-condition"];
  const failure = analysis["failure-condition"];
  if (!success && !failure) {
    throw new ConfigurationError(
      `${where} has no success-condition or failure-condition; add one, such as failure-condition: result > 0.05.`,
    );
  }
  return {
    ...(success ? { success: parseCondition(success, where) } : {}),
    ...(failure ? { failure: parseCondition(failure, where) } : {}),
  };
}

export function compileAnalyses(
  analyses: AnalysisConfig[],
  env: Record<string, string | undefined>,
  onSecret: (value: string) => void,
): CompiledAnalysis[] {
  const names = new Set<string>();
  return analyses.map((analysis): CompiledAnalysis => {
    if (names.has(analysis.name)) {
      throw new ConfigurationError(
        `Two analyses are named "${analysis.name}"; give each analysis its own name.`,
      );
    }
    names.add(analysis.name);
    if ("prometheus" in analysis) {
      return {
        kind: "prometheus",
        name: analysis.name,
        url: analysis.prometheus.url,
        query: analysis.prometheus.query,
        ...(analysis.prometheus.range !== undefined ? { rangeMs: analysis.prometheus.range } : {}),
        ...(analysis.interval !== undefined
          ? { intervalMs: analysis.interval }
          : analysis.prometheus.step !== undefined
            ? { intervalMs: analysis.prometheus.step }
            : {}),
        conditions: conditionsOf(analysis),
        ...(analysis["failure-limit"] !== undefined
          ? { failureLimit: analysis["failure-limit"] }
          : {}),
        ...(analysis["consecutive-error-limit"] !== undefined
          ? { consecutiveErrorLimit: analysis["consecutive-error-limit"] }
          : {}),
        ...(analysis["on-missing-data"] ? { onMissingData: analysis["on-missing-data"] } : {}),
      };
    }
    if ("http-json" in analysis) {
      for (const [header, value] of Object.entries(analysis["http-json"].headers ?? {})) {
        if (isCredentialHeader(header)) onSecret(value);
      }
      return {
        kind: "http-json",
        name: analysis.name,
        url: analysis["http-json"].url,
        path: analysis["http-json"].path,
        headers: analysis["http-json"].headers ?? {},
        conditions: conditionsOf(analysis),
        ...(analysis["on-missing-data"] ? { onMissingData: analysis["on-missing-data"] } : {}),
      };
    }
    return {
      kind: "verify",
      name: analysis.name,
      checks: parseCheckList(
        analysis.verify,
        { label: `Analysis "${analysis.name}"` },
        BUILT_IN_DEFAULTS,
        { env, onSecret },
      ),
    };
  });
}

/** Runs analyses one after another, so their requests do not skew each other's measurements. */
export async function runAnalyses(
  analyses: CompiledAnalysis[],
  window: AnalysisWindow,
  deps: AnalysisDeps,
): Promise<AnalysisEvidence[]> {
  const evidence: AnalysisEvidence[] = [];
  for (const analysis of analyses) {
    switch (analysis.kind) {
      case "prometheus":
        evidence.push(await runPrometheusAnalysis(analysis, window, deps));
        break;
      case "http-json":
        evidence.push(await runHttpJsonAnalysis(analysis, deps));
        break;
      case "verify":
        evidence.push(await runVerifyAnalysis(analysis, deps));
        break;
    }
  }
  return evidence;
}

/** Where the minimum-traffic query goes: its own URL, else the first Prometheus analysis's. */
export function minimumTrafficUrl(traffic: MinimumTraffic, analyses: CompiledAnalysis[]): string {
  const url = traffic.url ?? analyses.find((a) => a.kind === "prometheus")?.url;
  if (!url) {
    throw new ConfigurationError(
      `promotion.minimum-traffic has no url and the plan has no Prometheus analysis to borrow one from; add url: to minimum-traffic.`,
    );
  }
  return url;
}

/** Passed when the traffic is at least the minimum; inconclusive (a hold) otherwise. */
export async function checkMinimumTraffic(
  traffic: MinimumTraffic,
  url: string,
  now: Date,
  deps: AnalysisDeps,
): Promise<AnalysisEvidence> {
  const base = {
    name: "minimum traffic",
    kind: "minimum-traffic" as const,
    query: traffic.query,
    threshold: `at least ${traffic.atLeast}`,
  };
  let value: number | undefined;
  try {
    value = await instantValue(deps, url, traffic.query, now);
  } catch (error) {
    return {
      ...base,
      measured: "no answer",
      verdict: "inconclusive",
      reason: error instanceof Error ? error.message : String(error),
    };
  }
  if (value === undefined || !Number.isFinite(value) || value < traffic.atLeast) {
    return {
      ...base,
      measured: value === undefined ? "no data" : formatValue(value),
      ...(value !== undefined && Number.isFinite(value) ? { value } : {}),
      verdict: "inconclusive",
      reason: "too little traffic to judge the release",
    };
  }
  return {
    ...base,
    measured: formatValue(value),
    value,
    verdict: "passed",
    reason: "enough traffic",
  };
}
