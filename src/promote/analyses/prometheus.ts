/**
 * Prometheus analyses. The measurements are the query evaluated every `interval` from when
 * the current weight reached the base branch (or over the last `range`, when given) — a
 * range query (`/api/v1/query_range`); a window shorter than one interval is a single
 * instant query (`/api/v1/query`). Prometheus keeps the history, so a tick that runs every
 * few minutes judges exactly what a controller measuring every interval would have.
 */
import { errorMessage } from "../../core/errors.js";
import { basicAuthFromUrl } from "../../core/http/credentials.js";
import { parseMeasurement } from "../../core/measurement.js";
import type { Conditions } from "../conditions.js";
import { describeThreshold } from "../conditions.js";
import type { Sample, SeriesRules } from "./measurements.js";
import { judgeSeries, unmeasuredMs } from "./measurements.js";
import type { AnalysisDeps, AnalysisEvidence, AnalysisWindow } from "./types.js";
import {
  DEFAULT_CONSECUTIVE_ERROR_LIMIT,
  DEFAULT_INTERVAL_MS,
  REQUEST_TIMEOUT_MS,
} from "./types.js";

export interface PrometheusAnalysis {
  name: string;
  url: string;
  query: string;
  rangeMs?: number;
  intervalMs?: number;
  conditions: Conditions;
  failureLimit?: number;
  consecutiveErrorLimit?: number;
  onMissingData?: "hold" | "fail";
}

class ProviderError extends Error {}

type Result =
  | { resultType: "matrix"; result: { metric: object; values: [number, string][] }[] }
  | { resultType: "vector"; result: { metric: object; value: [number, string] }[] }
  | { resultType: "scalar"; result: [number, string] }
  | { resultType: "string"; result: [number, string] };

function apiUrl(base: string, path: string, params: Record<string, string>): string {
  const url = new URL(path, base.endsWith("/") ? base : `${base}/`);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

async function askPrometheus(deps: AnalysisDeps, given: string): Promise<Result> {
  const { url, headers } = basicAuthFromUrl(given);
  let response: Response;
  try {
    response = await deps.fetch(url, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    throw new ProviderError(`Prometheus did not answer: ${errorMessage(error)}`);
  }
  const text = await response.text();
  let body: { status?: string; error?: string; data?: Result };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new ProviderError(`Prometheus answered ${response.status} with a body that is not JSON`);
  }
  if (body === null || typeof body !== "object") {
    throw new ProviderError(
      `Prometheus answered ${response.status} with JSON that is not an object`,
    );
  }
  if (body.status !== "success" || !body.data || typeof body.data !== "object") {
    throw new ProviderError(
      `Prometheus answered ${response.status}: ${typeof body.error === "string" ? body.error : "no data"}`,
    );
  }
  return body.data;
}

/** A sample whose value is missing data (not a finite number) is NaN: it never passes. */
function toSample(pair: unknown): Sample | undefined {
  if (!Array.isArray(pair) || pair.length !== 2) return undefined;
  const at = parseMeasurement(pair[0]);
  if (at === undefined) return undefined;
  return { at: at * 1000, value: parseMeasurement(pair[1]) ?? Number.NaN };
}

function toSamples(result: Result): Sample[] {
  const samples = (pairs: unknown[]) =>
    pairs.map(toSample).filter((s): s is Sample => s !== undefined);
  switch (result.resultType) {
    case "scalar":
      return samples([result.result]);
    case "string":
      throw new ProviderError("the query returned a string, not a number");
    case "vector":
    case "matrix": {
      if (!Array.isArray(result.result)) return [];
      if (result.result.length > 1) {
        throw new ProviderError(
          `the query returned ${result.result.length} series; aggregate it to one (e.g. with sum() or avg())`,
        );
      }
      const series: unknown = result.result[0];
      if (series === null || typeof series !== "object") return [];
      if ("values" in series) return Array.isArray(series.values) ? samples(series.values) : [];
      return "value" in series ? samples([series.value]) : [];
    }
    default:
      throw new ProviderError("the query returned no result type Greenlight knows");
  }
}

/** One instant query at `now`: the latest value, or undefined when there is none. */
export async function instantValue(
  deps: AnalysisDeps,
  base: string,
  query: string,
  now: Date,
): Promise<number | undefined> {
  const samples = toSamples(
    await askPrometheus(
      deps,
      apiUrl(base, "api/v1/query", { query, time: String(now.getTime() / 1000) }),
    ),
  );
  const value = samples.at(-1)?.value;
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

/**
 * The most points Prometheus answers per series in one range query ("exceeded maximum
 * resolution"), which a step held for a weekend at a 10 s interval reaches.
 */
const MAX_RANGE_POINTS = 11_000;

/** Pause between attempts after a provider error. */
const RETRY_PAUSE_MS = 1_000;

/**
 * Asks again after a provider error, up to the consecutive-error limit: errors in a row
 * beyond it are the analysis's answer (a hold, or a failure when the plan says so).
 */
async function askWithRetries(deps: AnalysisDeps, url: string, limit: number): Promise<Result> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await askPrometheus(deps, url);
    } catch (error) {
      if (!(error instanceof ProviderError) || attempt >= limit) throw error;
      deps.logger.debug(
        `${error.message}; asking again (${attempt + 1} of ${limit} errors allowed)`,
      );
      await deps.clock.sleep(RETRY_PAUSE_MS);
    }
  }
}

