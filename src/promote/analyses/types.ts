/** What every analysis reports: the evidence a decision is recorded with. */
import type { Clock } from "../../core/clock.js";
import type { HttpSend } from "../../core/http/http-client.js";
import type { Logger } from "../../core/logger.js";
import type { SecretRegistry } from "../../core/secrets.js";

export type Verdict = "passed" | "failed" | "inconclusive";

export interface AnalysisEvidence {
  name: string;
  kind: "prometheus" | "http-json" | "verify" | "minimum-traffic";
  /** What was asked: the PromQL query, the URL and JSONPath, or the checks. */
  query: string;
  /** What was measured, as a person reads it. */
  measured: string;
  /** The latest measured value, when there is one. */
  value?: number;
  threshold: string;
  verdict: Verdict;
  /** Why the verdict is what it is, in one sentence. */
  reason: string;
  /**
   * A series with measurements that have no number (missing, or NaN: no requests) before its
   * latest one: how long they cover. The bake does not count that time, so a step never
   * passes on fewer measurements than its bake holds.
   */
  unmeasuredMs?: number;
}

export type Fetch = typeof globalThis.fetch;

export interface AnalysisDeps {
  fetch: Fetch;
  /** The HTTP client verify analyses run their checks with. */
  send: HttpSend;
  clock: Clock;
  logger: Logger;
  secrets: SecretRegistry;
  env: Record<string, string | undefined>;
}

/** The measurement window: from when the current weight reached the base branch, to now. */
export interface AnalysisWindow {
  since: Date;
  now: Date;
  /** When the bake started, when known: time a series has no number for counts against it from here. */
  bakeSince?: Date;
}

export const DEFAULT_INTERVAL_MS = 60_000;
export const DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;
export const REQUEST_TIMEOUT_MS = 10_000;
