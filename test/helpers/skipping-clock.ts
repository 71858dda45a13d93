/**
 * The system time plus whatever a test has skipped: a wait the test would otherwise sit
 * through (GitHub dates to the second, a bake of a second) passes at once. Give the same
 * clock to the sandbox (`now`) and to the action, so both see the skip.
 */
import type { Clock } from "../../src/core/clock.js";
import { systemClock } from "../../src/core/clock.js";

export class SkippingClock implements Clock {
  private skipped = 0;

  now(): Date {
    return new Date(Date.now() + this.skipped);
  }

  /** Sleeps for real: a deadline raced against real work (verify's) must not fire at once. */
  sleep(ms: number): Promise<void> {
    return systemClock.sleep(ms);
  }

  skip(ms: number): void {
    this.skipped += ms;
  }
}
