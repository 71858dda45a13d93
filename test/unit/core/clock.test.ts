import { describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/core/clock.js";

describe("ManualClock", () => {
  it("wakes sleepers in order only when time is advanced past them", async () => {
    const clock = new ManualClock(0);
    const woke: string[] = [];
    void clock.sleep(30_000).then(() => woke.push("30s"));
    void clock.sleep(10_000).then(() => woke.push("10s"));
    await clock.advance(9_999);
    expect(woke).toEqual([]);
    await clock.advance(1);
    expect(woke).toEqual(["10s"]);
    await clock.advance(20_000);
    expect(woke).toEqual(["10s", "30s"]);
    expect(clock.now().getTime()).toBe(30_000);
    expect(clock.sleeps).toEqual([30_000, 10_000]);
  });

  it("lets a woken task sleep again within the same advance", async () => {
    const clock = new ManualClock(0);
    let ticks = 0;
    const loop = (async () => {
      for (let i = 0; i < 3; i++) {
        await clock.sleep(1_000);
        ticks++;
      }
    })();
    await clock.advance(3_000);
    await loop;
    expect(ticks).toBe(3);
  });
});
