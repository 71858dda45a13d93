import { describe, expect, it } from "vitest";
import { backoffMs, retryAfterMs } from "../../../src/core/retry.js";

describe("retryAfterMs", () => {
  const now = Date.parse("2026-03-01T10:00:00Z");
  it("reads delta-seconds and HTTP dates", () => {
    expect(retryAfterMs("7", now)).toBe(7000);
    expect(retryAfterMs([" 2 "], now)).toBe(2000);
    expect(retryAfterMs("Sun, 01 Mar 2026 10:00:30 GMT", now)).toBe(30_000);
  });
  it("treats a past date as no wait and nonsense as absent", () => {
    expect(retryAfterMs("Sun, 01 Mar 2026 09:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs("soon", now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs("-5", now)).toBeUndefined();
  });
});

describe("backoffMs", () => {
  it("doubles from the base up to the ceiling", () => {
    const policy = { baseMs: 100, maxMs: 1000 };
    expect([1, 2, 3, 4, 5, 99].map((r) => backoffMs(r, policy))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
  });
  it("spreads waits between half and one and a half times with jitter", () => {
    expect(backoffMs(2, { baseMs: 100, maxMs: 1000, random: () => 0 })).toBe(100);
    expect(backoffMs(2, { baseMs: 100, maxMs: 1000, random: () => 0.999 })).toBe(300);
  });
});
