import { silentLogger } from '../../core/shared';
import { CosmosRecognitionStore } from '../../functions/cosmos/recognitionRepository';
import { CosmosPeopleDirectory } from '../../functions/cosmos/peopleRepository';
import { CosmosGivingTallyStore } from '../../functions/cosmos/givingTallyRepository';
import { KudosService, textTravels, type Recognition } from '../../core/kudos';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { RecordingLogger } from '../support/fakes';
import { countCosmosRequests } from '../support/milestoneFixtures';

let cosmos: TestCosmos;
let store: CosmosRecognitionStore;
beforeAll(async () => {
  cosmos = await startTestCosmos();
  store = new CosmosRecognitionStore(cosmos.database.container('recognitions'), silentLogger);
});
afterAll(async () => cosmos.close());

const T = 'tenant-a';
const recognition = (id: string, createdAt: string, overrides: Partial<Recognition> = {}): Recognition => ({
  tenantId: T,
  id,
  giver: { id: 'alex', name: 'Alex Wilber' },
  recipients: [{ id: 'megan', name: 'Megan Bowen' }],
  recipientIds: ['megan'],
  value: { id: 'teamwork', name: 'Teamwork' },
  message: 'Thank you',
  place: { kind: 'groupChat', conversationId: '19:chat' },
  postToChannel: false,
  createdAt,
  givenOn: createdAt.slice(0, 10),
  celebrations: [],
  ...overrides,
});

