import { app, type InvocationContext, type Timer } from '@azure/functions';
import type { Runtime } from './composition';
import { hostRuntime } from './host';

/** Hourly, on the hour (UTC): the job works out whose local send hour it is. */
export const FOLLOW_UP_SCHEDULE = '0 0 * * * *';

/** The hourly follow-up job: nudges authors of private notes on their follow-up day. */
export function followUpNudgesHandler(runtime: Pick<Runtime, 'logger' | 'now' | 'jobs'>) {
  return async function followUpNudges(timer: Timer, context: InvocationContext): Promise<void> {
    const logger = runtime.logger.child({ job: 'followups', invocationId: context.invocationId });
    const now = runtime.now();
    const report = await runtime.jobs.followups({ now });
    const count = (outcome: string) => report.sends.filter((s) => s.outcome === outcome).length;
    logger.info('follow-up job ran', {
      at: now.toISOString(),
      isPastDue: timer.isPastDue,
      tenants: report.tenants,
      sent: count('sent'),
      failed: count('failed'),
      gaveUp: count('gave-up'),
      unreachable: count('unreachable'),
    });
  };
}

app.timer('followUpNudges', {
  schedule: FOLLOW_UP_SCHEDULE,
  runOnStartup: false,
  handler: async (timer, context) => followUpNudgesHandler(await hostRuntime())(timer, context),
});
