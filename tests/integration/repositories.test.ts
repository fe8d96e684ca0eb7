import { silentLogger } from '../../core/shared';
import { CosmosConversationStore } from '../../functions/cosmos/conversationRepository';
import { CosmosPeopleDirectory } from '../../functions/cosmos/peopleRepository';
import { CosmosSettingsStore } from '../../functions/cosmos/settingsRepository';
import { ensureSchema, containerDefinitions } from '../../functions/cosmos/schema';
import type { ConversationRecord } from '../../core/delivery';
import { celebrationSource, effectiveCelebration, type Person } from '../../core/people';
import { changeTenantSettings, defaultTenantSettings, settingTexts } from '../../core/settings';
import { CosmosAuditTrail } from '../../functions/cosmos/auditRepository';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';

let cosmos: TestCosmos;
beforeAll(async () => {
  cosmos = await startTestCosmos();
});
afterAll(async () => cosmos.close());

const TENANT_A = 'tenant-a';
const TENANT_B = 'tenant-b';

const person = (tenantId: string, id: string, displayName: string, managerId?: string): Person => ({
  tenantId,
  id,
  displayName,
  ...(managerId ? { managerId } : {}),
  timeZone: 'Europe/London',
  birthday: '03-14',
  hireDate: '2022-03-14',
  celebrate: { birthday: 'public', anniversary: 'manager' },
});

describe('schema', () => {
  it('creates every container idempotently, with the partition keys the definitions name', async () => {
    await ensureSchema(cosmos.client, cosmos.database.id);
    for (const definition of containerDefinitions) {
      const { resource } = await cosmos.database.container(definition.id).read();
      expect(resource?.partitionKey?.paths).toEqual(definition.partitionKey.paths);
    }
  });
});

describe('CosmosPeopleDirectory', () => {
  it('stores and reads a person exactly as saved', async () => {
    const people = new CosmosPeopleDirectory(cosmos.database.container('people'), silentLogger);
    const megan = person(TENANT_A, 'megan', 'Megan Bowen', 'alex');
    await people.save(megan);
    expect(await people.get(TENANT_A, 'megan')).toEqual(megan);
    expect(await people.get(TENANT_A, 'nobody')).toBeUndefined();
  });

  it('keeps a celebration nobody chose unset, and where a set one came from', async () => {
    const people = new CosmosPeopleDirectory(cosmos.database.container('people'), silentLogger);
    const unchosen: Person = { ...person(TENANT_A, 'unchosen', 'Una Chosen'), celebrate: {} };
    const fromFile: Person = {
      ...person(TENANT_A, 'from-file', 'Fay File'),
      celebrate: { anniversary: 'off' },
      celebrateSource: 'import',
    };
    await people.save(unchosen);
    await people.save(fromFile);
    expect(await people.get(TENANT_A, 'unchosen')).toEqual(unchosen);
    expect(await people.get(TENANT_A, 'from-file')).toEqual(fromFile);
    // A document stored before: both values, no source. It reads as stored and keeps applying.
    const legacy = person(TENANT_A, 'legacy', 'Lee Gacy');
    await cosmos.database.container('people').items.upsert(legacy);
    const read = await people.get(TENANT_A, 'legacy');
    expect(read).toEqual(legacy);
    expect(read && effectiveCelebration(read, 'birthday', 'manager')).toBe('public');
    expect(read && celebrationSource(read, 'birthday')).toBe('import');
    await people.remove(TENANT_A, 'unchosen');
    await people.remove(TENANT_A, 'from-file');
    await people.remove(TENANT_A, 'legacy');
  });

  it('lists a manager’s reports by name and counts a tenant, without crossing tenants', async () => {
    const people = new CosmosPeopleDirectory(cosmos.database.container('people'), silentLogger);
    await people.save(person(TENANT_A, 'adele', 'Adele Vance', 'alex'));
    await people.save(person(TENANT_A, 'lee', 'Lee Gu', 'alex'));
    await people.save(person(TENANT_A, 'patti', 'Patti Fernandez', 'diego'));
    await people.save(person(TENANT_B, 'eve', 'Eve Other', 'alex'));
    const reports = await people.reportsOf(TENANT_A, 'alex');
    expect(reports.map((p) => p.displayName)).toEqual(['Adele Vance', 'Lee Gu', 'Megan Bowen']);
    expect(await people.count(TENANT_B)).toBe(1);
    expect((await people.reportsOf(TENANT_B, 'alex')).map((p) => p.id)).toEqual(['eve']);
    // Several managers in one read: each one's reports as reportsOf gives them.
    const each = await people.reportsOfEach(TENANT_A, ['alex', 'diego', 'nobody']);
    expect([...each.keys()].sort()).toEqual(['alex', 'diego']);
    expect(each.get('alex')?.map((p) => p.displayName)).toEqual(['Adele Vance', 'Lee Gu', 'Megan Bowen']);
    expect(each.get('diego')?.map((p) => p.id)).toEqual(['patti']);
    expect((await people.reportsOfEach(TENANT_B, ['alex', 'diego'])).get('alex')?.map((p) => p.id)).toEqual([
      'eve',
    ]);
  });

  it('counts and names, by name, the people not recognised since a date, within the tenant', async () => {
    const people = new CosmosPeopleDirectory(cosmos.database.container('people'), silentLogger);
    const tenant = 'tenant-quiet';
    const quiet = (id: string, name: string, lastRecognisedOn?: string) =>
      people.save({ ...person(tenant, id, name), ...(lastRecognisedOn ? { lastRecognisedOn } : {}) });
    await quiet('q1', 'Zoe Never');
    await quiet('q2', 'Amy Long Ago', '2027-01-05');
    await quiet('q3', 'Bea Recent', '2027-03-10');
    await quiet('q4', 'Cal On The Day', '2027-02-18');
    await quiet('q5', 'Dan Day Before', '2027-02-17');
    await people.save({ ...person('tenant-other', 'x1', 'Other Never') });
    expect(await people.notRecognisedSince(tenant, '2027-02-18', 2)).toEqual({
      count: 3,
      first: [
        expect.objectContaining({ displayName: 'Amy Long Ago' }),
        expect.objectContaining({ displayName: 'Dan Day Before' }),
      ],
    });
    expect(await people.notRecognisedSince(tenant, '2027-02-18', 0)).toEqual({ count: 3, first: [] });
  });

  it('a tenant-B caller never reads tenant-A people, even knowing their id', async () => {
    const people = new CosmosPeopleDirectory(cosmos.database.container('people'), silentLogger);
    await people.save(person(TENANT_A, 'secret', 'Only In A'));
    expect(await people.get(TENANT_B, 'secret')).toBeUndefined();
    await people.remove(TENANT_B, 'secret');
    expect(await people.get(TENANT_A, 'secret')).toBeDefined();
  });

  it('removes a person, and removing twice is harmless', async () => {
    const people = new CosmosPeopleDirectory(cosmos.database.container('people'), silentLogger);
    await people.save(person(TENANT_A, 'leaver', 'Leaver'));
    await people.remove(TENANT_A, 'leaver');
    await people.remove(TENANT_A, 'leaver');
    expect(await people.get(TENANT_A, 'leaver')).toBeUndefined();
  });
});

