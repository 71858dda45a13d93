/**
 * The one retry timing policy: how long a server asked us to wait (Retry-After) and how long
 * to back off when it did not say. The GitHub client, notify's deliveries and open-pr's
 * compare-and-swap loop all wait through these.
 */

/**
 * A Retry-After header in milliseconds: delta-seconds or an HTTP date, as RFC 9110 allows;
 * undefined when absent or unreadable (a date in the past is 0).
 */
export function retryAfterMs(
  value: string | readonly string[] | undefined,
  nowMs: number,
): number | undefined {
  const text = typeof value === "string" ? value : value?.[0];
  if (text === undefined) return undefined;
  if (/^\s*\d+\s*$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its day and month; Date.parse alone would take "-5" for a year.
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

export interface BackoffPolicy {
  /** The wait before the first retry. */
  baseMs: number;
  /** No wait is longer. */
  maxMs: number;
  /**
   * Full jitter between half and one and a half times the wait, so concurrent runs that failed
   * together do not retry together; the random source is injected so tests are exact.
   */
  random?: (() => number) | undefined;
}

/** The wait before retry number `retry` (1 for the first retry): doubling from the base. */
export function backoffMs(retry: number, policy: BackoffPolicy): number {
  const doubled = policy.baseMs * 2 ** Math.min(Math.max(retry - 1, 0), 30);
  const ceiling = Math.min(policy.maxMs, doubled);
  return policy.random ? Math.round(ceiling * (0.5 + policy.random())) : ceiling;
}
