import { app, type InvocationContext, type Timer } from '@azure/functions';
import type { Runtime } from './composition';
import { hostRuntime } from './host';

/** Hourly, on the hour (UTC): the job works out whose local send hour it is. */
export const MILESTONE_SCHEDULE = '0 0 * * * *';

/** The hourly milestone job: reminders to managers and celebrations on the day. */
export function milestoneRemindersHandler(runtime: Pick<Runtime, 'logger' | 'now' | 'jobs'>) {
  return async function milestoneReminders(timer: Timer, context: InvocationContext): Promise<void> {
    const logger = runtime.logger.child({ job: 'milestones', invocationId: context.invocationId });
    const now = runtime.now();
    const report = await runtime.jobs.milestones({ now });
    const count = (outcome: string) => report.sends.filter((s) => s.outcome === outcome).length;
    logger.info('milestone job ran', {
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

app.timer('milestoneReminders', {
  schedule: MILESTONE_SCHEDULE,
  runOnStartup: false,
  handler: async (timer, context) => milestoneRemindersHandler(await hostRuntime())(timer, context),
});
