/**
 * Wall-clock time in an IANA time zone with nothing but Intl: the local parts of an
 * instant, and the instant of a local time. Local times that do not exist (the hour a DST
 * change skips) move forward by the gap; local times that happen twice (the hour it
 * repeats) take the earlier instant.
 */

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether the runtime knows `timeZone` (an IANA name such as Europe/Berlin). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

function partsOf(ms: number, timeZone: string): LocalTime & { second: number } {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) parts[part.type] = part.value;
  return {
    year: Number(parts["year"]),
    month: Number(parts["month"]),
    day: Number(parts["day"]),
    hour: Number(parts["hour"]),
    minute: Number(parts["minute"]),
    second: Number(parts["second"]),
    weekday: WEEKDAYS.indexOf(parts["weekday"] ?? ""),
  };
}

export function localTime(instant: Date, timeZone: string): LocalTime {
  const { second: _second, ...local } = partsOf(instant.getTime(), timeZone);
  return local;
}

/** Offset of `timeZone` from UTC at `ms`, in milliseconds (east positive). */
function offsetAt(ms: number, timeZone: string): number {
  const p = partsOf(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant at which the clocks in `timeZone` show the given local date and minute of day. */
export function instantOf(date: LocalDate, minuteOfDay: number, timeZone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * 60_000;
  // Try the offsets in force just before and just after: one of them is right, except in a
  // skipped hour, where neither maps back and the later reading (after the gap) is used.
  const before = offsetAt(wall - 86_400_000 / 2, timeZone);
  const after = offsetAt(wall + 86_400_000 / 2, timeZone);
  const candidates = [wall - before, wall - after].sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (offsetAt(candidate, timeZone) === wall - candidate) return new Date(candidate);
  }
  return new Date(wall - Math.min(before, after));
}

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** `YYYY-MM-DD`. */
export function isoDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, "0")}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** `HH:MM`. */
export function clockTime(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, "0")}:${String(minuteOfDay % 60).padStart(2, "0")}`;
}
