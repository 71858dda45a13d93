/**
 * Faults switched on per route while the sandbox runs: error statuses, GitHub's secondary
 * rate limit, latency, a write that succeeds but answers 502 — the case that makes a blind
 * retry of a create fail with 422 — and GraphQL's errors, which come with HTTP 200. A seeded generator keeps probabilistic rules
 * repeatable from one test run to the next.
 */

export type FaultKind =
  "status" | "secondary-rate-limit" | "latency" | "write-then-502" | "graphql-error";

export interface FaultRule {
  /** `"POST /repos/{owner}/{repo}/pulls"` (method and route template) or `"*"`; default `"*"`. */
  route?: string;
  kind: FaultKind;
  /** For `status`: the status to answer (default 500). */
  status?: number;
  /**
   * For `status`: the message to answer with (default GitHub's for the status), e.g. the
   * transient 422 "Could not resolve to a node …" GitHub sends right after a create.
   */
  message?: string;
  /**
   * For `graphql-error`: GitHub's error `type` (e.g. "NOT_FOUND", "RATE_LIMITED"); absent,
   * the answer is GitHub's untyped "Something went wrong while executing your query" (a
   * timeout). Always HTTP 200, as GitHub answers.
   */
  errorType?: string;
  /** For `graphql-error`: run the request first, so a mutation is done but its answer lost. */
  afterWrite?: boolean;
  /** For `secondary-rate-limit`: the retry-after header (default 60). */
  retryAfterSeconds?: number;
  /** For `latency`: the added delay. */
  latencyMs?: number;
  /** Chance that a matching request is hit, 0..1 (default 1). */
  probability?: number;
  /** How many requests to hit before the rule retires itself (default unlimited). */
  times?: number;
  /** Let this many matching requests through before the rule starts hitting (default 0). */
  skip?: number;
  /** Hit only requests that can change state (not GET or HEAD). */
  onlyMutating?: boolean;
}

export interface ActiveFaults {
  /** The fault that replaces or follows the handler, if any. */
  fault?: FaultRule & { id: number };
  /** Sum of the latency rules that hit. */
  latencyMs: number;
}

/** mulberry32: small, fast and good enough to decide which requests fail. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultController {
  private rules: (FaultRule & { id: number; remaining: number; skipped: number })[] = [];
  private lastId = 0;
  private random: () => number;

  constructor(options: { seed?: number } = {}) {
    this.random = seededRandom(options.seed ?? 1);
  }

  add(rule: FaultRule): number {
    const id = ++this.lastId;
    this.rules.push({
      ...rule,
      id,
      remaining: rule.times ?? Number.POSITIVE_INFINITY,
      skipped: 0,
    });
    return id;
  }

  remove(id: number): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  clear(): void {
    this.rules = [];
  }

  /** Restarts the random sequence, e.g. at the start of each test. */
  seed(seed: number): void {
    this.random = seededRandom(seed);
  }

  list(): (FaultRule & { id: number })[] {
    return this.rules.map(({ remaining: _remaining, skipped: _skipped, ...rule }) => rule);
  }

  /** Decides which rules hit one request to `route` (`"METHOD /template"`). */
  pick(method: string, route: string): ActiveFaults {
    const active: ActiveFaults = { latencyMs: 0 };
    const mutating = method !== "GET" && method !== "HEAD";
    for (const rule of this.rules) {
      if (rule.route && rule.route !== "*" && rule.route !== route) continue;
      if (rule.onlyMutating && !mutating) continue;
      if (rule.kind !== "latency" && active.fault) continue;
      if (rule.skipped < (rule.skip ?? 0)) {
        rule.skipped += 1;
        continue;
      }
      if (this.random() >= (rule.probability ?? 1)) continue;
      rule.remaining -= 1;
      if (rule.kind === "latency") active.latencyMs += rule.latencyMs ?? 0;
      else {
        const { remaining: _remaining, skipped: _skipped, ...fault } = rule;
        active.fault = fault;
      }
    }
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return active;
  }
}
