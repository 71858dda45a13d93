/**
 * Retention: which backups to delete. Only verified backups count towards a rule, the
 * newest verified backup is never deleted, and an unverified backup is deleted only once a
 * newer verified one exists — so a run of failed or unverified backups can never cost the
 * last good copy.
 */

export interface RetentionPolicy {
  keepLast?: number;
  keepDaily?: number;
  keepWeekly?: number;
  keepMonthly?: number;
  /** Keep every verified backup younger than this (ms before `now`). */
  keepWithinMs?: number;
}

export interface RetentionCandidate {
  key: string;
  time: Date;
  verified: boolean;
}

export interface RetentionDecision<T extends RetentionCandidate> {
  keep: { backup: T; reasons: string[] }[];
  delete: T[];
}

export function hasRetentionRule(policy: RetentionPolicy): boolean {
  return Object.values(policy).some((value) => value !== undefined);
}

function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** ISO 8601 week, e.g. 2026-W48: weeks start on Monday, as people expect of "weekly". */
function weekOf(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** The newest backup of each of the `count` most recent periods that have one. */
function newestPerPeriod<T extends RetentionCandidate>(
  newestFirst: T[],
  count: number,
  period: (date: Date) => string,
): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const backup of newestFirst) {
    if (seen.size >= count) break;
    const p = period(backup.time);
    if (seen.has(p)) continue;
    seen.add(p);
    out.push(backup);
  }
  return out;
}

export function applyRetention<T extends RetentionCandidate>(
  backups: readonly T[],
  policy: RetentionPolicy,
  now: Date,
): RetentionDecision<T> {
  const newestFirst = [...backups].sort(
    (a, b) => b.time.getTime() - a.time.getTime() || b.key.localeCompare(a.key),
  );
  const verified = newestFirst.filter((b) => b.verified);
  const reasons = new Map<T, string[]>();
  const keep = (backup: T, reason: string) => {
    const list = reasons.get(backup) ?? [];
    list.push(reason);
    reasons.set(backup, list);
  };
  const newestVerified = verified[0];
  if (newestVerified) keep(newestVerified, "newest verified");
  if (policy.keepLast !== undefined)
    for (const b of verified.slice(0, policy.keepLast)) keep(b, "last");
  if (policy.keepDaily !== undefined) {
    for (const b of newestPerPeriod(verified, policy.keepDaily, dayOf)) keep(b, "daily");
  }
  if (policy.keepWeekly !== undefined) {
    for (const b of newestPerPeriod(verified, policy.keepWeekly, weekOf)) keep(b, "weekly");
  }
  if (policy.keepMonthly !== undefined) {
    for (const b of newestPerPeriod(verified, policy.keepMonthly, monthOf)) keep(b, "monthly");
  }
  if (policy.keepWithinMs !== undefined) {
    const since = now.getTime() - policy.keepWithinMs;
    for (const b of verified) if (b.time.getTime() >= since) keep(b, "within");
  }
  for (const b of newestFirst) {
    // Not yet superseded by a verified backup: it may hold the newest data there is.
    if (!b.verified && (!newestVerified || b.time.getTime() >= newestVerified.time.getTime())) {
      keep(b, "newer than the newest verified");
    }
  }
  return {
    keep: newestFirst
      .filter((b) => reasons.has(b))
      .map((backup) => ({ backup, reasons: reasons.get(backup)! })),
    delete: newestFirst.filter((b) => !reasons.has(b)),
  };
}
