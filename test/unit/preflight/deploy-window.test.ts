/**
 * Deploy windows, judged on the window's own clock: the last minute of a window, DST
 * changes in both directions, a holiday on a Monday (and the Friday before it), freezes,
 * and the next opening of a closed window.
 */
import { describe, expect, it } from "vitest";
import { evaluateWindow } from "../../../src/preflight/deploy-window.js";
import { holidayCalendar } from "../../../src/preflight/holidays.js";
import { parseWindowSpec } from "../../../src/preflight/window-spec.js";
import { instantOf, localTime } from "../../../src/preflight/zoned-time.js";

async function judge(window: Record<string, unknown>, at: string) {
  const spec = parseWindowSpec(window);
  const calendar = spec.holidays ? await holidayCalendar(spec.holidays, "test") : undefined;
  const decision = evaluateWindow(spec, calendar, new Date(at));
  return {
    open: decision.open,
    reasons: decision.reasons,
    local: decision.local,
    next: decision.nextOpening?.toISOString(),
  };
}

const BERLIN_OFFICE = { timezone: "Europe/Berlin", days: "mon-fri", hours: "09:00-17:00" };

describe("weekdays and hours", () => {
  it.each([
    ["Tue 10:00 CEST", "2026-05-05T08:00:00Z", true, undefined],
    ["the first minute", "2026-05-05T07:00:00Z", true, undefined],
    ["the last minute (16:59)", "2026-05-05T14:59:00Z", true, undefined],
    ["the last second of the last minute", "2026-05-05T14:59:59.999Z", true, undefined],
    ["the end (17:00, exclusive)", "2026-05-05T15:00:00Z", false, "2026-05-06T07:00:00.000Z"],
    ["a minute before opening", "2026-05-05T06:59:00Z", false, "2026-05-05T07:00:00.000Z"],
    ["Saturday", "2026-05-09T10:00:00Z", false, "2026-05-11T07:00:00.000Z"],
    ["Friday after hours", "2026-05-08T16:00:00Z", false, "2026-05-11T07:00:00.000Z"],
  ])("%s", async (_name, at, open, next) => {
    const result = await judge(BERLIN_OFFICE, at);
    expect(result.open).toBe(open);
    expect(result.next).toBe(next);
  });

  it("says why a window is closed, in the window's time zone", async () => {
    expect(await judge(BERLIN_OFFICE, "2026-05-09T15:30:00Z")).toEqual({
      open: false,
      // A closed day says why; its hours would only repeat it.
      reasons: ["Saturday is not a deploy day (Mon–Fri)"],
      local: "Sat 2026-05-09 17:30 Europe/Berlin",
      next: "2026-05-11T07:00:00.000Z",
    });
  });

  it("takes several ranges and wrapping day ranges", async () => {
    const window = { timezone: "UTC", days: "fri-mon", hours: "09:00-12:00, 13:00-17:00" };
    expect(await judge(window, "2026-05-04T12:30:00Z")).toMatchObject({
      open: false,
      next: "2026-05-04T13:00:00.000Z",
    });
    expect((await judge(window, "2026-05-03T10:00:00Z")).open).toBe(true); // Sunday
    expect(await judge(window, "2026-05-05T10:00:00Z")).toMatchObject({
      open: false,
      next: "2026-05-08T09:00:00.000Z",
    }); // Tuesday
  });
});

