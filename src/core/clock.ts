/**
 * Time as a dependency, so that retries, bake times and deadlines can be tested without
 * waiting: production code uses `systemClock`, tests use `ManualClock`.
 */
export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

/**
 * The longest delay Node's timers take (2^31-1 ms, about 24.8 days): a longer one is
 * silently replaced by 1 ms, so a "wait 30 days" would not wait at all.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A delay a Node timer keeps: never negative, never beyond MAX_TIMER_MS. */
export function timerDelay(ms: number): number {
  return Number.isFinite(ms) ? Math.min(MAX_TIMER_MS, Math.max(0, ms)) : MAX_TIMER_MS;
}

async function sleepFor(ms: number): Promise<void> {
  // A wait beyond the timer limit is several timers in a row.
  for (let left = Math.max(0, ms); ; left -= MAX_TIMER_MS) {
    await new Promise((resolve) => setTimeout(resolve, timerDelay(left)));
    if (left <= MAX_TIMER_MS) return;
  }
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: sleepFor,
};

interface Sleeper {
  wakeAt: number;
  resolve: () => void;
}

/** A clock that moves only when told to. Sleepers wake in order as time passes them. */
export class ManualClock implements Clock {
  private current: number;
  private sleepers: Sleeper[] = [];
  /** Every sleep requested, in milliseconds, in order: tests assert on waits with it. */
  readonly sleeps: number[] = [];

  constructor(start: Date | number = Date.UTC(2026, 0, 1)) {
    this.current = typeof start === "number" ? start : start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    return new Promise((resolve) => {
      this.sleepers.push({ wakeAt: this.current + Math.max(0, ms), resolve });
    });
  }

  /** Move time forward, waking every sleeper whose time has come. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      this.sleepers.sort((a, b) => a.wakeAt - b.wakeAt);
      const next = this.sleepers[0];
      if (!next || next.wakeAt > target) break;
      this.sleepers.shift();
      this.current = next.wakeAt;
      next.resolve();
      // Let the woken code run (and perhaps sleep again) before time moves on.
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.current = target;
  }

  /** Number of sleeps that have not woken yet. */
  get pending(): number {
    return this.sleepers.length;
  }
}
