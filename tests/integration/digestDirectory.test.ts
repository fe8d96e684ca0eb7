import { silentLogger } from '../../core/shared';
import { CosmosDigestDirectory } from '../../functions/cosmos/digestDirectory';
import { CosmosPeopleDirectory } from '../../functions/cosmos/peopleRepository';
import { CosmosRecognitionStore } from '../../functions/cosmos/recognitionRepository';
import type { Person } from '../../core/people';
import type { Recognition } from '../../core/kudos';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';

let cosmos: TestCosmos;
beforeAll(async () => {
  cosmos = await startTestCosmos();
});
afterAll(async () => cosmos.close());

const person = (tenantId: string, id: string, managerId?: string): Person => ({
  tenantId,
  id,
  displayName: id,
  celebrate: { birthday: 'public', anniversary: 'public' },
  ...(managerId ? { managerId } : {}),
});

const kudos = (tenantId: string, id: string, giverId: string, createdAt: string): Recognition => ({
  tenantId,
  id,
  giver: { id: giverId, name: giverId },
  recipients: [{ id: 'someone', name: 'Someone' }],
  recipientIds: ['someone'],
  value: { id: 'teamwork', name: 'Teamwork' },
  message: 'thanks',
  place: { kind: 'personal', conversationId: 'a:x' },
  postToChannel: false,
  createdAt,
  givenOn: createdAt.slice(0, 10),
  celebrations: [],
});

describe('digest reads on the local Cosmos DB', () => {
  it('managerIds: each manager once, sorted, other tenants never seen', async () => {
    const people = new CosmosPeopleDirectory(cosmos.database.container('people'), silentLogger);
    for (const p of [
      person('t-a', 'alex'),
      person('t-a', 'megan', 'alex'),
      person('t-a', 'adele', 'alex'),
      person('t-a', 'diego', 'alex'),
      person('t-a', 'isaiah', 'diego'),
      person('t-a', 'lonely'),
      person('t-b', 'other', 'boss-b'),
    ])
      await people.save(p);
    const directory = new CosmosDigestDirectory(cosmos.database.container('people'));
    expect(await directory.managerIds('t-a')).toEqual(['alex', 'diego']);
    expect(await directory.managerIds('t-b')).toEqual(['boss-b']);
    expect(await directory.managerIds('t-none')).toEqual([]);
  });

  it('givenBySince: kudos any of the givers gave since the instant, newest first, in the tenant only', async () => {
    const store = new CosmosRecognitionStore(cosmos.database.container('recognitions'), silentLogger);
    await store.create(kudos('t-a', 'k1', 'megan', '2027-03-10T09:00:00.000Z'));
    await store.create(kudos('t-a', 'k2', 'alex', '2027-03-12T09:00:00.000Z'));
    await store.create(kudos('t-a', 'k3', 'megan', '2027-02-01T09:00:00.000Z'));
    await store.create(kudos('t-a', 'k4', 'lee', '2027-03-12T10:00:00.000Z'));
    await store.create(kudos('t-b', 'k5', 'megan', '2027-03-12T11:00:00.000Z'));
    const found = await store.givenBySince('t-a', ['megan', 'alex'], new Date('2027-03-08T00:00:00Z'));
    expect(found.map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(await store.givenBySince('t-a', [], new Date(0))).toEqual([]);
  });
});
