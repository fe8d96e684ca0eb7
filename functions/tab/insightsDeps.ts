import type { InsightsDeps } from '../../core/insights';
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

export { viewerDepsOf } from './viewerDeps';
