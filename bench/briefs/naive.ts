/**
 * The naive reads the brief benchmark (bench/briefs.ts) compares the job with, in the benchmark
 * only: a Graph request per manager's calendar and a Cosmos read per person.
 */
import type { BriefManagers, CalendarRead, CalendarReader } from '../../core/briefs';
import type { PeopleDirectory, Person } from '../../core/people';
import { inPool } from '../../core/shared';
import type { Runtime } from '../../functions/composition';

/**
 * NAIVE baseline, in the benchmark only: each manager's calendar read by a request of its own (a
 * batch of one through the same Graph reader), `concurrency` managers at a time.
 */
export function naiveCalendarPerManager(calendar: CalendarReader, concurrency = 8): CalendarReader {
  return {
    eventsOf: async (tenantId, managerIds, from, to) =>
      (
        await inPool(managerIds, concurrency, (id) => calendar.eventsOf(tenantId, [id], from, to))
      ).flat() as CalendarRead[],
  };
}

/**
 * NAIVE baseline, in the benchmark only: the people directory with each report read separately (the
 * ids by one query, then a point read per report); everything else as `people` reads it.
 */
export function naivePeoplePerPerson(
  people: PeopleDirectory,
  reportIds: (tenantId: string, managerId: string) => Promise<string[]>,
): PeopleDirectory {
  const naive = Object.create(people) as PeopleDirectory;
  naive.reportsOf = async (tenantId, managerId) => {
    const ids = await reportIds(tenantId, managerId);
    const found = await Promise.all(ids.map((id) => people.get(tenantId, id)));
    return found.filter((p): p is Person => p !== undefined);
  };
  naive.findMany = async (tenantId, ids) => {
    const found = await Promise.all([...new Set(ids)].map((id) => people.get(tenantId, id)));
    return found.filter((p): p is Person => p !== undefined);
  };
  return naive;
}

/** NAIVE baseline: the report ids of a manager by one query, the naive people reader's first step. */
export function reportIdsOf(runtime: Runtime) {
  const container = runtime.cosmos.database.container('people');
  return async (tenantId: string, managerId: string) => {
    const { resources } = await container.items
      .query<{ id: string }>({
        query: 'SELECT c.id FROM c WHERE c.tenantId = @tenantId AND c.managerId = @managerId',
        parameters: [
          { name: '@tenantId', value: tenantId },
          { name: '@managerId', value: managerId },
        ],
      })
      .fetchAll();
    return resources.map((r) => r.id);
  };
}

/**
 * For the NAIVE run: the first `sample` opted-in managers by the production query's filter with a smaller TOP, so the
 * naive run reads only the managers it briefs, as ours does.
 */
export function sampledManagers(runtime: Runtime, sample: number): BriefManagers {
  const container = runtime.cosmos.database.container('people');
  return {
    optedIn: async (tenantId) =>
      (
        await container.items
          .query<Person>({
            query:
              'SELECT TOP @top * FROM c WHERE c.tenantId = @tenantId AND IS_DEFINED(c.calendarBriefs) AND IS_DEFINED(c.calendarBriefs.leadMinutes) ORDER BY c.id',
            parameters: [
              { name: '@tenantId', value: tenantId },
              { name: '@top', value: sample },
            ],
          })
          .fetchAll()
      ).resources,
  };
}
