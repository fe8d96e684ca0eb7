/**
 * Lets one send at a time be in doubt, and pauses sending while Teams keeps failing.
 *
 * A send is in doubt from the moment it may have reached Teams until the delivery ledger records
 * it: a crash in between makes the next run send it again. Jobs send many messages at once (claims,
 * cards and rate-limit waits overlap), but pass the wire-and-record step through one gate, so a
 * crash can repeat at most one message. Its cost is throughput: at most one message per round trip
 * to Teams plus one ledger write.
 *
 * One message at a time would also make an outage slow: each send can take minutes of retries
 * before it fails. So after {@link SendGateOptions.pauseAfter} transient failures in a row the gate
 * pauses for {@link SendGateOptions.pauseMs}: sends meanwhile are not tried, and their jobs leave
 * them to the next run. After the pause one more failure pauses again; a success resumes.
 */
export class SendGate {
  private tail: Promise<unknown> = Promise.resolve();
  private failuresInARow = 0;
  private pausedUntil = -Infinity;
  private readonly pauseAfter: number;
  private readonly pauseMs: number;
  private readonly clock: () => number;

  constructor(options: SendGateOptions = {}) {
    this.pauseAfter = Math.max(1, options.pauseAfter ?? 5);
    this.pauseMs = options.pauseMs ?? 5 * 60 * 1000;
    this.clock = options.clock ?? Date.now;
  }

  /** True while sending is paused after transient failures in a row. */
  get paused(): boolean {
    return this.clock() < this.pausedUntil;
  }

  /** Runs `step` after every step that entered before it has finished, failed or not. */
  run<T>(step: () => Promise<T>): Promise<T> {
    const result = this.tail.then(step);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** How a send ended: a transient failure counts towards a pause, anything else resets the count. */
  note(ended: 'sent' | 'transient-failure' | 'permanent-failure'): void {
    if (ended !== 'transient-failure') {
      this.failuresInARow = 0;
      return;
    }
    this.failuresInARow += 1;
    if (this.failuresInARow >= this.pauseAfter) {
      this.pausedUntil = this.clock() + this.pauseMs;
      this.failuresInARow = this.pauseAfter - 1;
    }
  }
}

/** Options of {@link SendGate}. */
export interface SendGateOptions {
  /** Transient failures in a row that pause sending. Default 5. */
  pauseAfter?: number;
  /** How long a pause lasts, in ms of `clock`. Default 5 minutes. */
  pauseMs?: number;
  /** This process's clock (not a job's `now`, which the CLI can set). Default `Date.now`. */
  clock?: () => number;
}
