/**
 * The `deploy-window` input: allowed weekdays and hours in a time zone (one range for every
 * day, or hours per day as teams write them: weekdays 10–16, Fridays until 12), freeze
 * periods and public holidays. Parsed into plain data (minutes of the day, instants) once,
 * with one readable sentence for each mistake.
 */
import type { HolidaysTypes } from "date-holidays";
import { deployWindowSchema } from "../config/deploy-window-schema.js";
import { ConfigurationError } from "../core/errors.js";
import type { HolidaySettings } from "./holidays.js";
import { addDays, instantOf, isValidTimeZone } from "./zoned-time.js";
import type { LocalDate } from "./zoned-time.js";

export interface HourRange {
  /** Minutes since local midnight; `end` is exclusive and may be 1440 (24:00). */
  start: number;
  end: number;
}

export interface Freeze {
  from: Date;
  /** Exclusive. */
  to: Date;
  reason: string;
  /** As written, for messages. */
  label: string;
}

export interface WindowSpec {
  timeZone: string;
  /** Allowed weekdays, 0 = Sunday: those with hours. */
  days: number[];
  /** The open hours of each weekday, 0 = Sunday; empty on a closed day. */
  hoursByDay: HourRange[][];
  /** The hours of a weekend day worked in place of a holiday (调休): the first open weekday's. */
  makeupDayHours: HourRange[];
  freezes: Freeze[];
  holidays?: (HolidaySettings & { dayBefore: boolean }) | undefined;
}

const SOURCE = 'Input "deploy-window"';
const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

function fail(message: string): never {
  throw new ConfigurationError(`${SOURCE} ${message}`);
}

function dayIndex(name: string): number {
  const index = DAY_NAMES.indexOf(name.trim().toLowerCase().slice(0, 3));
  const full = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
  const word = name.trim().toLowerCase();
  if (index < 0 || (word.length > 3 && full[index] !== word)) {
    fail(
      `has the unknown day "${name}" in days; write mon, tue, wed, thu, fri, sat or sun, or a range such as mon-fri.`,
    );
  }
  return index;
}

/** `mon-fri`, `[mon, wed, fri]`, `sat-sun`, `fri-mon` (a range may wrap past Sunday). */
export function parseDays(value: string | string[]): number[] {
  const items = (Array.isArray(value) ? value : value.split(","))
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0)
    fail("has an empty days list; name the days deploys are allowed, such as mon-fri.");
  const days = new Set<number>();
  for (const item of items) {
    const [first, last, extra] = item.split("-");
    if (extra !== undefined) fail(`has the malformed day range "${item}"; write it like mon-fri.`);
    const from = dayIndex(first ?? "");
    const to = last === undefined ? from : dayIndex(last);
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === to) break;
    }
  }
  return [...days].sort((a, b) => a - b);
}

function minuteOf(text: string, range: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || minute > 59 || hour > 24 || (hour === 24 && minute !== 0)) {
    fail(
      `has the malformed hours "${range}"; write ranges of 24-hour times such as 09:00-17:00 (the end is exclusive, 24:00 allowed).`,
    );
  }
  return hour * 60 + minute;
}

/** `09:00-17:00`, `09:00-12:00, 13:00-17:30`; the end is exclusive. */
export function parseHours(value: string | string[]): HourRange[] {
  const items = (Array.isArray(value) ? value : value.split(","))
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) fail("has an empty hours list; write ranges such as 09:00-17:00.");
  const ranges = items.map((item) => {
    const [start, end, extra] = item.split("-");
    if (start === undefined || end === undefined || extra !== undefined) {
      fail(
        `has the malformed hours "${item}"; write ranges of 24-hour times such as 09:00-17:00 (the end is exclusive, 24:00 allowed).`,
      );
    }
    const range = { start: minuteOf(start, item), end: minuteOf(end, item) };
    if (range.end <= range.start) {
      fail(
        `has the hours "${item}", which end before they start; a window cannot cross midnight, so write it as two ranges such as 22:00-24:00, 00:00-02:00.`,
      );
    }
    return range;
  });
  return ranges.sort((a, b) => a.start - b.start);
}

function localDateOf(text: string): LocalDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  return check.getUTCMonth() === date.month - 1 && check.getUTCDate() === date.day
    ? date
    : undefined;
}

/** A freeze bound: a date (a whole local day), a local date-time, or an instant with an offset. */
function freezeBound(text: string, timeZone: string, end: boolean): Date {
  const trimmed = text.trim();
  const date = localDateOf(trimmed);
  if (date) return instantOf(end ? addDays(date, 1) : date, 0, timeZone);
  const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})$/.exec(trimmed);
  const localDay = local ? localDateOf(local[1] ?? "") : undefined;
  if (local && localDay && Number(local[2]) < 24 && Number(local[3]) < 60) {
    return instantOf(localDay, Number(local[2]) * 60 + Number(local[3]), timeZone);
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(trimmed)) {
    const ms = Date.parse(trimmed);
    if (!Number.isNaN(ms)) return new Date(ms);
  }
  return fail(
    `has the freeze date "${text}", which is not a date; write 2026-12-20 (a whole day in the window's time zone), 2026-12-20T18:00 or 2026-12-20T18:00:00Z.`,
  );
}