/** The window's measurements, asked for in pieces Prometheus answers, on one grid. */
async function rangeSamples(
  deps: AnalysisDeps,
  analysis: PrometheusAnalysis,
  grid: { start: number; end: number; step: number },
  rules: SeriesRules,
): Promise<Sample[]> {
  const { start, end, step } = grid;
  const samples: Sample[] = [];
  for (let from = start; from <= end; from += MAX_RANGE_POINTS * step) {
    const to = Math.min(end, from + (MAX_RANGE_POINTS - 1) * step);
    const url = apiUrl(analysis.url, "api/v1/query_range", {
      query: analysis.query,
      start: String(from / 1000),
      end: String(to / 1000),
      step: `${step / 1000}s`,
    });
    samples.push(...toSamples(await askWithRetries(deps, url, rules.consecutiveErrorLimit)));
  }
  return samples;
}

export async function runPrometheusAnalysis(
  analysis: PrometheusAnalysis,
  window: AnalysisWindow,
  deps: AnalysisDeps,
): Promise<AnalysisEvidence> {
  const step = analysis.intervalMs ?? DEFAULT_INTERVAL_MS;
  const end = window.now.getTime();
  const start = Math.max(window.since.getTime(), analysis.rangeMs ? end - analysis.rangeMs : 0);
  const rules: SeriesRules = {
    conditions: analysis.conditions,
    failureLimit: analysis.failureLimit ?? 0,
    consecutiveErrorLimit: analysis.consecutiveErrorLimit ?? DEFAULT_CONSECUTIVE_ERROR_LIMIT,
    onMissingData: analysis.onMissingData ?? "hold",
  };
  const base = { name: analysis.name, kind: "prometheus" as const, query: analysis.query };
  try {
    let samples: Sample[];
    let expected: number;
    if (end - start < step) {
      samples = toSamples(
        await askWithRetries(
          deps,
          apiUrl(analysis.url, "api/v1/query", { query: analysis.query, time: String(end / 1000) }),
          rules.consecutiveErrorLimit,
        ),
      );
      expected = 1;
    } else {
      samples = await rangeSamples(deps, analysis, { start, end, step }, rules);
      expected = Math.floor((end - start) / step) + 1;
    }
    const last = samples.at(-1);
    // Points the query had no value for at the end of the window (the series stopped).
    const missingAtEnd = last
      ? Math.min(expected, Math.max(0, Math.floor((end - last.at) / step)))
      : expected;
    const verdict = judgeSeries(samples, missingAtEnd, rules);
    deps.logger.info(
      `${analysis.name}: ${verdict.verdict} — ${verdict.measured} (${verdict.reason})`,
    );
    const from = Math.max(start, window.bakeSince?.getTime() ?? start);
    const unmeasured = unmeasuredMs(samples, { start, step, from });
    const gap = unmeasured > 0 ? { unmeasuredMs: unmeasured } : {};
    return { ...base, ...verdict, ...gap };
  } catch (error) {
    const reason = errorMessage(error);
    const fail = rules.onMissingData === "fail";
    deps.logger.warning(`${analysis.name}: ${reason}`);
    return {
      ...base,
      measured: "no answer",
      threshold: describeThreshold(analysis.conditions),
      verdict: fail ? "failed" : "inconclusive",
      reason: fail ? `${reason} (counted as failure)` : reason,
    };
  }
}
