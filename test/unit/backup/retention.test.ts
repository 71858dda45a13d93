/**
 * Retention over random histories of verified and unverified backups: the newest verified
 * backup always survives, every rule is honoured exactly, and nothing is deleted when no
 * backup is verified.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RetentionCandidate, RetentionPolicy } from "../../../src/backup-engine/retention.js";
import { applyRetention } from "../../../src/backup-engine/retention.js";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

const historyArb = fc
  .array(
    fc.record({
      ageMs: fc.integer({ min: 0, max: 400 * DAY }),
      verified: fc.boolean(),
    }),
    { maxLength: 60 },
  )
  .map((entries) =>
    entries.map((e, i): RetentionCandidate => ({
      key: `set/${String(i).padStart(3, "0")}`,
      time: new Date(NOW - e.ageMs),
      verified: e.verified,
    })),
  );

const count = fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined });
const policyArb = fc.record({
  keepLast: count,
  keepDaily: count,
  keepWeekly: count,
  keepMonthly: count,
  keepWithinMs: fc.option(fc.integer({ min: 0, max: 90 * DAY }), { nil: undefined }),
});

function newestFirst(backups: RetentionCandidate[]) {
  return [...backups].sort(
    (a, b) => b.time.getTime() - a.time.getTime() || b.key.localeCompare(a.key),
  );
}

function cleanPolicy(policy: RetentionPolicy): RetentionPolicy {
  return Object.fromEntries(
    Object.entries(policy).filter(([, v]) => v !== undefined),
  ) as RetentionPolicy;
}

describe("retention", () => {
  it("never deletes the newest verified backup, and keeps and deletes disjointly and completely", () => {
    fc.assert(
      fc.property(historyArb, policyArb, (history, policy) => {
        const decision = applyRetention(history, cleanPolicy(policy), new Date(NOW));
        const newestVerified = newestFirst(history).find((b) => b.verified);
        if (newestVerified) expect(decision.delete).not.toContain(newestVerified);
        const kept = decision.keep.map((k) => k.backup);
        expect(new Set([...kept, ...decision.delete]).size).toBe(history.length);
        expect(kept.filter((b) => decision.delete.includes(b))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it("honours each rule over verified backups only", () => {
    fc.assert(
      fc.property(historyArb, policyArb, (history, raw) => {
        const policy = cleanPolicy(raw);
        const decision = applyRetention(history, policy, new Date(NOW));
        const kept = new Set(decision.keep.map((k) => k.backup));
        const verified = newestFirst(history).filter((b) => b.verified);
        // keep-last: the N newest verified survive.
        for (const b of verified.slice(0, policy.keepLast ?? 0)) expect(kept.has(b)).toBe(true);
        // keep-within: every verified backup younger than the window survives.
        if (policy.keepWithinMs !== undefined) {
          for (const b of verified)
            if (NOW - b.time.getTime() <= policy.keepWithinMs) expect(kept.has(b)).toBe(true);
        }
        // keep-daily: the newest verified backup of each of the N newest days with one survives.
        const days = [...new Set(verified.map((b) => b.time.toISOString().slice(0, 10)))];
        for (const day of days.slice(0, policy.keepDaily ?? 0)) {
          expect(kept.has(verified.find((b) => b.time.toISOString().startsWith(day))!)).toBe(true);
        }
        const months = [...new Set(verified.map((b) => b.time.toISOString().slice(0, 7)))];
        for (const month of months.slice(0, policy.keepMonthly ?? 0)) {
          expect(kept.has(verified.find((b) => b.time.toISOString().startsWith(month))!)).toBe(
            true,
          );
        }
        // Nothing verified is kept without a reason a rule gives.
        for (const { backup, reasons } of decision.keep) {
          if (backup.verified) expect(reasons.length).toBeGreaterThan(0);
        }
        // With no rule but the implicit one, exactly the newest verified survives among verified.
        if (Object.keys(policy).length === 0 && verified.length > 0) {
          expect(decision.keep.filter((k) => k.backup.verified).map((k) => k.backup)).toEqual([
            verified[0],
          ]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("deletes an unverified backup only once a newer verified one exists", () => {
    fc.assert(
      fc.property(historyArb, policyArb, (history, policy) => {
        const decision = applyRetention(history, cleanPolicy(policy), new Date(NOW));
        const newestVerified = newestFirst(history).find((b) => b.verified);
        for (const b of decision.delete.filter((d) => !d.verified)) {
          expect(newestVerified).toBeDefined();
          expect(b.time.getTime()).toBeLessThanOrEqual(newestVerified!.time.getTime());
        }
        if (!newestVerified) expect(decision.delete).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it("counts weeks from Monday (ISO weeks) and keeps the newest of each", () => {
    const at = (iso: string, verified = true): RetentionCandidate => ({
      key: iso,
      time: new Date(iso),
      verified,
    });
    const sunday = at("2026-11-22T10:00:00Z");
    const monday = at("2026-11-23T10:00:00Z");
    const saturday = at("2026-11-21T10:00:00Z");
    const decision = applyRetention([saturday, sunday, monday], { keepWeekly: 2 }, new Date(NOW));
    expect(decision.keep.map((k) => k.backup)).toEqual([monday, sunday]);
    expect(decision.delete).toEqual([saturday]);
  });
});
