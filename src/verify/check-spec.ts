/**
 * A check in its typed, complete form: every default filled in from the action's inputs,
 * the URL parsed, expectations compiled. This is what main runs.
 */
import type { CheckEntry } from "./check-schema.js";
import type { HeaderExpectation } from "./header-expectation.js";
import { securityHeaderExpectations } from "./header-expectation.js";
import type { JsonAssertion } from "./json-assertion.js";
import type { StatusExpectation } from "./status-expectation.js";
import { DEFAULT_STATUS } from "./status-expectation.js";

export interface TlsSettings {
  verify: boolean;
  /** Path of a PEM file with extra trusted certificates, as the user gave it. */
  caFile?: string;
  /** The PEM text of caFile, read before any check runs. */
  ca?: string;
  /** Fail when the server's certificate expires sooner than this (HTTPS only). */
  minDays: number;
}

export interface LatencyThresholds {
  p50Ms?: number;
  p95Ms?: number;
  p99Ms?: number;
  maxErrorRate?: number;
  minThroughput?: number;
}

export interface LatencyProbeSpec {
  requests: number;
  concurrency: number;
  thresholds: LatencyThresholds;
}

export interface CheckExpectations {
  status: StatusExpectation;
  json: JsonAssertion[];
  bodyMatches: RegExp[];
  bodyNotMatches: RegExp[];
  headers: HeaderExpectation[];
  maxLatencyMs?: number;
}

export interface CheckSpec {
  name: string;
  url: URL;
  method: string;
  headers: Record<string, string>;
  /** Header names whose values are credentials, beyond the ones known by name. */
  secretHeaders: string[];
  body?: string;
  expect: CheckExpectations;
  tls: TlsSettings;
  timeoutMs: number;
  attempts: number;
  intervalMs: number;
  followRedirects: boolean;
  maxRedirects: number;
  maxBodyBytes: number;
  latency?: LatencyProbeSpec;
}

/** Settings every check inherits unless it sets its own (the action's inputs). */
export interface CheckDefaults {
  timeoutMs: number;
  attempts: number;
  intervalMs: number;
  maxBodyBytes: number;
  maxRedirects: number;
  tlsVerify: boolean;
  caFile?: string;
  minCertificateDays: number;
}

export const BUILT_IN_DEFAULTS: CheckDefaults = {
  timeoutMs: 10_000,
  attempts: 3,
  intervalMs: 10_000,
  maxBodyBytes: 1024 * 1024,
  maxRedirects: 10,
  tlsVerify: true,
  minCertificateDays: 14,
};

export const DEFAULT_PROBE_REQUESTS = 100;
export const DEFAULT_PROBE_CONCURRENCY = 10;

/** Parses a check's URL; the problem as a phrase when it is not an http(s) URL. */
export function parseCheckUrl(text: string): URL | string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return `"${text}" is not a URL; write it in full, e.g. https://api.example.com/health`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return `"${text}" is not an http or https URL`;
  }
  return url;
}

/** A readable default name: host and path, never the query (it may hold a token). */
export function defaultCheckName(url: URL): string {
  return `${url.host}${url.pathname === "/" ? "" : url.pathname}`;
}

function latencySpec(entry: NonNullable<CheckEntry["latency"]>): LatencyProbeSpec {
  const thresholds: LatencyThresholds = {};
  if (entry.p50 !== undefined) thresholds.p50Ms = entry.p50;
  if (entry.p95 !== undefined) thresholds.p95Ms = entry.p95;
  if (entry.p99 !== undefined) thresholds.p99Ms = entry.p99;
  if (entry["max-error-rate"] !== undefined) thresholds.maxErrorRate = entry["max-error-rate"];
  if (entry["min-throughput"] !== undefined) thresholds.minThroughput = entry["min-throughput"];
  return {
    requests: entry.requests ?? DEFAULT_PROBE_REQUESTS,
    concurrency: entry.concurrency ?? DEFAULT_PROBE_CONCURRENCY,
    thresholds,
  };
}

/** Fills a parsed entry's gaps from the defaults. `url` must already be valid. */
export function buildCheckSpec(entry: CheckEntry, url: URL, defaults: CheckDefaults): CheckSpec {
  const expect = entry.expect ?? {};
  const tls = entry.tls ?? {};
  const caFile = tls["ca-file"] ?? defaults.caFile;
  const spec: CheckSpec = {
    name: entry.name ?? defaultCheckName(url),
    url,
    method: (entry.method ?? (entry.body !== undefined ? "POST" : "GET")).toUpperCase(),
    headers: entry.headers ?? {},
    secretHeaders: entry["secret-headers"] ?? [],
    expect: {
      status: expect.status ?? DEFAULT_STATUS,
      json: expect.json ?? [],
      bodyMatches: expect["body-matches"] ?? [],
      bodyNotMatches: expect["body-not-matches"] ?? [],
      headers: [
        ...(expect["security-headers"]
          ? securityHeaderExpectations(url.protocol === "https:")
          : []),
        ...(expect.headers ?? []),
      ],
    },
    tls: {
      verify: tls.verify ?? defaults.tlsVerify,
      minDays: tls["min-days"] ?? defaults.minCertificateDays,
      ...(caFile !== undefined ? { caFile } : {}),
    },
    timeoutMs: entry.timeout ?? defaults.timeoutMs,
    attempts: entry.attempts ?? defaults.attempts,
    intervalMs: entry.interval ?? defaults.intervalMs,
    followRedirects: entry["follow-redirects"] ?? true,
    maxRedirects: entry["max-redirects"] ?? defaults.maxRedirects,
    maxBodyBytes: entry["max-body"] ?? defaults.maxBodyBytes,
  };
  if (entry.body !== undefined) spec.body = entry.body;
  if (expect["max-latency"] !== undefined) spec.expect.maxLatencyMs = expect["max-latency"];
  if (entry.latency) spec.latency = latencySpec(entry.latency);
  return spec;
}
