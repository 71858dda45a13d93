/**
 * GitHub's primary rate limit, counted per credential and resource so clients that read
 * x-ratelimit-* headers see the numbers they would see on GitHub.
 */
import type { components } from "@octokit/openapi-types";

export type RateResource = "core" | "graphql";

const WINDOW_MS = 60 * 60 * 1000;

interface Window {
  used: number;
  reset: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly now: () => Date) {}

  private window(key: string, resource: RateResource): Window {
    const id = `${key}\0${resource}`;
    const nowMs = this.now().getTime();
    let window = this.windows.get(id);
    if (!window || window.reset * 1000 <= nowMs) {
      window = { used: 0, reset: Math.floor((nowMs + WINDOW_MS) / 1000) };
      this.windows.set(id, window);
    }
    return window;
  }

  private limitFor(key: string): number {
    return key.startsWith("ip:") ? 60 : 5000;
  }

  /** Counts one request and returns the headers GitHub would send with its answer. */
  consume(key: string, resource: RateResource, count = true): Record<string, string> {
    const window = this.window(key, resource);
    if (count) window.used += 1;
    const limit = this.limitFor(key);
    return {
      "x-ratelimit-limit": String(limit),
      "x-ratelimit-remaining": String(Math.max(0, limit - window.used)),
      "x-ratelimit-reset": String(window.reset),
      "x-ratelimit-used": String(window.used),
      "x-ratelimit-resource": resource,
    };
  }

  overview(key: string): components["schemas"]["rate-limit-overview"] {
    const limit = this.limitFor(key);
    const of = (resource: RateResource): components["schemas"]["rate-limit"] => {
      const w = this.window(key, resource);
      return { limit, used: w.used, remaining: Math.max(0, limit - w.used), reset: w.reset };
    };
    const search = { limit: 30, used: 0, remaining: 30, reset: of("core").reset };
    return { resources: { core: of("core"), graphql: of("graphql"), search }, rate: of("core") };
  }
}
