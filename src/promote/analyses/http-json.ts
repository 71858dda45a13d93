/**
 * HTTP JSON analyses: one GET per tick, the value at a JSONPath compared with the
 * conditions. A value that is missing or not a number never passes.
 */
import { JSONPath } from "jsonpath-plus";
import { errorMessage } from "../../core/errors.js";
import { basicAuthFromUrl } from "../../core/http/credentials.js";
import { parseMeasurement } from "../../core/measurement.js";
import type { Conditions } from "../conditions.js";
import { describeThreshold, judgeMeasurement } from "../conditions.js";
import { formatValue } from "./measurements.js";
import type { AnalysisDeps, AnalysisEvidence } from "./types.js";
import { REQUEST_TIMEOUT_MS } from "./types.js";

export interface HttpJsonAnalysis {
  name: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  conditions: Conditions;
  onMissingData?: "hold" | "fail";
}

async function measure(analysis: HttpJsonAnalysis, deps: AnalysisDeps): Promise<number> {
  const { url, headers } = basicAuthFromUrl(analysis.url);
  let response: Response;
  try {
    response = await deps.fetch(url, {
      headers: { ...headers, ...analysis.headers },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new Error(`${url} did not answer: ${errorMessage(error)}`, { cause: error });
  }
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new Error(`${url} answered with a body that is not JSON`);
  }
  const found = JSONPath({ path: analysis.path, json: json as object, wrap: true }) as unknown[];
  if (found.length === 0) throw new Error(`${analysis.path} matched nothing`);
  const value = parseMeasurement(found[0]);
  if (value === undefined) {
    throw new Error(`${analysis.path} is ${JSON.stringify(found[0]) ?? "undefined"}, not a number`);
  }
  return value;
}

export async function runHttpJsonAnalysis(
  analysis: HttpJsonAnalysis,
  deps: AnalysisDeps,
): Promise<AnalysisEvidence> {
  const base = {
    name: analysis.name,
    kind: "http-json" as const,
    query: `${basicAuthFromUrl(analysis.url).url} ${analysis.path}`,
    threshold: describeThreshold(analysis.conditions),
  };
  try {
    const value = await measure(analysis, deps);
    const verdict = judgeMeasurement(analysis.conditions, value);
    const reasons = {
      passed: "the measured value passes",
      failed: "the measured value fails the condition",
      inconclusive: "the measured value meets neither condition",
    };
    return { ...base, measured: formatValue(value), value, verdict, reason: reasons[verdict] };
  } catch (error) {
    const reason = deps.secrets.redact(errorMessage(error));
    const fail = analysis.onMissingData === "fail";
    return {
      ...base,
      measured: "no value",
      verdict: fail ? "failed" : "inconclusive",
      reason: fail ? `${reason} (counted as failure)` : reason,
    };
  }
}
