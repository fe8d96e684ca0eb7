import { app, type InvocationContext, type Timer } from '@azure/functions';
import type { Runtime } from './composition';
import { hostJobsRuntime, inInvocation } from './host';
import { runTimerJob } from './timerRun';

/** Hourly, on the hour (UTC): the job works out whose local send hour it is. */
export const MILESTONE_SCHEDULE = '0 0 * * * *';

/** The hourly milestone job: reminders to managers and celebrations on the day. */
export function milestoneRemindersHandler(runtime: Pick<Runtime, 'logger' | 'now' | 'jobs'>) {
  return async function milestoneReminders(timer: Timer, context: InvocationContext): Promise<void> {
    await runTimerJob(
      runtime,
      {
        name: 'milestones',
        label: 'milestone',
        run: (now, logger) => runtime.jobs.milestones({ now, logger }),
      },
      timer,
      context,
    );
  };
}

app.timer('milestoneReminders', {
  schedule: MILESTONE_SCHEDULE,
  runOnStartup: false,
  handler: (timer, context) =>
    inInvocation(context, async () => milestoneRemindersHandler(await hostJobsRuntime())(timer, context), {
      flush: true,
    }),
});
