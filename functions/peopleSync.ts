import { app, type InvocationContext, type Timer } from '@azure/functions';
import type { ConversationBook } from '../core/delivery';
import type {
  ErasureRegister,
  ImportStatusStore,
  InstallPass,
  PeopleDirectory,
  PersonalAppInstaller,
  DirectorySource,
} from '../core/people';
import type { SettingsStore } from '../core/settings';
import type { Logger } from '../core/shared';
import type { Config } from './config';
import { hostJobsRuntime, inInvocation } from './host';
import { withLogScope } from './logging';

/** Daily at 03:30 UTC: names, e-mails and managers follow Microsoft Graph without anyone running it. */
export const PEOPLE_SYNC_SCHEDULE = '0 30 3 * * *';

// The sync's use case and the Graph clients (@azure/identity, MSAL) are imported when the sync
// runs, not with this file: the Functions host imports every trigger file on each cold start to
// register them, and the bundle's entry stays the registrations (scripts/build.ts).

/** What the daily sync needs of the runtime. */
export interface PeopleSyncRuntime {
  config: Pick<Config, 'graph' | 'bot' | 'azureClientId' | 'deployed'>;
  logger: Logger;
  now: () => Date;
  stores: {
    people: PeopleDirectory;
    erasures: ErasureRegister;
    settings?: SettingsStore;
    /** Where the tenant's last import is kept, for the tab's organisation page. */
    importStatus?: Pick<ImportStatusStore, 'record'>;
  };
  /** The stored chats: with `stores.settings`, the sync can install Moments for people without one. */
  conversations?: ConversationBook;
}

/**
 * How the sync installs Moments for people it has no chat with: only when the tenant turned
 * `installForEveryone` on and the configuration names the app's catalog id (TEAMS_APP_CATALOG_ID).
 */
export async function installPassFor(
  runtime: PeopleSyncRuntime,
  tenantId: string,
  installer: () => Promise<PersonalAppInstaller | undefined> | PersonalAppInstaller | undefined = async () =>
    (await import('./graph/graphAppInstaller')).createGraphAppInstaller(runtime.config, runtime.logger),
): Promise<InstallPass | undefined> {
  const { settings } = runtime.stores;
  if (!settings || !runtime.conversations) return undefined;
  const { tenantSettingsOf } = await import('../core/settings');
  // Only the switch is read here: the default time zone plays no part in it.
  const tenant = await tenantSettingsOf(settings, tenantId, 'UTC');
  if (!tenant.installForEveryone) return undefined;
  const chosen = await installer();
  if (!chosen) {
    runtime.logger.warn(
      'installForEveryone is on but TEAMS_APP_CATALOG_ID is not set: nobody is installed for',
      {
        tenantId,
      },
    );
    return undefined;
  }
  return { installer: chosen, conversations: runtime.conversations };
}

/**
 * The daily Graph sync of the bot's tenant (`npm run job -- sync-people` on a timer). Off unless
 * GRAPH_SYNC is true (the configuration then requires BOT_TENANT_ID): it logs that and reads nothing.
 */
export function peopleSyncHandler(
  runtime: PeopleSyncRuntime,
  source: () => Promise<DirectorySource> | DirectorySource = async () =>
    (await import('./graph/graphDirectory')).createGraphDirectory(runtime.config, runtime.logger),
) {
  return async function peopleSync(timer: Timer, context: InvocationContext): Promise<void> {
    const scope = {
      correlationId: context.invocationId,
      invocationId: context.invocationId,
      job: 'sync-people',
    };
    await withLogScope({ fields: scope }, () => syncOnce(timer, context));
  };

  async function syncOnce(timer: Timer, context: InvocationContext): Promise<void> {
    const logger = runtime.logger.child({ job: 'sync-people', invocationId: context.invocationId });
    const tenantId = runtime.config.bot.tenantId;
    if (!runtime.config.graph.sync || !tenantId) {
      logger.debug('people sync is off: set GRAPH_SYNC=true to follow Microsoft Graph');
      return;
    }
    const install = await installPassFor(runtime, tenantId);
    const { syncPeople } = await import('../core/people');
    const report = await syncPeople(runtime.stores.people, await source(), {
      tenantId,
      now: runtime.now(),
      erasures: runtime.stores.erasures,
      ...(runtime.stores.importStatus ? { importStatus: runtime.stores.importStatus } : {}),
      ...(install ? { install } : {}),
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
      ...(report.installs ? { installs: report.installs } : {}),
    });
  }
}

app.timer('peopleSync', {
  schedule: PEOPLE_SYNC_SCHEDULE,
  runOnStartup: false,
  handler: (timer, context) =>
    inInvocation(context, async () => peopleSyncHandler(await hostJobsRuntime())(timer, context), {
      flush: true,
    }),
});
