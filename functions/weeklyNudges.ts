import { app, type InvocationContext, type Timer } from '@azure/functions';
import type { Runtime } from './composition';
import { hostJobsRuntime, inInvocation } from './host';
import { runTimerJob } from './timerRun';

/** Hourly at ten past (UTC), after the digest: each person's nudge goes out at their local hour. */
export const NUDGE_SCHEDULE = '0 10 * * * *';

/** The hourly nudge job: the weekly "remind me to recognise someone" card, once per person per week. */
export function weeklyNudgesHandler(runtime: Pick<Runtime, 'logger' | 'now' | 'jobs'>) {
  return async function weeklyNudges(timer: Timer, context: InvocationContext): Promise<void> {
    await runTimerJob(
      runtime,
      { name: 'nudges', label: 'nudge', run: (now, logger) => runtime.jobs.nudges({ now, logger }) },
      timer,
      context,
    );
  };
}

app.timer('weeklyNudges', {
  schedule: NUDGE_SCHEDULE,
  runOnStartup: false,
  handler: (timer, context) =>
    inInvocation(context, async () => weeklyNudgesHandler(await hostJobsRuntime())(timer, context), {
      flush: true,
    }),
});
