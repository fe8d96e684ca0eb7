/**
 * Lets one send at a time be in doubt. A send is in doubt from the moment it may have reached
 * Teams until the delivery ledger records it: a crash in between makes the next run send it
 * again. Jobs send many messages at once (claims, cards and rate-limit waits overlap), but pass
 * the wire-and-record step through one gate, so a crash can repeat at most one message.
 *
 * Its cost is throughput: at most one message per round trip to Teams plus one ledger write.
 */
export class SendGate {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `step` after every step that entered before it has finished, failed or not. */
  run<T>(step: () => Promise<T>): Promise<T> {
    const result = this.tail.then(step);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
