import { app, type InvocationContext, type Timer } from '@azure/functions';
import type { Runtime } from './composition';
import { hostJobsRuntime, inInvocation } from './host';
import { runTimerJob } from './timerRun';

/** Hourly at five past (UTC): each manager's digest goes out at their local digest hour. */
export const DIGEST_SCHEDULE = '0 5 * * * *';

/** The hourly digest job: the weekly manager digest, once per manager per week. */
export function weeklyDigestHandler(runtime: Pick<Runtime, 'logger' | 'now' | 'jobs'>) {
  return async function weeklyDigest(timer: Timer, context: InvocationContext): Promise<void> {
    await runTimerJob(
      runtime,
      { name: 'digest', label: 'digest', run: (now, logger) => runtime.jobs.digest({ now, logger }) },
      timer,
      context,
    );
  };
}

app.timer('weeklyDigest', {
  schedule: DIGEST_SCHEDULE,
  runOnStartup: false,
  handler: (timer, context) =>
    inInvocation(context, async () => weeklyDigestHandler(await hostJobsRuntime())(timer, context), {
      flush: true,
    }),
});
