/**
 * A manual clock for code that takes `now` and `sleep` (the rate limiter): time moves only when a
 * test moves it, so what a test asserts about time cannot depend on how busy the machine is.
 */
export class FakeClock {
  private t: number;
  private timers: Array<{ at: number; resolve: () => void }> = [];

  constructor(start = 0) {
    this.t = start;
  }

  now = (): number => this.t;

  /** Resolves once the clock has been moved `ms` past the time of the call. */
  sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      this.timers.push({ at: this.t + ms, resolve });
    });

  /** Moves time forward to `this.now() + ms`, firing timers in order and letting their effects run. */
  async advance(ms: number): Promise<void> {
    const target = this.t + ms;
    await settle();
    for (;;) {
      const due = this.earliest();
      if (!due || due.at > target) break;
      this.fire(due);
      await settle();
    }
    this.t = target;
    await settle();
  }

  /** Moves time to the earliest pending timer and fires every timer due then; false when none is pending. */
  async advanceToNextTimer(): Promise<boolean> {
    const due = this.earliest();
    if (!due) return false;
    await this.advance(due.at - this.t);
    return true;
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  private earliest(): { at: number; resolve: () => void } | undefined {
    return this.timers.reduce<{ at: number; resolve: () => void } | undefined>(
      (first, timer) => (first === undefined || timer.at < first.at ? timer : first),
      undefined,
    );
  }

  private fire(timer: { at: number; resolve: () => void }): void {
    this.timers = this.timers.filter((t) => t !== timer);
    this.t = Math.max(this.t, timer.at);
    timer.resolve();
  }
}

/** Lets every queued promise continuation run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs `work` that mixes real I/O with sleeps on `clock`: waits (in real time) until `idle()` says
 * that nothing but the clock's sleepers is in progress, then moves the clock to the next timer, and
 * again, until `work` settles. So no clock time passes while a request is on its way, however slow
 * the machine, and everything that happened at one clock time is stamped with that time.
 * @throws when the work is idle with no timer left to fire: it would wait for ever.
 */
export async function runOnClock<T>(clock: FakeClock, work: Promise<T>, idle: () => boolean): Promise<T> {
  let finished = false;
  const tracked = work.finally(() => {
    finished = true;
  });
  tracked.catch(() => undefined);
  for (;;) {
    while (!finished && !idle()) await new Promise((resolve) => setTimeout(resolve, 1));
    if (finished) return tracked;
    await settle();
    if (finished || !idle()) continue;
    if (!(await clock.advanceToNextTimer())) {
      throw new Error('The work waits for the clock, but no timer is pending: it would never finish.');
    }
  }
}