describe("daylight saving time", () => {
  it.each([
    // Berlin moves to CEST on Sunday 2026-03-29: 09:00 is 08:00Z before, 07:00Z after.
    ["Fri before the change, 08:30 local", "2026-03-27T07:30:00Z", false],
    ["Fri before the change, 09:00 local", "2026-03-27T08:00:00Z", true],
    ["Mon after the change, 09:00 local", "2026-03-30T07:00:00Z", true],
    ["Mon after the change, 08:59 local", "2026-03-30T06:59:00Z", false],
    ["Mon after the change, 16:59 local", "2026-03-30T14:59:00Z", true],
    ["Mon after the change, 17:00 local", "2026-03-30T15:00:00Z", false],
    // Back to CET on Sunday 2026-10-25.
    ["Fri before, 16:59 CEST", "2026-10-23T14:59:00Z", true],
    ["Mon after, 09:00 CET", "2026-10-26T08:00:00Z", true],
    ["Mon after, 08:30 CET (09:30 in CEST terms)", "2026-10-26T07:30:00Z", false],
  ])("%s", async (_name, at, open) => {
    expect((await judge(BERLIN_OFFICE, at)).open).toBe(open);
  });

  it("finds the next opening across a change of offset", async () => {
    expect((await judge(BERLIN_OFFICE, "2026-03-27T16:00:00Z")).next).toBe(
      "2026-03-30T07:00:00.000Z",
    );
    expect((await judge(BERLIN_OFFICE, "2026-10-23T15:00:00Z")).next).toBe(
      "2026-10-26T08:00:00.000Z",
    );
    expect(
      (await judge({ ...BERLIN_OFFICE, timezone: "America/New_York" }, "2026-03-06T22:00:00Z"))
        .next,
    ).toBe("2026-03-09T13:00:00.000Z");
  });

  it("skips a window that lies in the hour the clocks jump over", async () => {
    const window = { timezone: "Europe/Berlin", hours: "02:00-03:00" };
    expect(await judge(window, "2026-03-28T23:30:00Z")).toMatchObject({
      open: false,
      next: "2026-03-30T00:00:00.000Z",
    });
  });

  it("maps local times to instants: a skipped time moves forward, a repeated one takes the first", async () => {
    expect(instantOf({ year: 2026, month: 3, day: 29 }, 150, "Europe/Berlin").toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
    expect(instantOf({ year: 2026, month: 10, day: 25 }, 150, "Europe/Berlin").toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
    expect(localTime(new Date("2026-10-25T01:30:00Z"), "Europe/Berlin")).toMatchObject({
      hour: 2,
      minute: 30,
      weekday: 0,
    });
  });
});

describe("public holidays", () => {
  const german = { ...BERLIN_OFFICE, holidays: { country: "DE", "day-before": true } };

  it("closes a holiday on a Monday, and the Friday before it with day-before", async () => {
    // Whit Monday, 2026-05-25.
    expect(await judge(german, "2026-05-25T08:00:00Z")).toMatchObject({
      open: false,
      reasons: ["2026-05-25 is a public holiday (Whit Monday)"],
      next: "2026-05-26T07:00:00.000Z",
    });
    expect(await judge(german, "2026-05-22T08:00:00Z")).toMatchObject({
      open: false,
      reasons: [
        "2026-05-22 is the last working day before a public holiday (Whit Monday on 2026-05-25)",
      ],
      next: "2026-05-26T07:00:00.000Z",
    });
    expect(
      (await judge({ ...german, holidays: { country: "DE" } }, "2026-05-22T08:00:00Z")).open,
    ).toBe(true);
    expect((await judge(german, "2026-05-21T08:00:00Z")).open).toBe(true);
  });

  it("closes Easter from the Thursday before Good Friday to Easter Monday", async () => {
    expect((await judge(german, "2026-04-02T08:00:00Z")).reasons).toEqual([
      "2026-04-02 is the last working day before a public holiday (Good Friday on 2026-04-03)",
    ]);
    expect((await judge(german, "2026-04-02T08:00:00Z")).next).toBe("2026-04-07T07:00:00.000Z");
  });

  it("knows state holidays and substitute days", async () => {
    const bavaria = { ...BERLIN_OFFICE, holidays: { country: "DE", state: "BY" } };
    expect((await judge(bavaria, "2026-01-06T09:00:00Z")).reasons).toEqual([
      "2026-01-06 is a public holiday (Epiphany)",
    ]);
    expect(
      (await judge({ ...BERLIN_OFFICE, holidays: { country: "DE" } }, "2026-01-06T09:00:00Z")).open,
    ).toBe(true);
    const us = {
      timezone: "America/New_York",
      days: "mon-fri",
      hours: "09:00-17:00",
      holidays: { country: "US" },
    };
    expect((await judge(us, "2026-07-03T15:00:00Z")).reasons).toEqual([
      "2026-07-03 is a public holiday (Independence Day (substitute day))",
    ]);
  });
});

describe("freezes", () => {
  const yearEnd = {
    ...BERLIN_OFFICE,
    freeze: [{ from: "2026-12-21", to: "2027-01-04", reason: "year-end freeze" }],
  };

  it("covers whole days from the first to the last, in the window's time zone", async () => {
    expect((await judge(yearEnd, "2026-12-18T15:59:00Z")).open).toBe(true); // Fri 16:59 CET, before the freeze
    expect(await judge(yearEnd, "2026-12-21T08:00:00Z")).toMatchObject({
      open: false,
      reasons: ['in the freeze "year-end freeze" (2026-12-21 – 2027-01-04)'],
      next: "2027-01-05T08:00:00.000Z",
    });
    expect((await judge(yearEnd, "2027-01-04T15:59:00Z")).open).toBe(false);
    expect((await judge(yearEnd, "2027-01-05T08:00:00Z")).open).toBe(true);
  });

  it("takes exact instants, and opens when a freeze ends within the day", async () => {
    const window = {
      ...BERLIN_OFFICE,
      freeze: [
        { from: "2026-06-01T18:00:00+02:00", to: "2026-06-02T13:30", reason: "db migration" },
      ],
    };
    expect(await judge(window, "2026-06-02T08:00:00Z")).toMatchObject({
      open: false,
      next: "2026-06-02T11:30:00.000Z",
    });
    expect((await judge(window, "2026-06-02T11:30:00Z")).open).toBe(true);
    expect((await judge(window, "2026-06-01T14:59:00Z")).open).toBe(true); // 16:59 CEST, before it
  });
});
