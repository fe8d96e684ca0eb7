import type { Logger } from './logger';

/**
 * Work a turn starts and does not wait for: the turn answers first, the work runs on. Every piece
 * is tracked until it settles, so that the host can let it finish before stopping and tests can
 * wait for it; a failure is logged, never thrown into a turn that has already answered. Work lost
 * with the process is not lost for good: whoever starts it leaves a durable mark that an hourly
 * job picks up.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  /** Starts `work` detached from the caller; `label` names it in the log if it fails. */
  run(label: string, work: () => Promise<unknown>, fields: Record<string, unknown> = {}): void {
    const settled: Promise<void> = Promise.resolve()
      .then(work)
      .then(
        () => undefined,
        (error: unknown) => this.logger.error('background work failed', { ...fields, work: label, error }),
      )
      .finally(() => this.running.delete(settled));
    this.running.add(settled);
  }

  /** How many pieces of work are still running. */
  get pending(): number {
    return this.running.size;
  }

  /** Resolves once every piece of work started so far, and any they started, has settled. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  /**
   * Forgets the work still running, as a process that dies does: nothing waits for it any more.
   * For tests of what the hourly jobs recover.
   */
  abandon(): void {
    this.running.clear();
  }
}
