/**
 * Deploy windows as teams write them: hours per day (weekdays 10–16, Fridays until noon),
 * China's official holiday schedule with its makeup working days (调休), the day before a
 * holiday, and the same per-day hours across a DST change in a zone that has one.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../../../src/core/errors.js";
import { evaluateWindow } from "../../../src/preflight/deploy-window.js";
import { holidayCalendar } from "../../../src/preflight/holidays.js";
import { parseWindowSpec } from "../../../src/preflight/window-spec.js";

const run = promisify(execFile);

async function judge(window: Record<string, unknown>, at: string) {
  const spec = parseWindowSpec(window);
  const calendar = spec.holidays ? await holidayCalendar(spec.holidays, "test") : undefined;
  const decision = evaluateWindow(spec, calendar, new Date(at));
  return {
    open: decision.open,
    reasons: decision.reasons,
    next: decision.nextOpening?.toISOString(),
  };
}

const TEAM_HOURS = { "mon-fri": "10:00-16:00", fri: "10:00-12:00" };
const SHANGHAI = {
  timezone: "Asia/Shanghai",
  hours: TEAM_HOURS,
  holidays: { country: "CN", "day-before": true },
};

describe("China: the State Council's schedule, Asia/Shanghai (UTC+8)", () => {
  it.each([
    // [case, instant, open, reasons, next opening]
    [
      "a makeup Saturday (调休) after Labour Day is a working day",
      "2026-05-09T02:30:00Z",
      true,
      [],
      undefined,
    ],
    ["the makeup Saturday after National Day too", "2026-10-10T07:59:00Z", true, [], undefined],
    [
      "a makeup day keeps the weekdays' hours",
      "2026-10-10T08:00:00Z",
      false,
      ["16:00 is outside the deploy hours (Saturday 10:00–16:00)"],
      "2026-10-12T02:00:00.000Z",
    ],
    [
      "an ordinary Saturday is closed",
      "2026-05-16T02:30:00Z",
      false,
      ["Saturday is not a deploy day (Mon–Fri)"],
      "2026-05-18T02:00:00.000Z",
    ],
    [
      "National Day, Thursday 1 October",
      "2026-10-01T03:00:00Z",
      false,
      ["2026-10-01 is a public holiday (National Day)"],
      "2026-10-08T02:00:00.000Z",
    ],
    [
      "National Day week, Monday 5 October",
      "2026-10-05T03:00:00Z",
      false,
      ["2026-10-05 is a public holiday (National Day)"],
      "2026-10-08T02:00:00.000Z",
    ],
    [
      "National Day week, Wednesday 7 October",
      "2026-10-07T03:00:00Z",
      false,
      ["2026-10-07 is a public holiday (National Day)"],
      "2026-10-08T02:00:00.000Z",
    ],
    ["the first working day after it", "2026-10-08T02:00:00Z", true, [], undefined],
    [
      "the day before National Day is closed with day-before",
      "2026-09-30T03:00:00Z",
      false,
      ["2026-09-30 is the last working day before a public holiday (National Day on 2026-10-01)"],
      "2026-10-08T02:00:00.000Z",
    ],
    [
      "the makeup Saturday is the last working day before Spring Festival",
      "2026-02-14T03:00:00Z",
      false,
      [
        "2026-02-14 is the last working day before a public holiday (Spring Festival on 2026-02-15)",
      ],
      "2026-02-24T02:00:00.000Z",
    ],
    [
      "so the Friday before it is an ordinary Friday morning",
      "2026-02-13T03:00:00Z",
      true,
      [],
      undefined,
    ],
    [
      "Women's Day (Friday 2024-03-08) is worked: not a day off",
      "2024-03-08T03:00:00Z",
      true,
      [],
      undefined,
    ],
    ["Friday 11:59 is open", "2026-05-15T03:59:00Z", true, [], undefined],
    [
      "Friday from 12:00 is closed",
      "2026-05-15T04:00:00Z",
      false,
      ["12:00 is outside the deploy hours (Friday 10:00–12:00)"],
      "2026-05-18T02:00:00.000Z",
    ],
    ["Thursday 15:59 is open", "2026-05-14T07:59:00Z", true, [], undefined],
  ] as const)("%s", async (_case, at, open, reasons, next) => {
    expect(await judge(SHANGHAI, at)).toEqual({ open, reasons, next });
  });

  it("opens the day before a holiday without day-before", async () => {
    const window = { ...SHANGHAI, holidays: { country: "CN" } };
    expect((await judge(window, "2026-09-30T03:00:00Z")).open).toBe(true);
    expect((await judge(window, "2026-02-14T03:00:00Z")).open).toBe(true);
  });

  it("closes a year whose schedule it does not have, and says how to go on", async () => {
    expect((await judge(SHANGHAI, "2030-05-07T03:00:00Z")).reasons).toEqual([
      "2030-05-07 cannot be judged: the State Council's holiday schedule for 2030 is not in this Greenlight version; update Greenlight, or deploy with emergency-override",
    ]);
  });
});

describe("hours per day across DST, America/New_York", () => {
  const newYork = { timezone: "America/New_York", hours: TEAM_HOURS, holidays: { country: "US" } };

  it.each([
    ["Fri 11:30 EST, before the change", "2026-03-06T16:30:00Z", true, undefined],
    ["Fri 12:00 EST", "2026-03-06T17:00:00Z", false, "2026-03-09T14:00:00.000Z"],
    ["Mon 10:00 EDT, after the change", "2026-03-09T14:00:00Z", true, undefined],
    ["Mon 09:59 EDT", "2026-03-09T13:59:00Z", false, "2026-03-09T14:00:00.000Z"],
    ["Thu 15:59 EDT", "2026-03-12T19:59:00Z", true, undefined],
    ["Fri 11:59 EDT", "2026-03-13T15:59:00Z", true, undefined],
    [
      "Fri 12:00 EDT (11:00 in EST terms)",
      "2026-03-13T16:00:00Z",
      false,
      "2026-03-16T14:00:00.000Z",
    ],
    [
      "Fri 3 July (Independence Day observed)",
      "2026-07-03T15:00:00Z",
      false,
      "2026-07-06T14:00:00.000Z",
    ],
  ] as const)("%s", async (_case, at, open, next) => {
    const result = await judge(newYork, at);
    expect(result.open).toBe(open);
    expect(result.next).toBe(next);
  });
});

describe("writing hours per day", () => {
  it("reads later keys over earlier ones, and closes days named closed or not named", () => {
    const spec = parseWindowSpec({
      hours: { "mon-fri": "09:00-17:00", wed: "closed", sat: "10:00-12:00, 13:00-14:00" },
    });
    expect(spec.days).toEqual([1, 2, 4, 5, 6]);
    expect(spec.hoursByDay[3]).toEqual([]);
    expect(spec.hoursByDay[0]).toEqual([]);
    expect(spec.hoursByDay[6]).toEqual([
      { start: 600, end: 720 },
      { start: 780, end: 840 },
    ]);
  });

  it.each([
    [
      { days: "mon-fri", hours: TEAM_HOURS },
      'Input "deploy-window" has both days and hours per day; name the days as the keys of hours (e.g. hours: {mon-thu: 10:00-16:00, fri: 10:00-12:00}) and remove days.',
    ],
    [
      { hours: { weekdays: "10:00-16:00" } },
      'Input "deploy-window" has the unknown day "weekdays" in days; write mon, tue, wed, thu, fri, sat or sun, or a range such as mon-fri.',
    ],
    [
      { hours: { fri: "12:00-10:00" } },
      'Input "deploy-window" has the hours "12:00-10:00", which end before they start; a window cannot cross midnight, so write it as two ranges such as 22:00-24:00, 00:00-02:00.',
    ],
  ])("refuses %j in one sentence", (window, message) => {
    expect(() => parseWindowSpec(window)).toThrow(new ConfigurationError(message));
  });

  it.each([
    [
      { country: "CN", state: "BJ" },
      "test holidays for CN follow the State Council's national schedule; remove holidays.state and holidays.region.",
    ],
    [
      { country: "CN", types: ["public", "observance"] },
      "test holidays for CN are the State Council's days off; remove holidays.types (only public applies).",
    ],
  ])(
    "refuses China settings the national schedule has no use for: %j",
    async (holidays, message) => {
      const spec = parseWindowSpec({ holidays });
      await expect(holidayCalendar(spec.holidays!, "test")).rejects.toThrow(
        new ConfigurationError(message),
      );
    },
  );
});

describe("calendars are loaded only when a window uses them", () => {
  /**
   * Runs preflight's window check in a fresh process and lists the calendar packages loaded,
   * as the require cache shows them: date-holidays itself loads as an ES module, so the
   * moment-timezone it brings (its heaviest part) stands for it.
   */
  async function packagesLoaded(window: Record<string, unknown>): Promise<string[]> {
    const script = `
      import { createRequire } from "node:module";
      import { parseWindowSpec } from "./src/preflight/window-spec.ts";
      import { evaluateWindow } from "./src/preflight/deploy-window.ts";
      import { holidayCalendar } from "./src/preflight/holidays.ts";
      const spec = parseWindowSpec(${JSON.stringify(window)});
      const calendar = spec.holidays ? await holidayCalendar(spec.holidays, "test") : undefined;
      evaluateWindow(spec, calendar, new Date("2026-05-05T08:00:00Z"));
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify(["moment-timezone", "chinese-days"].filter((p) => loaded.some((f) => f.includes("/node_modules/" + p + "/")))));
    `;
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      { cwd: new URL("../../..", import.meta.url).pathname },
    );
    return JSON.parse(stdout.trim().split("\n").at(-1)!) as string[];
  }

  it("loads neither package for a window without holidays, and only the one a country needs", async () => {
    expect(await packagesLoaded({ timezone: "Europe/Berlin", hours: "09:00-17:00" })).toEqual([]);
    expect(await packagesLoaded({ holidays: { country: "CN" } })).toEqual(["chinese-days"]);
    expect(await packagesLoaded({ holidays: { country: "DE" } })).toEqual(["moment-timezone"]);
  }, 60_000);
});
