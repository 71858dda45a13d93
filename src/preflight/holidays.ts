/**
 * Public holidays of a country (and optionally a state or region), by local date, from the
 * date-holidays package. Names in English where the data has them, so a summary reads the
 * same everywhere.
 */
import Holidays from "date-holidays";
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
  /** The holiday's name when `date` is one, else undefined. */
  holidayOn(date: LocalDate): string | undefined;
}

function known(list: Record<string, string> | undefined, code: string): boolean {
  return Object.keys(list ?? {}).some((key) => key.toUpperCase() === code.toUpperCase());
}

export function holidayCalendar(settings: HolidaySettings, source: string): HolidayCalendar {
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
  return { holidayOn: (date) => year(date.year).get(isoDate(date)) };
}
