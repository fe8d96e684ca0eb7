import { InvocationContext, type Timer } from '@azure/functions';
import type { DirectorySource, DirectoryUser } from '../../core/people';
import { PEOPLE_SYNC_SCHEDULE, peopleSyncHandler, type PeopleSyncRuntime } from '../../functions/peopleSync';
import { nextOccurrence, parseSchedule } from '../../functions/dev/local/ncrontab';
import { MemoryErasureRegister, MemoryPeopleDirectory, RecordingLogger } from '../support/fakes';

const TENANT = '5f3e2a1b-0c4d-4e6f-8a9b-1c2d3e4f5a6b';
const timer: Timer = {
  isPastDue: false,
  schedule: { adjustForDST: false },
  scheduleStatus: undefined as never,
};
const context = () => new InvocationContext({ invocationId: 'inv-sync', functionName: 'peopleSync' });

function setup(sync: boolean) {
  const people = new MemoryPeopleDirectory([]);
  const erasures = new MemoryErasureRegister();
  const logger = new RecordingLogger();
  let reads = 0;
  const users: DirectoryUser[] = [
    { id: 'megan', displayName: 'Megan Bowen', mail: 'meganb@contoso.com', accountEnabled: true },
    { id: 'sam', displayName: 'Sam', accountEnabled: true },
  ];
  const source = (): DirectorySource => ({
    async *users() {
      reads++;
      yield* users;
    },
  });
  const runtime: PeopleSyncRuntime = {
    config: {
      graph: { sync, baseUrl: 'https://graph.example/v1.0' },
      bot: { type: 'SingleTenant', tenantId: TENANT },
      azureClientId: undefined,
      deployed: false,
    },
    logger,
    now: () => new Date('2027-03-15T03:30:00Z'),
    stores: { people, erasures },
  };
  return { handler: peopleSyncHandler(runtime, source), people, erasures, logger, reads: () => reads };
}

describe('peopleSync timer trigger', () => {
  it('runs daily at 03:30 UTC', () => {
    const next = (after: string) =>
      nextOccurrence(parseSchedule(PEOPLE_SYNC_SCHEDULE), new Date(after)).toISOString();
    expect(next('2027-03-15T03:29:59Z')).toBe('2027-03-15T03:30:00.000Z');
    expect(next('2027-03-15T03:30:00Z')).toBe('2027-03-16T03:30:00.000Z');
  });

  it('reads nothing while Graph sync is off', async () => {
    const { handler, people, reads, logger } = setup(false);
    await handler(timer, context());
    expect(reads()).toBe(0);
    expect(await people.count(TENANT)).toBe(0);
    expect(logger.lines.some((l) => l.level === 'info')).toBe(false);
  });

  it('syncs the bot’s tenant from Graph, leaving out the forgotten, and logs counts only', async () => {
    const { handler, people, erasures, logger } = setup(true);
    await erasures.record(TENANT, 'sam', new Date('2027-03-01T00:00:00Z'));
    await handler(timer, context());
    expect((await people.get(TENANT, 'megan'))?.displayName).toBe('Megan Bowen');
    expect(await people.get(TENANT, 'sam')).toBeUndefined();
    const line = logger.lines.find((l) => l.message === 'people sync ran');
    expect(line?.fields).toMatchObject({
      invocationId: 'inv-sync',
      tenantId: TENANT,
      added: 1,
      forgotten: 1,
    });
    expect(JSON.stringify(logger.lines)).not.toContain('meganb@contoso.com');
  });
});