describe('CosmosRecognitionStore', () => {
  it('creates once: a second create of the same id returns the stored one', async () => {
    const first = recognition('kudos-a', '2027-03-11T09:00:00.000Z');
    expect(await store.create(first)).toEqual({ created: true });
    expect(await store.create({ ...first, message: 'other' })).toEqual({ created: false, existing: first });
    expect(await store.get(T, 'kudos-a')).toEqual(first);
    expect(await store.get('tenant-b', 'kudos-a')).toBeUndefined();
  });

  it('keeps the giver’s “Let their manager see this” choice; kudos from before it read without one', async () => {
    const open = recognition('kudos-mms-on', '2027-02-01T09:00:00.000Z', { managerMaySee: true });
    const closed = recognition('kudos-mms-off', '2027-02-01T10:00:00.000Z', { managerMaySee: false });
    const older = recognition('kudos-mms-none', '2027-02-01T11:00:00.000Z');
    for (const kudos of [open, closed, older]) await store.create(kudos);
    expect((await store.get(T, 'kudos-mms-on'))?.managerMaySee).toBe(true);
    expect((await store.get(T, 'kudos-mms-off'))?.managerMaySee).toBe(false);
    expect(await store.get(T, 'kudos-mms-none')).not.toHaveProperty('managerMaySee');
    const read = await store.createdBetween(
      T,
      new Date('2027-02-01T00:00:00Z'),
      new Date('2027-02-02T00:00:00Z'),
    );
    expect(Object.fromEntries(read.map((r) => [r.id, textTravels(r)]))).toEqual({
      'kudos-mms-on': true,
      'kudos-mms-off': false,
      'kudos-mms-none': false,
    });
  });

  it('counts kudos given per giver and day, and queries windows and recipients within the tenant', async () => {
    await store.create(
      recognition('kudos-b', '2027-03-12T08:00:00.000Z', {
        recipientIds: ['adele'],
        recipients: [{ id: 'adele', name: 'Adele' }],
      }),
    );
    await store.create(recognition('kudos-c', '2027-03-12T10:00:00.000Z'));
    await store.create({ ...recognition('kudos-d', '2027-03-12T11:00:00.000Z'), tenantId: 'tenant-b' });
    expect(await store.countGivenOn(T, 'alex', '2027-03-12')).toBe(2);
    expect(await store.countGivenOn(T, 'megan', '2027-03-12')).toBe(0);
    const window = await store.createdBetween(
      T,
      new Date('2027-03-12T00:00:00Z'),
      new Date('2027-03-13T00:00:00Z'),
    );
    expect(window.map((r) => r.id)).toEqual(['kudos-c', 'kudos-b']);
    const forMegan = await store.forRecipientsSince(T, ['megan'], new Date('2027-03-01T00:00:00Z'));
    expect(forMegan.map((r) => r.id)).toEqual(['kudos-c', 'kudos-a']);
    expect(
      (await store.forRecipientsSince(T, ['megan', 'adele'], new Date('2027-03-12T00:00:00Z'))).map(
        (r) => r.id,
      ),
    ).toEqual(['kudos-c', 'kudos-b']);
  });

  it('finds the kudos whose fan-out is still pending, oldest first, within the tenant', async () => {
    const aside = { recipients: [{ id: 'isaiah', name: 'Isaiah Langer' }], recipientIds: ['isaiah'] };
    const pendingOne = { ...aside, fanOutPending: true };
    await store.create(recognition('pending-old', '2027-04-01T09:00:00.000Z', pendingOne));
    await store.create(recognition('pending-new', '2027-04-01T09:20:00.000Z', pendingOne));
    await store.create(recognition('pending-done', '2027-04-01T08:00:00.000Z', aside));
    await store.create({
      ...recognition('pending-other', '2027-04-01T08:00:00.000Z', pendingOne),
      tenantId: 'tenant-b',
    });
    const pending = await store.pendingFanOuts(T, new Date('2027-04-01T09:30:00.000Z'));
    expect(pending.map((r) => r.id)).toEqual(['pending-old', 'pending-new']);
    expect((await store.pendingFanOuts(T, new Date('2027-04-01T09:10:00.000Z'))).map((r) => r.id)).toEqual([
      'pending-old',
    ]);
  });

  it('reads the kudos of any number of recipients, a hundred people per query, each kudos once', async () => {
    const people = Array.from({ length: 250 }, (_, i) => `person-${String(i).padStart(3, '0')}`);
    const to = (...ids: string[]) => ({
      recipientIds: ids,
      recipients: ids.map((id) => ({ id, name: id })),
    });
    // person-000 and person-150 fall in different queries; their shared kudos comes back once.
    await store.create(
      recognition('many-shared', '2027-04-01T10:00:00.000Z', to('person-000', 'person-150')),
    );
    await store.create(recognition('many-last', '2027-04-01T11:00:00.000Z', to('person-249')));
    await store.create(recognition('many-first', '2027-04-01T09:00:00.000Z', to('person-001')));
    await store.create(recognition('many-old', '2027-03-20T09:00:00.000Z', to('person-002')));
    await store.create({
      ...recognition('many-elsewhere', '2027-04-01T12:00:00.000Z', to('person-003')),
      tenantId: 'tenant-b',
    });
    const counter = countCosmosRequests(cosmos.server.port);
    try {
      const found = await store.forRecipientsSince(
        T,
        [...people, 'person-001'],
        new Date('2027-03-31T00:00:00Z'),
      );
      expect(found.map((r) => r.id)).toEqual(['many-last', 'many-shared', 'many-first']);
      // Three queries of at most 100 people, each after its query-plan request.
      expect(counter.total).toBe(6);
      counter.reset();
      expect(await store.forRecipientsSince(T, [], new Date(0))).toEqual([]);
      expect(counter.total).toBe(0);
    } finally {
      counter.stop();
    }
  });

  it('two people celebrating at the same instant both count', async () => {
    await store.create(recognition('kudos-e', '2027-03-13T09:00:00.000Z'));
    const service = new KudosService(
      store,
      new CosmosPeopleDirectory(cosmos.database.container('people'), silentLogger),
      new RecordingLogger(),
      new CosmosGivingTallyStore(cosmos.database.container('deliveries'), silentLogger),
    );
    const at = new Date('2027-03-13T09:05:00Z');
    const celebrants = Array.from({ length: 6 }, (_, i) => ({ id: `person-${i}`, name: `Person ${i}` }));
    await Promise.all(celebrants.map((c) => service.toggleCelebration(T, 'kudos-e', c, at)));
    const stored = await store.get(T, 'kudos-e');
    expect(stored?.celebrations.map((c) => c.id).sort()).toEqual(celebrants.map((c) => c.id).sort());
  });

  it('an update that loses every race gives up after eight attempts and leaves the other writes', async () => {
    const container = cosmos.database.container('recognitions');
    await store.create(recognition('kudos-f', '2027-03-14T09:00:00.000Z'));
    // Another writer changes the document between each of our reads and our replace.
    let rivalWrites = 0;
    const contested = new Proxy(container, {
      get(target, name, receiver) {
        if (name !== 'item') return Reflect.get(target, name, receiver) as unknown;
        return (id: string, key: string[]) => {
          const item = target.item(id, key);
          return {
            read: () => item.read<Recognition>(),
            replace: async (body: Recognition, options: object) => {
              const { resource } = await item.read<Recognition>();
              rivalWrites++;
              await item.replace({ ...resource!, message: `rival ${rivalWrites}` });
              return item.replace(body, options);
            },
          };
        };
      },
    });
    const contestedStore = new CosmosRecognitionStore(contested, silentLogger);

    await expect(
      contestedStore.update(T, 'kudos-f', (current) => ({ ...current, message: 'ours' })),
    ).rejects.toThrow('Recognition kudos-f kept changing under us; gave up after 8 attempts.');
    expect(rivalWrites).toBe(8);
    expect((await store.get(T, 'kudos-f'))?.message).toBe('rival 8');
  });
});
