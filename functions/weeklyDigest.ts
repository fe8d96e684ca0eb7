import { app, type InvocationContext, type Timer } from '@azure/functions';
import type { Runtime } from './composition';
import { hostRuntime } from './host';

/** Hourly at five past (UTC): each manager's digest goes out at their local digest hour. */
export const DIGEST_SCHEDULE = '0 5 * * * *';

/** The hourly digest job: the weekly manager digest. */
export function weeklyDigestHandler(runtime: Pick<Runtime, 'logger' | 'now'>) {
  return async function weeklyDigest(timer: Timer, context: InvocationContext): Promise<void> {
    const logger = runtime.logger.child({ job: 'digest', invocationId: context.invocationId });
    logger.info('digest job ran', { at: runtime.now().toISOString(), isPastDue: timer.isPastDue, sent: 0 });
  };
}

app.timer('weeklyDigest', {
  schedule: DIGEST_SCHEDULE,
  runOnStartup: false,
  handler: async (timer, context) => weeklyDigestHandler(await hostRuntime())(timer, context),
});
