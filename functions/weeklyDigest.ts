import { app, type InvocationContext, type Timer } from '@azure/functions';
import type { Runtime } from './composition';
import { hostRuntime } from './host';

/** Hourly at five past (UTC): each manager's digest goes out at their local digest hour. */
export const DIGEST_SCHEDULE = '0 5 * * * *';

/** The hourly digest job: the weekly manager digest, once per manager per week. */
export function weeklyDigestHandler(runtime: Pick<Runtime, 'logger' | 'now' | 'jobs'>) {
  return async function weeklyDigest(timer: Timer, context: InvocationContext): Promise<void> {
    const logger = runtime.logger.child({ job: 'digest', invocationId: context.invocationId });
    const now = runtime.now();
    const report = await runtime.jobs.digest({ now });
    const count = (outcome: string) => report.sends.filter((s) => s.outcome === outcome).length;
    logger.info('digest job ran', {
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

app.timer('weeklyDigest', {
  schedule: DIGEST_SCHEDULE,
  runOnStartup: false,
  handler: async (timer, context) => weeklyDigestHandler(await hostRuntime())(timer, context),
});