const ALL_DAY: HourRange[] = [{ start: 0, end: 1440 }];

/**
 * Hours for each weekday. `hours` is one list for every day in `days`, or a map of day or
 * day range → hours, read in order so a later key overrides an earlier one
 * (`{mon-fri: 10:00-16:00, fri: 10:00-12:00}`); days the map does not name, or names as
 * `closed`, are closed.
 */
function parseHoursByDay(
  days: string | string[] | undefined,
  hours: string | string[] | Record<string, string | string[]> | undefined,
): HourRange[][] {
  if (hours === undefined || typeof hours === "string" || Array.isArray(hours)) {
    const open = days !== undefined ? parseDays(days) : [0, 1, 2, 3, 4, 5, 6];
    const ranges = hours !== undefined ? parseHours(hours) : ALL_DAY;
    return [0, 1, 2, 3, 4, 5, 6].map((d) => (open.includes(d) ? ranges : []));
  }
  if (days !== undefined) {
    fail(
      "has both days and hours per day; name the days as the keys of hours (e.g. hours: {mon-thu: 10:00-16:00, fri: 10:00-12:00}) and remove days.",
    );
  }
  const entries = Object.entries(hours);
  if (entries.length === 0)
    fail("has an empty hours map; give hours per day, such as mon-fri: 09:00-17:00.");
  const byDay: HourRange[][] = [[], [], [], [], [], [], []];
  for (const [dayKey, dayHours] of entries) {
    const ranges = dayHours === "closed" ? [] : parseHours(dayHours);
    for (const day of parseDays(dayKey)) byDay[day] = ranges;
  }
  return byDay;
}

export function parseWindowSpec(value: unknown): WindowSpec {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    fail("must be a map such as {timezone: Europe/Berlin, days: mon-fri, hours: 09:00-17:00}.");
  }
  const parsed = deployWindowSchema.safeParse(value);
  if (!parsed.success) {
    // An unknown key usually explains the missing one next to it (until instead of to).
    const issues = parsed.error.issues;
    const issue = issues.find((i) => i.code === "unrecognized_keys") ?? issues[0]!;
    const where = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      const known = where.startsWith("freeze")
        ? "from, to and reason"
        : where.startsWith("holidays")
          ? "country, state, region, types and day-before"
          : "timezone, days, hours, freeze and holidays";
      fail(`has the unknown key "${issue.keys[0]}"${where ? ` in ${where}` : ""}; use ${known}.`);
    }
    if (issue.code === "invalid_type" && issue.message.endsWith("received undefined"))
      fail(`is missing ${where}; add it.`);
    fail(`is invalid at ${where || "the top level"}: ${issue.message.replace(/\.$/, "")}.`);
  }
  const raw = parsed.data;
  const timeZone = raw.timezone?.trim() || "UTC";
  if (!isValidTimeZone(timeZone)) {
    fail(
      `has the unknown time zone "${timeZone}"; use an IANA name such as Europe/Berlin, America/New_York or UTC.`,
    );
  }
  const freezes = (raw.freeze ?? []).map((entry): Freeze => {
    const from = freezeBound(entry.from, timeZone, false);
    const to = freezeBound(entry.to, timeZone, true);
    if (to.getTime() <= from.getTime()) {
      fail(
        `has a freeze that ends (${entry.to}) before it starts (${entry.from}); swap from and to.`,
      );
    }
    return {
      from,
      to,
      reason: entry.reason?.trim() || "freeze",
      label: `${entry.from} – ${entry.to}`,
    };
  });
  const holidays = raw.holidays
    ? {
        country: raw.holidays.country.trim().toUpperCase(),
        state: raw.holidays.state?.trim().toUpperCase(),
        region: raw.holidays.region?.trim(),
        types: (raw.holidays.types ?? ["public"]) as HolidaysTypes.HolidayType[],
        dayBefore: raw.holidays["day-before"] ?? false,
      }
    : undefined;
  const hoursByDay = parseHoursByDay(raw.days, raw.hours);
  const days = [0, 1, 2, 3, 4, 5, 6].filter((d) => (hoursByDay[d] ?? []).length > 0);
  const firstWeekday = [1, 2, 3, 4, 5].find((d) => days.includes(d));
  return {
    timeZone,
    days,
    hoursByDay,
    makeupDayHours: firstWeekday === undefined ? ALL_DAY : hoursByDay[firstWeekday]!,
    freezes,
    holidays,
  };
}
