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
