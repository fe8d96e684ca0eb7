/** Raised when a phase of a send attempt takes longer than its time allowance. */
export class AttemptTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`timeout: no answer within ${timeoutMs} ms`);
    this.name = 'AttemptTimeout';
  }
}

/**
 * A timer that can be paused and restarted; when it fires it aborts `signal` and rejects `expired`
 * with an {@link AttemptTimeout}. Paused, it lets a phase that must not count (waiting for the rate
 * limiter) take as long as it needs.
 */
export class Deadline {
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private fire: (error: Error) => void = () => undefined;
  readonly expired = new Promise<never>((_resolve, reject) => {
    this.fire = reject;
  });
  readonly signal = this.abort.signal;

  constructor(private readonly ms: number) {
    // Nobody may be racing `expired` when it fires; that is not an unhandled rejection.
    this.expired.catch(() => undefined);
  }

  /** Starts the full allowance again from now. */
  restart(): void {
    this.pause();
    this.timer = setTimeout(() => {
      this.abort.abort();
      this.fire(new AttemptTimeout(this.ms));
    }, this.ms);
  }

  pause(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
