import { app, type InvocationContext, type Timer } from '@azure/functions';
import type { Runtime } from './composition';
import { hostJobsRuntime, inInvocation } from './host';
import { runTimerJob } from './timerRun';

/** Hourly, on the hour (UTC): the job works out whose local send hour it is. */
export const FOLLOW_UP_SCHEDULE = '0 0 * * * *';

/**
 * The hourly follow-up job: nudges authors of private notes on their follow-up day; then completes
 * the kudos fan-outs a process stopped before finishing (their notices and posts).
 */
export function followUpNudgesHandler(runtime: Pick<Runtime, 'logger' | 'now' | 'jobs'>) {
  return async function followUpNudges(timer: Timer, context: InvocationContext): Promise<void> {
    await runTimerJob(
      runtime,
      {
        name: 'followups',
        label: 'follow-up',
        run: (now, logger) => runtime.jobs.followups({ now, logger }),
      },
      timer,
      context,
    );
    await runTimerJob(
      runtime,
      {
        name: 'kudos-fan-out',
        label: 'kudos fan-out',
        run: (now, logger) => runtime.jobs.kudosFanOuts({ now, logger }),
      },
      timer,
      context,
    );
  };
}

app.timer('followUpNudges', {
  schedule: FOLLOW_UP_SCHEDULE,
  runOnStartup: false,
  handler: (timer, context) =>
    inInvocation(context, async () => followUpNudgesHandler(await hostJobsRuntime())(timer, context), {
      flush: true,
    }),
});
