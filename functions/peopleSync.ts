import { app, type InvocationContext, type Timer } from '@azure/functions';
import { type ErasureRegister, type PeopleDirectory, syncPeople, type DirectorySource } from '../core/people';
import type { Logger } from '../core/shared';
import type { Config } from './config';
import { createGraphDirectory } from './graph/graphDirectory';
import { hostRuntime } from './host';

/** Daily at 03:30 UTC: names, e-mails and managers follow Microsoft Graph without anyone running it. */
export const PEOPLE_SYNC_SCHEDULE = '0 30 3 * * *';

/** What the daily sync needs of the runtime. */
export interface PeopleSyncRuntime {
  config: Pick<Config, 'graph' | 'bot' | 'azureClientId' | 'deployed'>;
  logger: Logger;
  now: () => Date;
  stores: { people: PeopleDirectory; erasures: ErasureRegister };
}

/**
 * The daily Graph sync of the bot's tenant (`npm run job -- sync-people` on a timer). Off unless
 * GRAPH_SYNC is true (the configuration then requires BOT_TENANT_ID): it logs that and reads nothing.
 */
export function peopleSyncHandler(
  runtime: PeopleSyncRuntime,
  source: () => DirectorySource = () => createGraphDirectory(runtime.config),
) {
  return async function peopleSync(timer: Timer, context: InvocationContext): Promise<void> {
    const logger = runtime.logger.child({ job: 'sync-people', invocationId: context.invocationId });
    const tenantId = runtime.config.bot.tenantId;
    if (!runtime.config.graph.sync || !tenantId) {
      logger.debug('people sync is off: set GRAPH_SYNC=true to follow Microsoft Graph');
      return;
    }
    const report = await syncPeople(runtime.stores.people, source(), {
      tenantId,
      now: runtime.now(),
      erasures: runtime.stores.erasures,
    });
    // Counts only: the report's ids are people's.
    logger.info('people sync ran', {
      tenantId,
      isPastDue: timer.isPastDue,
      added: report.added,
      updated: report.updated,
      unchanged: report.unchanged,
      disabled: report.disabled,
      forgotten: report.forgotten,
      managersUnresolved: report.managersUnresolved,
    });
  };
}

app.timer('peopleSync', {
  schedule: PEOPLE_SYNC_SCHEDULE,
  runOnStartup: false,
  handler: async (timer, context) => peopleSyncHandler(await hostRuntime())(timer, context),
});
