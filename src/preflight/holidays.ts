/**
 * Public holidays by local date, as the country's offices keep them. Names in English, so a
 * summary reads the same everywhere.
 *
 * China follows the State Council's yearly schedule, which moves working days around a
 * holiday (调休: a Saturday or Sunday worked to make a week-long break), from the
 * chinese-days package. date-holidays' CN calendar has only the statutory days and counts
 * group holidays (Women's Day, Youth Day) that most offices work through. Everywhere else
 * date-holidays is used.
 *
 * Both packages are large (date-holidays brings moment-timezone and astronomia), so they
 * are imported only when a window names holidays: a run without a calendar never loads them.
 */
import type { HolidaysTypes } from "date-holidays";
import { ConfigurationError } from "../core/errors.js";
import type { LocalDate } from "./zoned-time.js";
import { isoDate } from "./zoned-time.js";

export interface HolidaySettings {
  country: string;
  state?: string | undefined;
  region?: string | undefined;
  types: HolidaysTypes.HolidayType[];
}

export interface HolidayCalendar {
  /** The holiday's name when `date` is an official day off, else undefined. */
  holidayOn(date: LocalDate): string | undefined;
  /** The holiday's name when `date` is a weekend day worked in its place (调休), else undefined. */
  makeupWorkdayOn(date: LocalDate): string | undefined;
  /** Why holidays on `date` are unknown (its year's schedule is not published), else undefined. */
  unknownOn(date: LocalDate): string | undefined;
}

const known = (list: Record<string, string> | undefined, code: string): boolean =>
  Object.keys(list ?? {}).some((key) => key.toUpperCase() === code.toUpperCase());

async function countryCalendar(
  settings: HolidaySettings,
  source: string,
): Promise<HolidayCalendar> {
  const { default: Holidays } = await import("date-holidays");
  const lookup = new Holidays();
  const { country, state, region } = settings;
  if (!known(lookup.getCountries(), country)) {
    throw new ConfigurationError(
      `${source} holidays.country "${country}" is not a known country; use an ISO 3166-1 code such as DE, US or GB.`,
    );
  }
  if (state && !known(lookup.getStates(country), state)) {
    const states = Object.keys(lookup.getStates(country) ?? {});
    throw new ConfigurationError(
      `${source} holidays.state "${state}" is not a state of ${country.toUpperCase()}; use ${states.length > 0 ? `one of ${states.slice(0, 20).join(", ")}` : "no state for this country"}.`,
    );
  }
  if (region && (!state || !known(lookup.getRegions(country, state), region))) {
    throw new ConfigurationError(
      `${source} holidays.region "${region}" is not a region of ${country.toUpperCase()}${state ? `-${state}` : ""}; check the code or remove it.`,
    );
  }
  const calendar = new Holidays(country, state ?? "", region ?? "", {
    languages: ["en"],
    types: settings.types,
  });
  const byYear = new Map<number, Map<string, string>>();
  const year = (y: number) => {
    let days = byYear.get(y);
    if (!days) {
      days = new Map();
      for (const holiday of calendar.getHolidays(y, "en")) {
        if (!settings.types.includes(holiday.type)) continue;
        const day = holiday.date.slice(0, 10);
        if (!days.has(day)) days.set(day, holiday.name);
      }
      byYear.set(y, days);
    }
    return days;
  };
  return {
    holidayOn: (date) => year(date.year).get(isoDate(date)),
    makeupWorkdayOn: () => undefined,
    unknownOn: () => undefined,
  };
}

/** What is used of chinese-days: its CommonJS build reaches an ES import as `default`. */
interface ChineseDays {
  getDayDetail(date: string): { work: boolean; name: string };
  getHolidaysInRange(start: string, end: string, includeWeekends: boolean): string[];
}

async function loadChineseDays(): Promise<ChineseDays> {
  const loaded = (await import("chinese-days")) as unknown as Partial<ChineseDays> & {
    default?: ChineseDays;
  };
  return typeof loaded.getDayDetail === "function" ? (loaded as ChineseDays) : loaded.default!;
}

async function chinaCalendar(settings: HolidaySettings, source: string): Promise<HolidayCalendar> {
  if (settings.state || settings.region) {
    throw new ConfigurationError(
      `${source} holidays for CN follow the State Council's national schedule; remove holidays.state and holidays.region.`,
    );
  }
  if (settings.types.some((type) => type !== "public")) {
    throw new ConfigurationError(
      `${source} holidays for CN are the State Council's days off; remove holidays.types (only public applies).`,
    );
  }
  const days = await loadChineseDays();
  // A name "National Day,国庆节,3" marks a day of the schedule; a plain weekday name does not.
  const scheduled = (date: LocalDate) => {
    const detail = days.getDayDetail(isoDate(date));
    const [english, chinese] = detail.name.split(",");
    return chinese === undefined ? undefined : { work: detail.work, name: english ?? detail.name };
  };
  const published = new Map<number, boolean>();
  const isPublished = (year: number) => {
    let answer = published.get(year);
    if (answer === undefined) {
      answer = days.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
      published.set(year, answer);
    }
    return answer;
  };
  return {
    holidayOn: (date) => {
      const day = scheduled(date);
      return day && !day.work ? day.name : undefined;
    },
    makeupWorkdayOn: (date) => {
      const day = scheduled(date);
      return day?.work ? day.name : undefined;
    },
    // The schedule for a year is announced late in the year before; until this version
    // of Greenlight carries it, the year's holidays and makeup days are not known.
    unknownOn: (date) =>
      isPublished(date.year)
        ? undefined
        : `the State Council's holiday schedule for ${date.year} is not in this Greenlight version; update Greenlight, or deploy with emergency-override`,
  };
}

/** The calendar for a window's `holidays` setting, loading only the package it needs. */
export async function holidayCalendar(
  settings: HolidaySettings,
  source: string,
): Promise<HolidayCalendar> {
  return settings.country.toUpperCase() === "CN"
    ? chinaCalendar(settings, source)
    : countryCalendar(settings, source);
}