describe('CosmosConversationStore', () => {
  const record = (tenantId: string): ConversationRecord => ({
    tenantId,
    id: 'personal:megan',
    kind: 'personal',
    conversationId: 'a:chat-megan',
    userId: 'megan',
    reference: { serviceUrl: 'https://smba.example/', conversation: { id: 'a:chat-megan', tenantId } },
    updatedAt: '2027-03-01T09:00:00.000Z',
  });

  it('stores a reference and reads it back; a second save updates it', async () => {
    const store = new CosmosConversationStore(cosmos.database.container('conversations'), silentLogger);
    await store.save(record(TENANT_A));
    await store.save({ ...record(TENANT_A), updatedAt: '2027-03-02T09:00:00.000Z' });
    expect(await store.get(TENANT_A, 'personal:megan')).toEqual({
      ...record(TENANT_A),
      updatedAt: '2027-03-02T09:00:00.000Z',
    });
  });

  it('keeps tenants apart', async () => {
    const store = new CosmosConversationStore(cosmos.database.container('conversations'), silentLogger);
    await store.save(record(TENANT_A));
    expect(await store.get(TENANT_B, 'personal:megan')).toBeUndefined();
  });

  it('reads many records at once, in chunks, only those of the tenant asked', async () => {
    const store = new CosmosConversationStore(cosmos.database.container('conversations'), silentLogger);
    const chat = (tenantId: string, n: number): ConversationRecord => ({
      ...record(tenantId),
      id: `personal:user-${n}`,
      userId: `user-${n}`,
      conversationId: `a:chat-${n}`,
    });
    for (let n = 0; n < 230; n += 2) await store.save(chat(TENANT_A, n));
    await store.save(chat(TENANT_B, 1));
    const ids = Array.from({ length: 230 }, (_, n) => `personal:user-${n}`);
    const found = await store.getMany(TENANT_A, ids);
    expect(found.map((r) => r.id).sort()).toEqual(ids.filter((_, n) => n % 2 === 0).sort());
    expect(found.every((r) => r.tenantId === TENANT_A)).toBe(true);
    expect(await store.getMany(TENANT_B, ids)).toEqual([chat(TENANT_B, 1)]);
    expect(await store.getMany(TENANT_A, [])).toEqual([]);
  });
});

