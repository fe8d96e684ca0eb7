import { app, type InvocationContext, type Timer } from '@azure/functions';
import type { Runtime } from './composition';
import { hostJobsRuntime, inInvocation } from './host';
import { runTimerJob } from './timerRun';

/** Every five minutes (UTC): each brief goes out at its manager's lead before the meeting. */
export const CALENDAR_BRIEFS_SCHEDULE = '0 */5 * * * *';

/** The calendar briefs job: a brief before each 1:1 and an opener before the team meeting. */
export function calendarBriefsHandler(runtime: Pick<Runtime, 'logger' | 'now' | 'jobs'>) {
  return async function calendarBriefs(timer: Timer, context: InvocationContext): Promise<void> {
    await runTimerJob(
      runtime,
      {
        name: 'briefs',
        label: 'calendar briefs',
        run: (now, logger) => runtime.jobs.briefs({ now, logger }),
      },
      timer,
      context,
    );
  };
}

app.timer('calendarBriefs', {
  schedule: CALENDAR_BRIEFS_SCHEDULE,
  runOnStartup: false,
  handler: (timer, context) =>
    inInvocation(context, async () => calendarBriefsHandler(await hostJobsRuntime())(timer, context)),
});
