/**
 * Is now a time to deploy? Weekdays and hours are judged on the window's own clock (so a
 * DST change moves the window with the office, not with UTC); freezes are instants; a
 * public holiday closes its day, and with day-before also the last working day before it
 * (the Friday before a holiday on Monday); a weekend day worked in place of a holiday
 * (China's 调休) is open with the weekdays' hours.
 */
import type { HolidayCalendar } from "./holidays.js";
import type { Freeze, HourRange, WindowSpec } from "./window-spec.js";
import type { LocalDate } from "./zoned-time.js";
import { addDays, clockTime, instantOf, isoDate, localTime, weekdayOf } from "./zoned-time.js";

export interface WindowDecision {
  open: boolean;
  /** Why the window is closed (empty when open). */
  reasons: string[];
  /** The local time judged, e.g. `Tue 2026-05-05 10:15 Europe/Berlin`. */
  local: string;
  /** The next instant the window opens, when closed and found within a year. */
  nextOpening?: Date;
}

const DAY_LABELS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const SHORT_DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const SEARCH_DAYS = 400;

export function describeDays(days: number[]): string {
  if (days.length === 7) return "every day";
  const monFirst = [...days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
  const contiguous = monFirst.every((d, i) => i === 0 || d === ((monFirst[i - 1] ?? 0) + 1) % 7);
  if (contiguous && monFirst.length > 2)
    return `${SHORT_DAYS[monFirst[0]!]}–${SHORT_DAYS[monFirst.at(-1)!]}`;
  return monFirst.map((d) => SHORT_DAYS[d]).join(", ");
}

export function describeHours(hours: HourRange[]): string {
  return hours.length === 0
    ? "closed"
    : hours.map((r) => `${clockTime(r.start)}–${clockTime(r.end)}`).join(", ");
}

/** The open hours of a local date: a makeup working day (调休) has the weekdays' hours. */
function hoursOn(
  spec: WindowSpec,
  calendar: HolidayCalendar | undefined,
  date: LocalDate,
): HourRange[] {
  if (calendar?.makeupWorkdayOn(date)) return spec.makeupDayHours;
  return spec.hoursByDay[weekdayOf(date)] ?? [];
}

export function formatLocal(instant: Date, timeZone: string): string {
  const t = localTime(instant, timeZone);
  return `${SHORT_DAYS[t.weekday]} ${isoDate(t)} ${clockTime(t.hour * 60 + t.minute)} ${timeZone}`;
}

function freezeAt(spec: WindowSpec, ms: number): Freeze | undefined {
  return spec.freezes.find((f) => f.from.getTime() <= ms && ms < f.to.getTime());
}

/** Why a whole local day is closed, or undefined when deploys may happen on it. */
function dayClosure(
  spec: WindowSpec,
  calendar: HolidayCalendar | undefined,
  date: LocalDate,
): string | undefined {
  const unknown = calendar?.unknownOn(date);
  if (unknown) return `${isoDate(date)} cannot be judged: ${unknown}`;
  const holiday = calendar?.holidayOn(date);
  if (holiday) return `${isoDate(date)} is a public holiday (${holiday})`;
  if (hoursOn(spec, calendar, date).length === 0) {
    const weekday = weekdayOf(date);
    return `${DAY_LABELS[weekday]} is not a deploy day (${describeDays(spec.days)})`;
  }
  if (calendar && spec.holidays?.dayBefore) {
    // The last working day before a holiday: skip the days deploys never happen on.
    for (let next = addDays(date, 1), i = 0; i < 7; next = addDays(next, 1), i++) {
      const name = calendar.holidayOn(next);
      if (name)
        return `${isoDate(date)} is the last working day before a public holiday (${name} on ${isoDate(next)})`;
      if (hoursOn(spec, calendar, next).length > 0) break;
    }
  }
  return undefined;
}

function endOfRange(date: LocalDate, end: number, timeZone: string): number {
  return (
    end >= 1440 ? instantOf(addDays(date, 1), 0, timeZone) : instantOf(date, end, timeZone)
  ).getTime();
}

/** The first open instant at or after `from`, searching a little more than a year ahead. */
export function nextOpening(
  spec: WindowSpec,
  calendar: HolidayCalendar | undefined,
  from: Date,
): Date | undefined {
  const start = localTime(from, spec.timeZone);
  let date: LocalDate = { year: start.year, month: start.month, day: start.day };
  for (let i = 0; i < SEARCH_DAYS; i++, date = addDays(date, 1)) {
    if (dayClosure(spec, calendar, date)) continue;
    for (const range of hoursOn(spec, calendar, date)) {
      const end = endOfRange(date, range.end, spec.timeZone);
      let candidate = Math.max(
        from.getTime(),
        instantOf(date, range.start, spec.timeZone).getTime(),
      );
      // Freezes may overlap or follow each other: step past each in turn.
      for (
        let freeze = freezeAt(spec, candidate);
        freeze && candidate < end;
        freeze = freezeAt(spec, candidate)
      ) {
        candidate = freeze.to.getTime();
      }
      if (candidate < end) {
        // A freeze may end on another day: that day must be open too.
        const local = localTime(new Date(candidate), spec.timeZone);
        if (local.day === date.day && local.month === date.month) return new Date(candidate);
      }
    }
  }
  return undefined;
}

export function evaluateWindow(
  spec: WindowSpec,
  calendar: HolidayCalendar | undefined,
  now: Date,
): WindowDecision {
  const local = localTime(now, spec.timeZone);
  const today: LocalDate = { year: local.year, month: local.month, day: local.day };
  const reasons: string[] = [];
  const freeze = freezeAt(spec, now.getTime());
  if (freeze) reasons.push(`in the freeze "${freeze.reason}" (${freeze.label})`);
  const closure = dayClosure(spec, calendar, today);
  if (closure) reasons.push(closure);
  const minute = local.hour * 60 + local.minute;
  const hours = hoursOn(spec, calendar, today);
  // A closed day already says why; its empty hours would only repeat it.
  if (hours.length > 0 && !hours.some((r) => r.start <= minute && minute < r.end)) {
    const sameEveryDay = spec.days.every(
      (d) => describeHours(spec.hoursByDay[d] ?? []) === describeHours(hours),
    );
    const which = sameEveryDay ? "" : `${DAY_LABELS[local.weekday]} `;
    reasons.push(
      `${clockTime(minute)} is outside the deploy hours (${which}${describeHours(hours)})`,
    );
  }
  const decision: WindowDecision = {
    open: reasons.length === 0,
    reasons,
    local: formatLocal(now, spec.timeZone),
  };
  if (!decision.open) {
    const next = nextOpening(spec, calendar, now);
    if (next) decision.nextOpening = next;
  }
  return decision;
}
