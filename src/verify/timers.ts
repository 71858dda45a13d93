/**
 * Timeouts and waits measured by the injected Clock, so tests drive them with ManualClock.
 * A timeout must also be cancellable: `systemClock.sleep` cannot be cancelled, and a
 * forgotten ten-second timer would hold the CLI's process open after the last check, so
 * with the system clock a clearable timer is used instead.
 */
import type { Clock } from "../core/clock.js";
import { systemClock, timerDelay } from "../core/clock.js";

export interface Timer {
  /** Aborted, with `reason`, when the time is up. */
  signal: AbortSignal;
  cancel(): void;
}

export function startTimer(clock: Clock, ms: number, reason: unknown): Timer {
  const controller = new AbortController();
  let cancelled = false;
  const fire = () => {
    if (!cancelled) controller.abort(reason);
  };
  if (clock === systemClock) {
    // Beyond the timer limit (about 24.8 days) is as good as never for a request.
    const handle = setTimeout(fire, timerDelay(ms));
    return {
      signal: controller.signal,
      cancel: () => {
        cancelled = true;
        clearTimeout(handle);
      },
    };
  }
  void clock.sleep(ms).then(fire);
  return {
    signal: controller.signal,
    cancel: () => {
      cancelled = true;
    },
  };
}

/** Waits `ms` on the clock, ending early when `signal` aborts. */
export async function wait(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return;
  const timer = startTimer(clock, ms, "elapsed");
  let done = () => {};
  try {
    await new Promise<void>((resolve) => {
      done = () => resolve();
      timer.signal.addEventListener("abort", done, { once: true });
      signal?.addEventListener("abort", done, { once: true });
    });
  } finally {
    timer.cancel();
    signal?.removeEventListener("abort", done);
  }
}
