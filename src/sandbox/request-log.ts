/** One line per request, so tests and benchmarks can count calls by route and outcome. */
import type { TokenKind } from "./auth/store.js";

export interface RequestLogEntry {
  /** Milliseconds since the epoch when the request arrived. */
  time: number;
  method: string;
  /** The path without the query string. */
  path: string;
  /** The raw query string without `?` ("" when none). */
  query: string;
  status: number;
  /** Method and route template, e.g. "POST /repos/{owner}/{repo}/pulls"; "unmatched" for unknown paths. */
  route: string;
  tokenKind: TokenKind;
  durationMs: number;
  /** The fault kind that shaped the answer, if any. */
  faulted?: string;
  /** For a 500 the sandbox did not mean to send: what went wrong inside it. */
  error?: string;
}

/**
 * A whole request and answer, for tests that hold both to GitHub's published contracts
 * (the request log keeps only what a person reads).
 */
export interface Exchange {
  method: string;
  path: string;
  query: string;
  /** `"METHOD /template"` as in the request log, or "unmatched". */
  route: string;
  accept: string;
  requestBody?: unknown;
  status: number;
  /** The JSON answer; absent for a raw (non-JSON) answer. */
  responseBody?: unknown;
  raw?: boolean;
  faulted?: string;
}
