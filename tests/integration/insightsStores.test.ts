import { recognitionPage, viewerOf, type KudosPosition } from '../../core/insights';
import type { Recognition } from '../../core/kudos';
import { importPeople, type Person } from '../../core/people';
import { silentLogger } from '../../core/shared';
import { defaultTenantSettings } from '../../core/settings';
import { CosmosImportStatusStore } from '../../functions/cosmos/importStatusRepository';
import { CosmosPeopleDirectory } from '../../functions/cosmos/peopleRepository';
import { CosmosPeopleRoster } from '../../functions/cosmos/peopleRoster';
import { CosmosRecognitionHistory } from '../../functions/cosmos/recognitionHistory';
import { CosmosRecognitionStore } from '../../functions/cosmos/recognitionRepository';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import { peopleCsv, personId as ID } from '../support/peopleCsv';

let cosmos: TestCosmos;
let store: CosmosRecognitionStore;
let history: CosmosRecognitionHistory;
beforeAll(async () => {
  cosmos = await startTestCosmos();
  store = new CosmosRecognitionStore(cosmos.database.container('recognitions'), silentLogger);
  history = new CosmosRecognitionHistory(cosmos.database.container('recognitions'), silentLogger);
});
afterAll(async () => cosmos.close());

const T = 'tenant-a';
const kudos = (id: string, createdAt: string, fields: Partial<Recognition> = {}): Recognition => ({
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
  ...fields,
});