describe('CosmosSettingsStore', () => {
  it('stores tenant and team settings separately per tenant', async () => {
    const settings = new CosmosSettingsStore(cosmos.database.container('settings'), silentLogger);
    expect(await settings.tenant(TENANT_A)).toBeUndefined();
    const tenant = { ...defaultTenantSettings(TENANT_A, 'Europe/London'), sendHour: 10 };
    await settings.saveTenant(tenant);
    await settings.saveTeam({
      tenantId: TENANT_A,
      teamId: '19:team@thread.tacv2',
      recognitionChannelId: '19:kudos@thread.tacv2',
    });
    expect(await settings.tenant(TENANT_A)).toEqual({ ...tenant, version: expect.any(String) });
    expect(await settings.team(TENANT_A, '19:team@thread.tacv2')).toEqual({
      tenantId: TENANT_A,
      teamId: '19:team@thread.tacv2',
      recognitionChannelId: '19:kudos@thread.tacv2',
    });
    expect(await settings.tenant(TENANT_B)).toBeUndefined();
    expect(await settings.team(TENANT_B, '19:team@thread.tacv2')).toBeUndefined();
  });

  it('reads tenant settings stored before the newer settings existed with their private defaults', async () => {
    const settings = new CosmosSettingsStore(cosmos.database.container('settings'), silentLogger);
    const older = {
      tenantId: 'tenant-older',
      values: [{ id: 'teamwork', name: 'Teamwork' }],
      sendHour: 10,
      digestDay: 1,
      digestHour: 8,
      defaultTimeZone: 'Europe/Paris',
      adminIds: ['alex'],
      dailyKudosLimit: 5,
    };
    await cosmos.database.container('settings').items.create({ ...older, id: 'tenant', type: 'tenant' });
    const read = await settings.tenant('tenant-older');
    expect(read).toEqual({
      ...defaultTenantSettings('tenant-older', 'Europe/Paris'),
      ...older,
      version: expect.any(String),
    });
    expect(read).toMatchObject({
      defaultCelebration: 'manager',
      managerCopy: true,
      installForEveryone: false,
    });
    // Each read has its own copy of the defaults.
    read!.milestones.checkIns.pop();
    expect((await settings.tenant('tenant-older'))?.milestones.checkIns).toEqual([0, 7, 30, 90]);
  });

  it('saves over the version read, and refuses a save over a version someone else replaced (etag)', async () => {
    const settings = new CosmosSettingsStore(cosmos.database.container('settings'), silentLogger);
    const tenantId = 'tenant-versions';
    const fresh = defaultTenantSettings(tenantId, 'UTC');
    const created = await settings.saveTenant(fresh, { ifVersion: null });
    expect(created).toEqual({ saved: true, version: expect.any(String) });
    // Only while nothing is stored: a second first save is refused and changes nothing.
    expect(await settings.saveTenant({ ...fresh, sendHour: 4 }, { ifVersion: null })).toEqual({
      saved: false,
      conflict: true,
    });

    const read = await settings.tenant(tenantId);
    expect(read?.version).toBe(created.saved ? created.version : undefined);
    const first = await settings.saveTenant({ ...read!, sendHour: 10 }, { ifVersion: read!.version! });
    expect(first).toEqual({ saved: true, version: expect.any(String) });
    expect(first.saved && first.version).not.toBe(read!.version);
    // The second saver read the same version: refused, and the first's change stands.
    expect(await settings.saveTenant({ ...read!, sendHour: 7 }, { ifVersion: read!.version! })).toEqual({
      saved: false,
      conflict: true,
    });
    const now = await settings.tenant(tenantId);
    expect(now).toMatchObject({ sendHour: 10, version: first.saved ? first.version : '' });
    // Cosmos DB's own properties stay in the store: the settings read carry none.
    expect(Object.keys(now!).filter((key) => key.startsWith('_') || key === 'id' || key === 'type')).toEqual(
      [],
    );
  });

  it('tells the second of two admins saving at once what changed meanwhile, through Cosmos DB', async () => {
    const container = cosmos.database.container('settings');
    const deps = {
      settings: new CosmosSettingsStore(container, silentLogger),
      audit: new CosmosAuditTrail(container, silentLogger),
      now: new Date('2027-03-11T09:00:00Z'),
      defaultTimeZone: 'UTC',
    };
    const tenantId = 'tenant-two-admins';
    await deps.settings.saveTenant(defaultTenantSettings(tenantId, 'UTC'));
    const shown = await deps.settings.tenant(tenantId);
    const basis = { version: shown!.version, fields: settingTexts(shown!) };
    const alex = { id: 'alex', name: 'Alex Wilber', via: 'teams' as const };
    const megan = { id: 'megan', name: 'Megan Bowen', via: 'teams' as const };
    const first = await changeTenantSettings(deps, {
      tenantId,
      by: alex,
      fields: { ...basis.fields, dailyKudosLimit: '2' },
      basis,
    });
    expect(first.ok).toBe(true);
    const second = await changeTenantSettings(deps, {
      tenantId,
      by: megan,
      fields: { ...basis.fields, sendHour: '7' },
      basis,
    });
    expect(second).toMatchObject({
      ok: false,
      code: 'SETTINGS.CHANGED_MEANWHILE',
      changedMeanwhile: [{ field: 'dailyKudosLimit', value: 2 }],
    });
    expect(await deps.settings.tenant(tenantId)).toMatchObject({ dailyKudosLimit: 2, sendHour: 9 });
    expect(await deps.audit.all(tenantId)).toMatchObject([
      { field: 'dailyKudosLimit', from: 20, to: 2, by: alex, subject: 'settings' },
    ]);
  });
});
