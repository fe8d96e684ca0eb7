import { silentLogger } from '../../core/shared';
import { KudosService, type KudosRequest } from '../../core/kudos';
import { defaultTenantSettings } from '../../core/settings';
import { CosmosRecognitionStore } from '../../functions/cosmos/recognitionRepository';
import { CosmosPeopleDirectory } from '../../functions/cosmos/peopleRepository';
import { CosmosGivingTallyStore } from '../../functions/cosmos/givingTallyRepository';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';

// The daily limit against the real SDK and the local server: concurrent submits race for the
// giver's tally, and exactly as many as the limit allows are stored.

let cosmos: TestCosmos;
let service: KudosService;
let recognitions: CosmosRecognitionStore;
const T = 'tenant-limit';
beforeAll(async () => {
  cosmos = await startTestCosmos();
  recognitions = new CosmosRecognitionStore(cosmos.database.container('recognitions'), silentLogger);
  const people = new CosmosPeopleDirectory(cosmos.database.container('people'), silentLogger);
  for (const [id, displayName] of [
    ['alex', 'Alex Wilber'],
    ['megan', 'Megan Bowen'],
  ] as const) {
    await people.save({ tenantId: T, id, displayName, timeZone: 'Europe/London', celebrate: {} });
  }
  service = new KudosService(
    recognitions,
    people,
    silentLogger,
    new CosmosGivingTallyStore(cosmos.database.container('deliveries'), silentLogger),
  );
});
afterAll(async () => cosmos.close());

const request = (n: number): KudosRequest => ({
  tenantId: T,
  giver: { id: 'alex', name: 'Alex Wilber' },
  recipientIds: ['megan'],
  valueId: 'teamwork',
  message: `Thanks, number ${n}`,
  place: { kind: 'groupChat', conversationId: '19:chat' },
  postToChannel: false,
  submissionId: `race-${n}`,
});

describe('the daily kudos limit on Cosmos DB', () => {
  it('stores exactly 20 of 30 concurrent submits against a limit of 20; retries of stored ones still answer', async () => {
    const settings = { ...defaultTenantSettings(T, 'UTC'), dailyKudosLimit: 20 };
    const now = new Date('2027-03-11T09:00:00Z');
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, n) => service.give(request(n), settings, now)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(20);
    expect(results.filter((r) => !r.ok && r.code === 'KUDOS.DAILY_LIMIT')).toHaveLength(10);
    expect(await recognitions.countGivenOn(T, 'alex', '2027-03-11')).toBe(20);

    const stored = results.findIndex((r) => r.ok);
    expect(await service.give(request(stored), settings, now)).toMatchObject({ ok: true, duplicate: true });
    expect(await recognitions.countGivenOn(T, 'alex', '2027-03-11')).toBe(20);
  });
});
