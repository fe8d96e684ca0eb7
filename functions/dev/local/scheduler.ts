import { randomUUID } from 'node:crypto';
import { InvocationContext, type Timer } from '@azure/functions';
import type { Logger } from '../../../core/shared';
import { nextOccurrence, parseSchedule } from './ncrontab';

/** A timer trigger as the local scheduler runs it: the same handler and schedule as in Azure. */
export interface ScheduledJob {
  name: string;
  schedule: string;
  handler: (timer: Timer, context: InvocationContext) => Promise<void>;
}

/** A running scheduler. */
export interface LocalScheduler {
  /** When each job fires next. */
  next(): Record<string, Date>;
  stop(): void;
}

/**
 * Runs timer handlers on their NCRONTAB schedules in this process, as the Functions host would:
 * one run of a job at a time (a run still going when the next is due makes the next one past due).
 */
export function startScheduler(
  jobs: ScheduledJob[],
  logger: Logger,
  now: () => Date = () => new Date(),
): LocalScheduler {
  const timers = new Map<string, NodeJS.Timeout>();
  const upcoming: Record<string, Date> = {};
  let stopped = false;

  const plan = (job: ScheduledJob, last?: Date) => {
    if (stopped) return;
    const schedule = parseSchedule(job.schedule);
    const due = nextOccurrence(schedule, now());
    upcoming[job.name] = due;
    const wait = Math.min(Math.max(due.getTime() - now().getTime(), 0), 2 ** 31 - 1);
    timers.set(
      job.name,
      setTimeout(() => {
        const started = now();
        const timer: Timer = {
          isPastDue: started.getTime() - due.getTime() > 60_000,
          schedule: { adjustForDST: false },
          scheduleStatus: {
            last: (last ?? started).toISOString(),
            next: nextOccurrence(schedule, started).toISOString(),
            lastUpdated: started.toISOString(),
          },
        };
        const context = new InvocationContext({ invocationId: randomUUID(), functionName: job.name });
        job
          .handler(timer, context)
          .catch((error: unknown) => logger.error('scheduled job failed', { job: job.name, error }))
          .finally(() => plan(job, started));
      }, wait),
    );
  };

  for (const job of jobs) plan(job);
  return {
    next: () => ({ ...upcoming }),
    stop: () => {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
    },
  };
}
