import { silentLogger } from '../../core/shared';
/**
 * The people import against the local Cosmos DB server through @azure/cosmos: the real
 * CosmosPeopleDirectory (findMany, findByEmails, save, remove), with documents compared by
 * `_etag` to prove that an unchanged row writes nothing.
 */
import { importPeople, type Person } from '../../core/people';
import { CosmosPeopleDirectory } from '../../functions/cosmos/peopleRepository';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';
import {
  DEMO_PEOPLE_CSV as DEMO_CSV,
  PEOPLE_CSV_HEADER as HEADER,
  personId as ID,
} from '../support/peopleCsv';

let cosmos: TestCosmos;
let people: CosmosPeopleDirectory;
beforeAll(async () => {
  cosmos = await startTestCosmos();
  people = new CosmosPeopleDirectory(cosmos.database.container('people'), silentLogger);
});
afterAll(async () => cosmos?.close());

type Stored = Person & { _etag: string; _ts: number; hireMonthDay?: string };

/** The tenant's stored documents, system fields included, by id. */
async function documents(tenantId: string): Promise<Map<string, Stored>> {
  const { resources } = await cosmos.database
    .container('people')
    .items.query<Stored>({
      query: 'SELECT * FROM c WHERE c.tenantId = @tenantId',
      parameters: [{ name: '@tenantId', value: tenantId }],
    })
    .fetchAll();
  return new Map(resources.map((doc) => [doc.id, doc]));
}

/** The day the imports run: the files' dates are checked against it. */
const NOW = new Date('2026-12-07T09:00:00Z');
const etags = (docs: Map<string, Stored>) => new Map([...docs].map(([id, doc]) => [id, doc._etag]));

describe('CosmosPeopleDirectory.findByEmails', () => {
  it('finds by email in one tenant, whatever the stored case, and never someone without one', async () => {
    const tenant = 'tenant-emails';
    const base = { celebrate: { birthday: 'public', anniversary: 'public' } } as const;
    await people.save({
      ...base,
      tenantId: tenant,
      id: 'a',
      displayName: 'A',
      email: 'Mixed.Case@Contoso.com',
    });
    await people.save({ ...base, tenantId: tenant, id: 'b', displayName: 'B', email: 'b@contoso.com' });
    await people.save({ ...base, tenantId: tenant, id: 'c', displayName: 'C (no email)' });
    await people.save({
      ...base,
      tenantId: 'tenant-emails-2',
      id: 'x',
      displayName: 'X',
      email: 'b@contoso.com',
    });

    const found = await people.findByEmails(tenant, [
      'mixed.case@contoso.com',
      'B@CONTOSO.COM',
      'none@x.com',
    ]);
    expect(found.map((p) => p.id).sort()).toEqual(['a', 'b']);
    expect(found.find((p) => p.id === 'a')).toEqual({
      ...base,
      tenantId: tenant,
      id: 'a',
      displayName: 'A',
      email: 'Mixed.Case@Contoso.com',
    });
    expect(await people.findByEmails(tenant, [])).toEqual([]);
    expect((await people.findByEmails('tenant-emails-2', ['b@contoso.com'])).map((p) => p.id)).toEqual(['x']);
  });
});

describe('importPeople on Cosmos DB', () => {
  const TENANT = 'tenant-import';

  it('imports demo-people.csv: 6 people, managers resolved, derived fields written', async () => {
    const report = await importPeople(people, DEMO_CSV, { tenantId: TENANT, now: NOW });
    expect(report).toEqual({
      imported: 6,
      updated: 0,
      unchanged: 0,
      removed: 0,
      refused: [],
      ignoredColumns: [],
    });
    const docs = await documents(TENANT);
    expect(docs.size).toBe(6);
    expect(docs.get(ID(6))).toMatchObject({
      displayName: 'Isaiah Langer',
      managerId: ID(5),
      hireDate: '2027-02-16',
      hireMonthDay: '02-16',
      timeZone: 'America/Los_Angeles',
    });
    expect(await people.reportsOf(TENANT, ID(1))).toHaveLength(4);
  });

  it('imports it again: 6 unchanged, and not one document was written', async () => {
    const before = await documents(TENANT);
    const report = await importPeople(people, DEMO_CSV, { tenantId: TENANT, now: NOW });
    expect(report).toMatchObject({ imported: 0, updated: 0, unchanged: 6, removed: 0, refused: [] });
    const after = await documents(TENANT);
    expect(etags(after)).toEqual(etags(before));
    expect([...after.values()].map((d) => d._ts)).toEqual([...before.values()].map((d) => d._ts));
  });

  it('a changed row, a removal and a bad row: counts, the refusal row number, and only those documents touched', async () => {
    const before = await documents(TENANT);
    const file = [
      HEADER,
      `${ID(1)},alexw@contoso.com,Alex Wilber,,05-14,2018-04-09,Europe/London,public,public,`, // 2: unchanged
      `${ID(2)},meganb@contoso.com,Megan Bowen,alexw@contoso.com,03-14,2022-03-18,Europe/London,public,off,`, // 3: updated
      `${ID(3)},,,,,,,,,remove`, // 4: removed
      `${ID(4)},leeg@contoso.com,Lee Gu,alexw@contoso.com,31-12,2027-03-15,Europe/London,public,public,`, // 5: refused
    ].join('\r\n');
    const report = await importPeople(people, file, { tenantId: TENANT, now: NOW });
    expect(report).toMatchObject({ imported: 0, updated: 1, unchanged: 1, removed: 1 });
    expect(report.refused).toEqual([{ rowNumber: 5, reason: expect.stringMatching(/birthday/) }]);

    const after = await documents(TENANT);
    expect(after.has(ID(3))).toBe(false);
    expect(after.get(ID(2))).toMatchObject({
      hireDate: '2022-03-18',
      hireMonthDay: '03-18',
      celebrate: { birthday: 'public', anniversary: 'off' },
    });
    expect(after.get(ID(2))?._etag).not.toBe(before.get(ID(2))?._etag);
    for (const id of [ID(1), ID(4), ID(5), ID(6)]) expect(after.get(id)?._etag).toBe(before.get(id)?._etag);
  });

  it('keeps tenants apart: the same file in another tenant is its own 6, and a removal there leaves this one alone', async () => {
    const OTHER = 'tenant-import-other';
    const mine = etags(await documents(TENANT));
    expect(await importPeople(people, DEMO_CSV, { tenantId: OTHER, now: NOW })).toMatchObject({
      imported: 6,
    });
    expect(
      await importPeople(people, `${HEADER}\n${ID(1)},,,,,,,,,remove\n,diegos@contoso.com,,,,,,,,remove`, {
        tenantId: OTHER,
        now: NOW,
      }),
    ).toMatchObject({ removed: 2, refused: [] });
    expect(await people.count(OTHER)).toBe(4);
    expect(etags(await documents(TENANT))).toEqual(mine);
    expect(await people.get(TENANT, ID(1))).toMatchObject({ displayName: 'Alex Wilber' });
  });
});