/** Every page of `personId`'s kudos, `size` at a time, as the use case reads them. */
async function allPages(tenantId: string, personId: string, size: number, valueId?: string) {
  const pages: string[][] = [];
  let after: KudosPosition | undefined;
  for (;;) {
    const page = await history.page(tenantId, { personId, ...(valueId ? { valueId } : {}) }, after, size);
    pages.push(page.map((k) => k.id));
    if (page.length < size || pages.length > 50) return pages;
    const last = page[page.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

describe('the tab’s reads of the recognitions container', () => {
  it('pages through kudos that share an instant, each exactly once, in (createdAt, id) order', async () => {
    const stored: Recognition[] = [];
    // 5 instants × 7 kudos each: every page of 4 ends inside a run of equal createdAt.
    for (let t = 0; t < 5; t++) {
      for (let n = 0; n < 7; n++) {
        const id = `page-${String.fromCharCode(97 + ((n * 3) % 7))}${t}`;
        const given = n % 2 === 0;
        stored.push(
          kudos(id, `2026-0${t + 1}-15T09:00:00.000Z`, {
            ...(given ? { giver: { id: 'pia', name: 'Pia' } } : { recipientIds: ['pia'] }),
            value: n % 3 === 0 ? { id: 'growth', name: 'Growth' } : { id: 'teamwork', name: 'Teamwork' },
          }),
        );
      }
    }
    // Someone else's, and another tenant's.
    stored.push(kudos('page-x', '2026-03-15T09:00:00.000Z'));
    stored.push(kudos('page-y', '2026-03-15T09:00:00.000Z', { tenantId: 'tenant-b', recipientIds: ['pia'] }));
    for (const k of stored) await store.create(k);

    const expected = stored
      .filter((k) => k.tenantId === T && (k.giver.id === 'pia' || k.recipientIds.includes('pia')))
      .sort((a, b) =>
        a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? 1 : -1) : a.id < b.id ? 1 : -1,
      )
      .map((k) => k.id);
    const pages = await allPages(T, 'pia', 4);
    expect(pages.slice(0, -1).every((page) => page.length === 4)).toBe(true);
    expect(pages.flat()).toEqual(expected);

    const isGrowth = new Set(stored.filter((k) => k.value.id === 'growth').map((k) => k.id));
    const growth = await allPages(T, 'pia', 3, 'growth');
    expect(growth.flat()).toEqual(expected.filter((id) => isGrowth.has(id)));
    expect(growth.flat()).toHaveLength(15);
  });

  it('serves My recognition’s pages and counts from the real store', async () => {
    for (let i = 0; i < 45; i++) {
      await store.create(
        kudos(
          `mine-${String(i).padStart(2, '0')}`,
          `2027-02-${String(1 + Math.floor(i / 5)).padStart(2, '0')}T08:00:00.000Z`,
          {
            recipientIds: ['quinn'],
            recipients: [{ id: 'quinn', name: 'Quinn' }],
          },
        ),
      );
    }
    const people = new CosmosPeopleDirectory(cosmos.database.container('people'), silentLogger);
    const viewer = await viewerOf(
      {
        people,
        settings: { tenant: async () => undefined },
        namedAdmins: [],
        tenantSettings: async (tenantId) => defaultTenantSettings(tenantId, 'UTC'),
      },
      { tenantId: T, personId: 'quinn' },
    );
    const deps = { history };
    const now = new Date('2027-03-01T00:00:00Z');
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await recognitionPage(deps, viewer, { period: '90d', ...(cursor ? { cursor } : {}) }, now);
      seen.push(...page.items.map((item) => item.id));
      expect(page.totals).toEqual({ received: 45, given: 0 });
      expect(page.counts).toEqual([{ value: { id: 'teamwork', name: 'Teamwork' }, received: 45, given: 0 }]);
      cursor = page.next;
    } while (cursor);
    expect(seen).toHaveLength(45);
    expect(new Set(seen).size).toBe(45);
    expect(seen[0]).toBe('mine-44');
    expect(seen[44]).toBe('mine-00');
  });

  it('projects activity without the words', async () => {
    await store.create(kudos('act-1', '2025-06-01T08:00:00.000Z', { message: 'private words' }));
    const rows = await history.activityBetween(
      T,
      new Date('2025-06-01T00:00:00Z'),
      new Date('2025-06-02T00:00:00Z'),
    );
    expect(rows).toEqual([
      {
        id: 'act-1',
        createdAt: '2025-06-01T08:00:00.000Z',
        giverId: 'alex',
        recipientIds: ['megan'],
        valueId: 'teamwork',
        valueName: 'Teamwork',
      },
    ]);
    const since = await history.involving(T, 'megan', new Date('2025-05-31T00:00:00Z'));
    expect(since.map((row) => row.id)).toContain('act-1');
    expect(JSON.stringify(since)).not.toContain('private words');
  });
});

describe('the import status and the roster', () => {
  it('keeps the last import per tenant, replaced by the next', async () => {
    const statuses = new CosmosImportStatusStore(cosmos.database.container('settings'), silentLogger);
    const people = new CosmosPeopleDirectory(cosmos.database.container('people'), silentLogger);
    const now = new Date('2027-03-17T10:00:00Z');
    expect(await statuses.last('tenant-s')).toBeUndefined();
    await importPeople(people, peopleCsv(`${ID(1)},,One,,,,,,,`, `${ID(2)},,Two,,13-45,,,,,`), {
      tenantId: 'tenant-s',
      now,
      importStatus: statuses,
    });
    expect(await statuses.last('tenant-s')).toEqual({
      tenantId: 'tenant-s',
      at: now.toISOString(),
      source: 'csv',
      added: 1,
      updated: 0,
      refused: [{ line: 3, reason: 'invalidValue' }],
    });
    const later = {
      tenantId: 'tenant-s',
      at: '2027-03-18T03:30:00.000Z',
      source: 'graph' as const,
      added: 0,
      updated: 2,
      refused: [],
    };
    await statuses.record(later);
    expect(await statuses.last('tenant-s')).toEqual(later);
    expect(await statuses.last('tenant-t')).toBeUndefined();
    // The import wrote its one valid row to the directory, as the roster reads it.
    const roster = await new CosmosPeopleRoster(cosmos.database.container('people')).roster('tenant-s');
    expect(roster).toEqual([{ id: ID(1), displayName: 'One' }]);
  });

  it('projects the directory with managers', async () => {
    const people = new CosmosPeopleDirectory(cosmos.database.container('people'), silentLogger);
    const person = (id: string, fields: Partial<Person> = {}): Person => ({
      tenantId: 'tenant-r',
      id,
      displayName: id.toUpperCase(),
      celebrate: {},
      ...fields,
    });
    await people.save(person('boss'));
    await people.save(person('ann', { managerId: 'boss', birthday: '04-02' }));
    const roster = await new CosmosPeopleRoster(cosmos.database.container('people')).roster('tenant-r');
    expect(roster.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'ann', displayName: 'ANN', managerId: 'boss' },
      { id: 'boss', displayName: 'BOSS' },
    ]);
  });
});
