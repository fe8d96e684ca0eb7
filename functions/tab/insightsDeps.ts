import type { InsightsDeps, ViewerDeps } from '../../core/insights';
import { tenantSettingsOf } from '../../core/settings';
import type { Runtime } from '../composition';
import { CosmosPeopleRoster } from '../cosmos/peopleRoster';
import { CosmosRecognitionHistory } from '../cosmos/recognitionHistory';

/** What the tab's pages read (core/insights), from the runtime's stores and database. */
export function insightsDepsOf(
  runtime: Pick<Runtime, 'stores' | 'cosmos' | 'logger' | 'reachRoll'>,
): InsightsDeps {
  const { database } = runtime.cosmos;
  return {
    recognitions: runtime.stores.recognitions,
    history: new CosmosRecognitionHistory(database.container('recognitions'), runtime.logger),
    people: runtime.stores.people,
    roster: new CosmosPeopleRoster(database.container('people')),
    notes: runtime.stores.notes,
    importStatus: runtime.stores.importStatus,
    reachRoll: runtime.reachRoll,
  };
}

/**
 * What `viewerOf` reads: the directory, the (cached) settings, the admins `MOMENTS_ADMINS` names,
 * and the tenant's settings with the configured default zone for a tenant that has none stored.
 */
export function viewerDepsOf(runtime: Pick<Runtime, 'stores' | 'config'>): ViewerDeps {
  const { people, settings } = runtime.stores;
  return {
    people,
    settings,
    namedAdmins: runtime.config.namedAdmins,
    tenantSettings: (tenantId) => tenantSettingsOf(settings, tenantId, runtime.config.defaultTimeZone),
  };
}
